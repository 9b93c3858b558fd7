package web

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"sitrep/internal/actors"
	"sitrep/internal/api"
	"sitrep/internal/extract"
	"sitrep/internal/gazetteer"
	"sitrep/internal/geoparse"
	"sitrep/internal/lexicon"
	"sitrep/internal/pipeline"
	"sitrep/internal/store"
)

var (
	engineOnce sync.Once
	engine     *extract.Engine
	explainEng *extract.Engine
	engineErr  error
)

// engines builds the extraction engine (and its explaining twin) from the embedded data, once per test binary.
func engines(t testing.TB) (*extract.Engine, *extract.Engine) {
	t.Helper()
	engineOnce.Do(func() {
		lex, err := lexicon.Default()
		if err != nil {
			engineErr = err
			return
		}
		gaz, err := gazetteer.Default()
		if err != nil {
			engineErr = err
			return
		}
		geo := geoparse.NewWithOptions(gaz, geoparse.Options{FirstName: lex.IsFirstName})
		engine = extract.New(lex, geo, actors.New(lex, gaz), extract.Options{})
		explainEng = extract.New(lex, geo, actors.New(lex, gaz), extract.Options{Explain: true})
	})
	if engineErr != nil {
		t.Fatal(engineErr)
	}
	return engine, explainEng
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
