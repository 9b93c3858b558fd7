package api

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"sitrep/internal/gazetteer"
	"sitrep/internal/store"
)

// places lists the location names of a page of incidents.
func places(t *testing.T, body string) []string {
	t.Helper()
	p := decode[incidentPage](t, body)
	var out []string
	for _, inc := range p.Incidents {
		out = append(out, inc.Location.Name)
	}
	return out
}

func TestListIncidentsFilters(t *testing.T) { backends(t, testListIncidentsFilters) }

func testListIncidentsFilters(t *testing.T, st store.Store) {
	h := New(st, nil, nil, Options{}).Handler()
	tests := []struct {
		query string
		want  []string // newest first
	}{
		{"", []string{"Bunia", "Khartoum", "Goma", "Idlib", "Aleppo"}},
		{"country=CD", []string{"Bunia", "Goma"}},
		{"country=cd", []string{"Bunia", "Goma"}},
		{"from=2026-02-05&to=2026-02-08", []string{"Goma", "Idlib"}},
		{"bbox=" + url.QueryEscape("35,30,40,40"), []string{"Idlib", "Aleppo"}},
		{"event_type=" + url.QueryEscape("Explosions/Remote violence"), []string{"Idlib", "Aleppo"}},
		{"sub_event_type=" + url.QueryEscape("Armed clash"), []string{"Goma"}},
		{"actor=russia", []string{"Idlib"}},
		{"q=villagers", []string{"Bunia"}},
		{"min_fatalities=8", []string{"Bunia", "Idlib"}},
		{"admin1=" + url.QueryEscape("SD Province"), []string{"Khartoum"}},
		{"country=SY&min_fatalities=10", []string{"Idlib"}},
		{"country=UA", nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			code, body := call(t, h, "GET", "/api/incidents?"+tt.query, "")
			if code != http.StatusOK {
				t.Fatalf("status %d: %s", code, body)
			}
			if got := places(t, body); !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			if !strings.Contains(body, `"incidents":[`) {
				t.Errorf("incidents is not an array: %s", body)
			}
		})
	}
}

func TestCountryNames(t *testing.T) { backends(t, testCountryNames) }

// testCountryNames finds incidents by a country's code, alpha-3 code, English name or alias, as sitrep export
// --country does, through every route that takes the filters.
func testCountryNames(t *testing.T, st store.Store) {
	h := New(st, nil, nil, Options{}).Handler()
	tests := []struct {
		country string
		want    []string // newest first
	}{
		{"SY", []string{"Idlib", "Aleppo"}},
		{"sy", []string{"Idlib", "Aleppo"}},
		{"SYR", []string{"Idlib", "Aleppo"}},
		{"Syria", []string{"Idlib", "Aleppo"}},
		{"syria", []string{"Idlib", "Aleppo"}},
		{"Syrian Arab Republic", []string{"Idlib", "Aleppo"}},
		{"Sudan", []string{"Khartoum"}},
		{" Sudan ", []string{"Khartoum"}},
		{"Democratic Republic of the Congo", []string{"Bunia", "Goma"}},
		{"the DRC", []string{"Bunia", "Goma"}},
		{"DR Congo", []string{"Bunia", "Goma"}},
		{"Ukraine", nil},
	}
	for _, tt := range tests {
		q := "country=" + url.QueryEscape(tt.country)
		code, body := call(t, h, "GET", "/api/incidents?"+q, "")
		if code != http.StatusOK {
			t.Fatalf("%s: status %d: %s", q, code, body)
		}
		if got := places(t, body); !slices.Equal(got, tt.want) {
			t.Errorf("%s: got %v, want %v", q, got, tt.want)
		}
		_, body = call(t, h, "GET", "/api/map?"+q, "")
		if n := len(decode[markers](t, body).Markers); n != len(tt.want) {
			t.Errorf("map %s: %d markers, want %d: %s", q, n, len(tt.want), body)
		}
		_, body = call(t, h, "GET", "/api/timeline?"+q, "")
		if n := strings.Count(body, `"date"`); n != len(tt.want) {
			t.Errorf("timeline %s: %d days, want %d: %s", q, n, len(tt.want), body)
		}
		rec := serve(h, "GET", "/api/export?format=jsonl&"+q)
		if n := strings.Count(rec.Body.String(), "\n"); rec.Code != http.StatusOK || n != len(tt.want) {
			t.Errorf("export %s: status %d, %d lines, want %d", q, rec.Code, n, len(tt.want))
		}
	}
}

// TestCountryGazetteerLazy checks that a two-letter code never asks for the gazetteer; a name or an alpha-3 code
// does (gazetteer.Default loads it once).
func TestCountryGazetteerLazy(t *testing.T) {
	calls := 0
	defer func(f func() (*gazetteer.Gazetteer, error)) { loadGazetteer = f }(loadGazetteer)
	loadGazetteer = func() (*gazetteer.Gazetteer, error) { calls++; return gazetteer.Default() }
	h := New(fixture(t), nil, nil, Options{}).Handler()
	for _, tt := range []struct {
		target string
		calls  int
	}{
		{"/api/incidents?country=SY", 0},
		{"/api/map?country=sd", 0},
		{"/api/export?format=jsonl&country=CD", 0},
		{"/api/incidents?country=Syria", 1},
		{"/api/timeline?country=SDN", 2},
	} {
		if rec := serve(h, "GET", tt.target); rec.Code != http.StatusOK {
			t.Fatalf("%s: status %d: %s", tt.target, rec.Code, rec.Body)
		}
		if calls != tt.calls {
			t.Errorf("after %s: %d gazetteer calls, want %d", tt.target, calls, tt.calls)
		}
	}
}

