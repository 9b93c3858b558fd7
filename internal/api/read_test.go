package api

import (
	"bufio"
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"sitrep/internal/event"
	"sitrep/internal/store"
)

func TestMapMarkers(t *testing.T) { backends(t, testMapMarkers) }

func testMapMarkers(t *testing.T, st store.Store) {
	h := New(st, nil, nil, Options{}).Handler()
	code, body := call(t, h, "GET", "/api/map?country=SY", "")
	if code != http.StatusOK {
		t.Fatalf("status %d: %s", code, body)
	}
	m := decode[markers](t, body)
	if len(m.Markers) != 2 || m.Truncated {
		t.Fatalf("got %+v, want 2 markers, not truncated", m)
	}
	idlib := m.Markers[0]
	want := marker{ID: idlib.ID, Lat: 35.93, Lon: 36.63, Date: "2026-02-05", DateEnd: "2026-02-05",
		EventType: "Explosions/Remote violence", SubEventType: "Air/drone strike", Fatalities: 12, Country: "SY",
		Location: "Idlib", Actor1: "Military Forces of Russia"}
	if idlib != want || idlib.ID == "" {
		t.Errorf("marker %+v, want %+v", idlib, want)
	}
}

func TestMapTruncated(t *testing.T) {
	h := New(fixture(t), nil, nil, Options{MaxMarkers: 3}).Handler()
	for query, want := range map[string]markers{
		"":           {Truncated: true, Markers: make([]marker, 3)},
		"country=SY": {Truncated: false, Markers: make([]marker, 2)},
	} {
		_, body := call(t, h, "GET", "/api/map?"+query, "")
		got := decode[markers](t, body)
		if len(got.Markers) != len(want.Markers) || got.Truncated != want.Truncated {
			t.Errorf("%q: %d markers, truncated %v; want %d, %v", query, len(got.Markers), got.Truncated,
				len(want.Markers), want.Truncated)
		}
	}
}

func TestTimeline(t *testing.T) { backends(t, testTimeline) }

func testTimeline(t *testing.T, st store.Store) {
	h := New(st, nil, nil, Options{}).Handler()
	code, body := call(t, h, "GET", "/api/timeline?from=2026-02-01&to=2026-02-09", "")
	if code != http.StatusOK {
		t.Fatalf("status %d: %s", code, body)
	}
	got := decode[map[string][]day](t, body)["days"]
	want := []day{
		{"2026-02-03", "Explosions/Remote violence", 1, 7},
		{"2026-02-05", "Explosions/Remote violence", 1, 12},
		{"2026-02-08", "Battles", 1, 4},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("day %d: %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestTimelineClipsToRange(t *testing.T) { backends(t, testTimelineClipsToRange) }

// testTimelineClipsToRange stores an incident from 28 January to 4 February and checks that the timeline
// counts it once, on its first day inside the range asked for, so that no bar lies before from.
func testTimelineClipsToRange(t *testing.T, st store.Store) {
	long := mkEvent("https://news.example/long#a", spec{"Armed clash", feb(4), "Gao", 16.27, -0.04, "ML", 6, "JNIM"})
	long.Date.Start = event.NewDate(2026, time.January, 28)
	long.Date.Precision = event.PrecisionWeek
	d := store.Document{Document: event.Document{URL: "https://news.example/long", Title: "Week of fighting",
		Language: "en", Text: "Fighting went on near Gao for a week."}, CanonicalURL: "https://news.example/long"}
	if _, err := st.PutResult(context.Background(), d, []event.Event{long}); err != nil {
		t.Fatal(err)
	}
	h := New(st, nil, nil, Options{}).Handler()
	tests := []struct{ query, wantDay string }{
		{"country=ML", "2026-01-28"},
		{"country=ML&to=2026-01-30", "2026-01-28"},
		{"country=ML&from=2026-01-28", "2026-01-28"},
		{"country=ML&from=2026-02-01&to=2026-02-09", "2026-02-01"},
		{"country=ML&from=2026-02-04", "2026-02-04"},
		{"country=ML&from=2026-02-05", ""},
	}
	for _, tt := range tests {
		code, body := call(t, h, "GET", "/api/timeline?"+tt.query, "")
		if code != http.StatusOK {
			t.Fatalf("%s: status %d: %s", tt.query, code, body)
		}
		got := decode[map[string][]day](t, body)["days"]
		var want []day
		if tt.wantDay != "" {
			want = []day{{tt.wantDay, "Battles", 1, 6}}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: got %+v, want %+v", tt.query, got, want)
		}
	}
	// Every bar of a ranged timeline lies inside the range, and the counts add up to the incident list.
	code, body := call(t, h, "GET", "/api/timeline?from=2026-02-01&to=2026-02-09", "")
	if code != http.StatusOK {
		t.Fatalf("status %d: %s", code, body)
	}
	total := 0
	for _, d := range decode[map[string][]day](t, body)["days"] {
		if d.Date < "2026-02-01" || d.Date > "2026-02-09" {
			t.Errorf("bar %+v outside the range", d)
		}
		total += d.Incidents
	}
	_, list := call(t, h, "GET", "/api/incidents?from=2026-02-01&to=2026-02-09", "")
	if n := len(decode[struct{ Incidents []json.RawMessage }](t, list).Incidents); n != total {
		t.Errorf("timeline counts %d incidents, the list has %d", total, n)
	}
}

func TestExport(t *testing.T) {
	h := New(fixture(t), nil, nil, Options{}).Handler()
	tests := []struct {
		query, ctype string
		lines        int // non-empty lines, or -1 to parse as one JSON document
	}{
		{"format=jsonl&country=CD", "application/jsonl", 2},
		{"country=CD", "application/jsonl", 2},
		{"format=acled-csv", "text/csv", 6},
		{"format=geojson&country=SY", "application/geo+json", -1},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			req := "/api/export?" + tt.query
			rec := serve(h, "GET", req)
			if rec.Code != http.StatusOK {
				t.Fatalf("status %d: %s", rec.Code, rec.Body)
			}
			if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, tt.ctype) {
				t.Errorf("content type %q, want %q", ct, tt.ctype)
			}
			if tt.lines < 0 {
				var fc struct{ Features []json.RawMessage }
				if err := json.Unmarshal(rec.Body.Bytes(), &fc); err != nil || len(fc.Features) != 2 {
					t.Errorf("geojson: %v, %d features", err, len(fc.Features))
				}
				return
			}
			n := 0
			for sc := bufio.NewScanner(rec.Body); sc.Scan(); {
				if strings.TrimSpace(sc.Text()) != "" {
					n++
				}
			}
			if n != tt.lines {
				t.Errorf("%d lines, want %d", n, tt.lines)
			}
		})
	}
}

