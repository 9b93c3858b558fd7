package api

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"sitrep/internal/event"
	"sitrep/internal/store"
)

// benchCountry is a country synthetic events fall in, with a rough bounding box.
type benchCountry struct {
	code                           string
	minLat, maxLat, minLon, maxLon float64
}

var benchCountries = []benchCountry{
	{"SY", 32.5, 37.0, 36.0, 42.0}, {"UA", 45.0, 52.0, 23.0, 40.0}, {"SD", 9.0, 22.0, 22.0, 38.0},
	{"CD", -13.0, 5.0, 12.5, 31.0}, {"ML", 10.5, 25.0, -12.0, 4.0}, {"MM", 10.0, 28.0, 92.5, 101.0},
	{"YE", 12.5, 19.0, 42.5, 53.0}, {"SO", -1.5, 11.5, 41.0, 51.0}, {"NG", 4.5, 13.5, 3.0, 14.5},
	{"ET", 3.5, 14.5, 33.0, 47.5}, {"AF", 29.5, 38.5, 61.0, 74.5}, {"IQ", 29.5, 37.0, 39.0, 48.5},
}

var benchWords = []string{"village", "market", "checkpoint", "convoy", "hospital", "school", "bridge", "camp",
	"mosque", "church", "airport", "barracks", "farm", "road", "port", "district"}

// benchDoc is the i-th synthetic document: perDoc events at random places and days of 2024-2025.
func benchDoc(rng *rand.Rand, i, perDoc int) (store.Document, []event.Event) {
	url := "https://bench.example/report/" + strconv.Itoa(i)
	d := store.Document{Document: event.Document{URL: url, Title: "Synthetic report " + strconv.Itoa(i),
		Publisher: "Bench Wire", Language: "en", Text: fmt.Sprintf("Synthetic benchmark report %d about the %s "+
			"and the %s.", i, benchWords[rng.IntN(len(benchWords))], benchWords[rng.IntN(len(benchWords))])},
		CanonicalURL: url}
	subs := event.SubTypes()
	evs := make([]event.Event, perDoc)
	for j := range evs {
		c := benchCountries[rng.IntN(len(benchCountries))]
		day := event.NewDate(2024, time.January, 1).AddDays(rng.IntN(730))
		dead := int(rng.ExpFloat64() * 4)
		evs[j] = mkEvent(url+"#"+strconv.Itoa(j), spec{
			sub: subs[rng.IntN(len(subs))], day: day,
			place: benchWords[rng.IntN(len(benchWords))] + " " + strconv.Itoa(rng.IntN(20000)),
			lat:   c.minLat + rng.Float64()*(c.maxLat-c.minLat), lon: c.minLon + rng.Float64()*(c.maxLon-c.minLon),
			country: c.code, dead: dead, actor: "Group " + strconv.Itoa(rng.IntN(500)),
		})
	}
	return d, evs
}

// envInt reads a positive integer from the environment.
func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// benchStore opens SITREP_BENCH_DB (kept between runs, so a large store is filled once) or a temporary store,
// and fills it up to SITREP_BENCH_EVENTS synthetic events (default 5000), SITREP_BENCH_PER_DOC per document
// (default 10).
func benchStore(b *testing.B) store.Store {
	n, perDoc := envInt("SITREP_BENCH_EVENTS", 5000), envInt("SITREP_BENCH_PER_DOC", 10)
	path := os.Getenv("SITREP_BENCH_DB")
	if path == "" {
		path = filepath.Join(b.TempDir(), "bench.db")
	}
	ctx := context.Background()
	st, err := store.OpenSQLite(ctx, path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	c, err := st.Counts(ctx)
	if err != nil {
		b.Fatal(err)
	}
	start, added := time.Now(), 0
	rng := rand.New(rand.NewPCG(uint64(c.Documents), 11))
	for i := c.Documents; c.Events+added < n; i++ {
		d, evs := benchDoc(rng, i, perDoc)
		if _, err := st.PutResult(ctx, d, evs); err != nil {
			b.Fatal(err)
		}
		added += len(evs)
		if added%100000 < perDoc {
			b.Logf("filled %d events (%.0f events/s)", c.Events+added, float64(added)/time.Since(start).Seconds())
		}
	}
	if added > 0 {
		b.Logf("filled %d events in %s", added, time.Since(start).Round(time.Millisecond))
	}
	return st
}

// benchQueries are filtered incident queries of the kinds the page and analysts send.
var benchQueries = []string{
	"country=SY",
	"country=UA&from=2025-03-01&to=2025-03-31",
	"from=2025-06-01&to=2025-06-07",
	"bbox=36,33,38,35",
	"sub_event_type=Armed+clash&min_fatalities=10",
	"event_type=Protests&country=NG",
	"q=checkpoint&country=SD",
	"actor=group+17&country=ML",
	"min_fatalities=20&from=2025-01-01",
	"country=CD&admin1=CD+Province&limit=100",
}

// BenchmarkIncidentQueries measures GET /api/incidents with filters through the whole handler (parsing, store,
// JSON) and reports p50/p95 latency. At scale: SITREP_BENCH_EVENTS=1000000 SITREP_BENCH_DB=/tmp/bench.db
// go test -run '^$' -bench IncidentQueries -benchtime 500x ./internal/api
func BenchmarkIncidentQueries(b *testing.B) {
	h := New(benchStore(b), nil, nil, Options{}).Handler()
	benchRoute(b, h, "/api/incidents?", benchQueries)
}

// BenchmarkMapQueries measures GET /api/map (no pagination): unfiltered (the page's first request) and with the
// country and date filters the page sends.
func BenchmarkMapQueries(b *testing.B) {
	h := New(benchStore(b), nil, nil, Options{}).Handler()
	benchRoute(b, h, "/api/map?", []string{"", "country=SY&from=2025-03-01&to=2025-03-31",
		"from=2025-06-01&to=2025-06-07", "bbox=36,33,38,35&from=2025-01-01&to=2025-03-31"})
}

// benchRoute sends each query in turn and reports latency percentiles and bytes per answer.
func benchRoute(b *testing.B, h http.Handler, prefix string, queries []string) {
	var lat []time.Duration
	var bytes int64
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		rec := httptest.NewRecorder()
		t0 := time.Now()
		h.ServeHTTP(rec, httptest.NewRequest("GET", prefix+queries[i%len(queries)], nil))
		lat = append(lat, time.Since(t0))
		if rec.Code != http.StatusOK {
			b.Fatalf("%s: %d %s", queries[i%len(queries)], rec.Code, rec.Body)
		}
		bytes += int64(rec.Body.Len())
	}
	b.SetBytes(bytes / int64(max(len(lat), 1)))
	slices.Sort(lat)
	b.ReportMetric(ms(lat[len(lat)/2]), "p50-ms")
	b.ReportMetric(ms(lat[len(lat)*95/100]), "p95-ms")
	b.ReportMetric(ms(lat[len(lat)-1]), "max-ms")
}

// ms is a duration in milliseconds.
func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// BenchmarkTimelineQueries measures GET /api/timeline, unfiltered (what the page asks first) and by country.
func BenchmarkTimelineQueries(b *testing.B) {
	h := New(benchStore(b), nil, nil, Options{}).Handler()
	benchRoute(b, h, "/api/timeline?", []string{"", "country=SY", "event_type=Battles&from=2025-01-01"})
}
