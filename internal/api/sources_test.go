package api

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"sitrep/internal/fetch"
	"sitrep/internal/store"
)

// TestPostSourcePrivate checks that a feed URL whose host is literally a non-public address is refused when it is
// added, with the reason, unless the server's fetch client allows private addresses; a host name is left to the
// fetch guard.
func TestPostSourcePrivate(t *testing.T) {
	strict := New(openStore(t), nil, nil, Options{}).Handler()
	open := New(openStore(t), nil, nil, Options{Fetch: fetch.New(fetch.Options{AllowPrivate: true})}).Handler()
	tests := []struct {
		url     string
		refused bool // by the default server
	}{
		{"http://127.0.0.1/feed", true},
		{"http://127.0.0.1:8080/feed", true},
		{"http://localhost/feed", true},
		{"http://LOCALHOST./feed", true},
		{"http://feeds.localhost/rss", true},
		{"http://10.0.0.5/rss", true},
		{"http://192.168.1.1/rss", true},
		{"http://169.254.169.254/latest/meta-data", true},
		{"http://[::1]/feed", true},
		{"http://[fe80::1]/feed", true},
		{"http://[::ffff:127.0.0.1]/feed", true},
		{"http://0.0.0.0/feed", true},
		{"https://93.184.215.14/feed", false},
		{"https://feeds.example/rss", false},
		{"https://localhost.example/rss", false},
	}
	for _, tt := range tests {
		body := `{"url":"` + tt.url + `"}`
		code, got := call(t, strict, "POST", "/api/sources", body)
		if tt.refused {
			if code != http.StatusBadRequest || !strings.Contains(got, "--allow-private") ||
				!strings.Contains(got, "loopback, private or link-local") {
				t.Errorf("%s: status %d: %s; want 400 naming the reason", tt.url, code, got)
			}
		} else if code != http.StatusCreated {
			t.Errorf("%s: status %d: %s; want 201", tt.url, code, got)
		}
		if code, got := call(t, open, "POST", "/api/sources", body); code != http.StatusCreated {
			t.Errorf("--allow-private %s: status %d: %s; want 201", tt.url, code, got)
		}
	}
}

// TestSourceNextPoll checks that a source never polled reports a real next poll time (it is due: the time it
// was added), and one the poller has scheduled keeps its own.
func TestSourceNextPoll(t *testing.T) {
	st := openStore(t)
	h := New(st, nil, nil, Options{}).Handler()
	later := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
	if err := st.PutSource(t.Context(), store.Source{URL: "https://polled.example/rss", NextPoll: later}); err != nil {
		t.Fatal(err)
	}
	before := time.Now().Add(-time.Minute)
	code, body := call(t, h, "POST", "/api/sources", `{"url":"https://new.example/rss"}`)
	if code != http.StatusCreated {
		t.Fatalf("status %d: %s", code, body)
	}
	created := decode[store.Source](t, body)
	_, again := call(t, h, "POST", "/api/sources", `{"url":"https://new.example/rss"}`)
	_, list := call(t, h, "GET", "/api/sources", "")
	listed := map[string]store.Source{}
	for _, src := range decode[map[string][]store.Source](t, list)["sources"] {
		listed[src.URL] = src
	}
	for _, tt := range []struct {
		name string
		src  store.Source
		want time.Time // zero: the time the source was added
	}{
		{"POST new", created, time.Time{}},
		{"POST again", decode[store.Source](t, again), time.Time{}},
		{"GET new", listed["https://new.example/rss"], time.Time{}},
		{"GET polled", listed["https://polled.example/rss"], later},
	} {
		if strings.Contains(body, "0001-01-01") || strings.Contains(list, "0001-01-01") {
			t.Fatalf("a zero time in %s %s", body, list)
		}
		want := tt.want
		if want.IsZero() {
			want = tt.src.Added
			if want.Before(before) {
				t.Errorf("%s: added %v, before the request", tt.name, want)
			}
		}
		if !tt.src.NextPoll.Equal(want) {
			t.Errorf("%s: next_poll %v, want %v", tt.name, tt.src.NextPoll, want)
		}
	}
}
