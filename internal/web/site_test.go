package web

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"sitrep/internal/api"
	"sitrep/internal/extract"
	"sitrep/internal/pipeline"
	"sitrep/internal/store"
)

// engines builds the extraction engine (and its explaining twin) from the embedded data, once per test binary.
func engines(t testing.TB) (*extract.Engine, *extract.Engine) {
	t.Helper()
	plain, err := extract.Default(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	explain, err := extract.Default(extract.Options{Explain: true})
	if err != nil {
		t.Fatal(err)
	}
	return plain, explain
}

// site serves the real API (with the page) over st and returns its base URL.
func site(t testing.TB, st store.Store, token string) string {
	t.Helper()
	eng, explain := engines(t)
	srv := api.New(st, pipeline.New(eng, st, pipeline.Options{}), eng,
		api.Options{Web: Handler(), Token: token, Explain: explain})
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts.URL
}

// apiMarkers asks the API how many markers a filter query selects.
func apiMarkers(t testing.TB, base, query string) int {
	t.Helper()
	res, err := http.Get(base + "/api/map?" + query)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var body struct {
		Markers []json.RawMessage `json:"markers"`
	}
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
		t.Fatalf("GET /api/map?%s: %v", query, err)
	}
	return len(body.Markers)
}