func TestListIncidentsPagination(t *testing.T) { backends(t, testListIncidentsPagination) }

func testListIncidentsPagination(t *testing.T, st store.Store) {
	h := New(st, nil, nil, Options{}).Handler()
	var got []string
	target := "/api/incidents?limit=2"
	for pages := 0; target != ""; pages++ {
		if pages > 5 {
			t.Fatal("pagination does not end")
		}
		code, body := call(t, h, "GET", target, "")
		if code != http.StatusOK {
			t.Fatalf("status %d: %s", code, body)
		}
		p := decode[incidentPage](t, body)
		if len(p.Incidents) > 2 {
			t.Fatalf("page of %d incidents with limit=2", len(p.Incidents))
		}
		got = append(got, places(t, body)...)
		target = ""
		if p.Next != "" {
			target = "/api/incidents?limit=2&cursor=" + url.QueryEscape(p.Next)
		}
	}
	if want := []string{"Bunia", "Khartoum", "Goma", "Idlib", "Aleppo"}; !slices.Equal(got, want) {
		t.Errorf("pages gave %v, want %v", got, want)
	}
}

func TestBadRequests(t *testing.T) {
	h := New(fixture(t), nil, nil, Options{}).Handler()
	tests := []struct {
		method, target, body string
		code                 int
		msg                  string // part of the error message
	}{
		{"GET", "/api/incidents?from=yesterday", "", 400, "from"},
		{"GET", "/api/incidents?from=2026-02-10&to=2026-02-01", "", 400, "before"},
		{"GET", "/api/incidents?bbox=1,2,3", "", 400, "bbox"},
		{"GET", "/api/incidents?bbox=10,0,5,5", "", 400, "bbox"},
		{"GET", "/api/incidents?bbox=0,0,200,5", "", 400, "bbox"},
		{"GET", "/api/incidents?country=Narnia", "", 400, "not an ISO 3166-1 code or a country name"},
		{"GET", "/api/incidents?country=S1", "", 400, "country"},
		{"GET", "/api/map?country=Narnia", "", 400, "country"},
		{"GET", "/api/timeline?country=Narnia", "", 400, "country"},
		{"GET", "/api/export?country=Narnia", "", 400, "country"},
		{"GET", "/api/incidents?event_type=War", "", 400, "event_type"},
		{"GET", "/api/incidents?sub_event_type=Bombing", "", 400, "sub_event_type"},
		{"GET", "/api/incidents?event_type=Battles&sub_event_type=Grenade", "", 400, "belongs"},
		{"GET", "/api/incidents?min_fatalities=-1", "", 400, "min_fatalities"},
		{"GET", "/api/incidents?limit=0", "", 400, "limit"},
		{"GET", "/api/incidents?limit=5000", "", 400, "limit"},
		{"GET", "/api/incidents?cursor=%21%21", "", 400, "cursor"},
		{"GET", "/api/incidents?contry=SY", "", 400, "unknown query parameter"},
		{"GET", "/api/incidents?country=SY&country=CD", "", 400, "2 times"},
		{"GET", "/api/map?limit=5", "", 400, "unknown query parameter"},
		{"GET", "/api/export?format=xlsx", "", 400, "format"},
		{"GET", "/api/documents?limit=x", "", 400, "limit"},
		{"GET", "/api/incidents/nope", "", 404, "not found"},
		{"GET", "/api/documents/nope", "", 404, "not found"},
		{"GET", "/api/nothing", "", 404, "no such endpoint"},
		{"PUT", "/api/incidents", "", 405, "GET"},
		{"POST", "/api/sources", "", 400, "empty request body"},
		{"POST", "/api/sources", `{"url":`, 400, "invalid JSON"},
		{"POST", "/api/sources", `{"url":"ftp://x"}`, 400, "http(s)"},
		{"POST", "/api/sources", `{"link":"https://x.example/feed"}`, 400, "unknown field"},
		{"POST", "/api/sources", `{"url":"https://x.example/feed"} {}`, 400, "after the object"},
		{"DELETE", "/api/sources", "", 400, "url is required"},
		{"DELETE", "/api/sources?url=https://none.example/", "", 404, "no source"},
		{"POST", "/api/incidents/nope/split", `{"document_id":"d"}`, 404, "not found"},
		{"POST", "/api/incidents/nope/split", `{}`, 400, "document_id"},
		{"POST", "/api/extract", `{"text":"x"}`, 503, "no extraction engine"},
		{"POST", "/api/documents", `{"text":"x"}`, 503, "no pipeline"},
	}
	for _, ct := range []string{"", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"} {
		code, body := call(t, h, "POST", "/api/sources", `{"url":"https://x.example/"}`, "Content-Type", ct)
		if code != http.StatusUnsupportedMediaType || !strings.Contains(body, "application/json") {
			t.Errorf("Content-Type %q: %d %s", ct, code, body)
		}
	}
	if code, body := call(t, h, "POST", "/api/sources", `{"url":"https://x.example/"}`, "Content-Type",
		"application/json; charset=utf-8"); code != http.StatusCreated {
		t.Errorf("application/json with a charset: %d %s", code, body)
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.target+" "+tt.body, func(t *testing.T) {
			code, body := call(t, h, tt.method, tt.target, tt.body)
			if code != tt.code {
				t.Fatalf("status %d, want %d: %s", code, tt.code, body)
			}
			e := decode[errorBody](t, body)
			if !strings.Contains(e.Error, tt.msg) {
				t.Errorf("error %q does not mention %q", e.Error, tt.msg)
			}
		})
	}
}