func TestDocumentsAndSources(t *testing.T) {
	h := New(fixture(t), nil, nil, Options{}).Handler()
	code, body := call(t, h, "GET", "/api/documents?q=villagers", "")
	if code != http.StatusOK {
		t.Fatalf("status %d: %s", code, body)
	}
	p := decode[documentPage](t, body)
	if len(p.Documents) != 1 || p.Documents[0].URL != "https://news.example/5" {
		t.Fatalf("search gave %+v", p.Documents)
	}
	code, body = call(t, h, "GET", "/api/documents/"+url.PathEscape(p.Documents[0].ID), "")
	if code != http.StatusOK || !strings.Contains(body, "Gunmen attacked villagers") {
		t.Fatalf("document: %d %s", code, body)
	}
	code, body = call(t, h, "GET", "/api/documents?limit=2", "")
	if p := decode[documentPage](t, body); code != http.StatusOK || len(p.Documents) != 2 || p.Next == "" {
		t.Fatalf("first page: %d %+v", code, p)
	}
	if code, body = call(t, h, "POST", "/api/sources", `{"url":"https://feeds.example/a.xml"}`); code != http.StatusCreated {
		t.Fatalf("add source: %d %s", code, body)
	}
	code, body = call(t, h, "GET", "/api/sources", "")
	if code != http.StatusOK || !strings.Contains(body, `"url":"https://feeds.example/a.xml"`) {
		t.Fatalf("sources: %d %s", code, body)
	}
}

func TestOpsEndpoints(t *testing.T) {
	h := New(fixture(t), nil, nil, Options{}).Handler()
	if code, body := call(t, h, "GET", "/healthz", ""); code != http.StatusOK || !strings.Contains(body, `"ok"`) {
		t.Errorf("healthz: %d %s", code, body)
	}
	call(t, h, "GET", "/api/incidents?country=XX1", "")
	code, body := call(t, h, "GET", "/api/stats", "")
	if code != http.StatusOK || !strings.Contains(body, `"incidents":5`) || !strings.Contains(body, `"pipeline":null`) {
		t.Errorf("stats: %d %s", code, body)
	}
	code, body = call(t, h, "GET", "/metrics", "")
	if code != http.StatusOK {
		t.Fatalf("metrics: %d", code)
	}
	for _, want := range []string{
		`sitrep_http_requests_total{route="GET /healthz",code="200"} 1`,
		`sitrep_http_requests_total{route="GET /api/incidents",code="400"} 1`,
		`sitrep_http_request_duration_seconds_bucket{route="GET /api/stats",le="+Inf"} 1`,
		`sitrep_http_request_duration_seconds_count{route="GET /api/stats"} 1`,
		"# TYPE sitrep_store_incidents gauge\nsitrep_store_incidents 5\n",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	code, body = call(t, h, "GET", "/", "")
	if code != http.StatusOK || !strings.Contains(body, "/api/openapi.json") {
		t.Errorf("index: %d %s", code, body)
	}
}

func TestWebMountedAtRoot(t *testing.T) {
	web := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("page " + r.URL.Path)) })
	h := New(openStore(t), nil, nil, Options{Web: web}).Handler()
	for path, want := range map[string]string{"/": "page /", "/app.js": "page /app.js"} {
		if code, body := call(t, h, "GET", path, ""); code != http.StatusOK || body != want {
			t.Errorf("%s: %d %q", path, code, body)
		}
	}
	if code, _ := call(t, h, "GET", "/api/nope", ""); code != http.StatusNotFound {
		t.Errorf("/api/nope went to the page: %d", code)
	}
}
