package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"sitrep/internal/event"
)

// benchSubTypes are the sub-types generated documents report.
var benchSubTypes = []string{"Armed clash", "Air/drone strike", "Shelling/artillery/missile attack", "Attack",
	"Peaceful protest", "Remote explosive/landmine/IED", "Abduction/forced disappearance", "Looting/property destruction"}

// benchCountries are the countries generated events fall in.
var benchCountries = []string{"CD", "SD", "UA", "NG", "ML", "SY", "YE", "MM", "SO", "ET"}

// genDoc is the i-th synthetic document with two events at random places and days of 2025.
func genDoc(rng *rand.Rand, i int) (Document, []event.Event) {
	d := doc("https://bench.example/"+strconv.Itoa(i), fmt.Sprintf("Synthetic benchmark report %d: fighting "+
		"and shelling reported by officials near the town, with casualties among civilians.", i))
	var evs []event.Event
	for j := 1; j <= 2; j++ {
		sub := benchSubTypes[rng.IntN(len(benchSubTypes))]
		e := ev("e"+strconv.Itoa(j), sub, 1, "Town "+strconv.Itoa(rng.IntN(5000)), rng.Float64()*140-60,
			rng.Float64()*340-170, benchCountries[rng.IntN(len(benchCountries))], rng.IntN(30), "Group "+strconv.Itoa(rng.IntN(200)))
		day := event.NewDate(2025, 1, 1).AddDays(rng.IntN(365))
		e.Date.Start, e.Date.End = day, day
		evs = append(evs, e)
	}
	return d, evs
}

func BenchmarkPutResult(b *testing.B) {
	for _, be := range backends {
		b.Run(be.name, func(b *testing.B) { benchPutResult(b, openAt(b, be.fresh(b))) })
	}
}

func benchPutResult(b *testing.B, s *sqlStore) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(1, 2))
	var bytes int64
	for i := 0; b.Loop(); i++ {
		d, evs := genDoc(rng, i)
		bytes += int64(len(d.Text))
		if _, err := s.PutResult(ctx, d, evs); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(bytes / int64(max(b.N, 1)))
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkPutResultParallel writes from GOMAXPROCS goroutines over one pool: PostgreSQL writers queue on the
// advisory lock, so this measures what concurrent workers gain (extraction aside) and lose to lock hand-off.
func BenchmarkPutResultParallel(b *testing.B) {
	for _, be := range backends {
		b.Run(be.name, func(b *testing.B) {
			s := openAt(b, be.fresh(b))
			ctx := context.Background()
			var next atomic.Int64
			b.RunParallel(func(pb *testing.PB) {
				rng := rand.New(rand.NewPCG(uint64(next.Add(1)), 3))
				for pb.Next() {
					d, evs := genDoc(rng, int(next.Add(1)))
					if _, err := s.PutResult(ctx, d, evs); err != nil {
						b.Error(err)
						return
					}
				}
			})
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}

// benchDSN is where BenchmarkListIncidents keeps its data between runs for a backend: $SITREP_BENCH_DB (a SQLite
// path) or $SITREP_BENCH_PG (a PostgreSQL DSN); "" for a fresh database each run.
func benchDSN(name string) string {
	if name == "postgres" {
		return os.Getenv("SITREP_BENCH_PG")
	}
	return os.Getenv("SITREP_BENCH_DB")
}

// benchStore opens the backend's kept store or a fresh one, and fills it up to SITREP_BENCH_EVENTS events
// (default 2000; two events per document).
func benchStore(b *testing.B, be backend) *sqlStore {
	n := 2000
	if v, err := strconv.Atoi(os.Getenv("SITREP_BENCH_EVENTS")); err == nil && v > 0 {
		n = v
	}
	dsn := benchDSN(be.name)
	if dsn == "" {
		dsn = be.fresh(b)
	}
	st, err := Open(context.Background(), dsn, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	s := base(b, st)
	fillBench(b, s, n/2)
	return s
}

// fillBench adds generated documents until the store holds docs of them, logging the rate.
func fillBench(b *testing.B, s *sqlStore, docs int) {
	ctx := context.Background()
	var have int
	if err := s.db.QueryRow(`SELECT count(*) FROM documents`).Scan(&have); err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(uint64(have), 7))
	start := time.Now()
	for i := have; i < docs; i++ {
		d, evs := genDoc(rng, i)
		if _, err := s.PutResult(ctx, d, evs); err != nil {
			b.Fatal(err)
		}
		if (i+1)%50000 == 0 {
			b.Logf("%d documents, %.0f docs/s", i+1, float64(i+1-have)/time.Since(start).Seconds())
		}
	}
	if have < docs {
		b.Logf("generated %d documents in %s", docs-have, time.Since(start).Round(time.Millisecond))
	}
	if _, ok := s.d.(postgresDialect); ok {
		if _, err := s.db.Exec(`ANALYZE`); err != nil {
			b.Fatal(err)
		}
	}
}

// benchFilters are the filtered listings BenchmarkListIncidents measures. Every generated document holds the
// words "shelling" and "officials", so that query is the worst case: it matches the whole corpus.
var benchFilters = []struct {
	name string
	f    Filter
}{
	{"country", Filter{Country: "CD", Limit: 50}},
	{"week", Filter{From: event.NewDate(2025, 6, 1), To: event.NewDate(2025, 6, 7)}},
	{"bbox", Filter{BBox: &BBox{MinLat: 0, MinLon: 20, MaxLat: 10, MaxLon: 30}}},
	{"subtype+fatalities", Filter{SubEventType: "Armed clash", MinFatalities: 20}},
	{"text-selective", Filter{Query: "town 4711"}},
	{"text-everywhere", Filter{Query: "shelling officials", Country: "UA"}},
	{"actor+country", Filter{Actor: "group 17", Country: "SD"}},
}

func BenchmarkListIncidents(b *testing.B) {
	for _, be := range backends {
		b.Run(be.name, func(b *testing.B) {
			s := benchStore(b, be)
			ctx := context.Background()
			for _, bf := range benchFilters {
				b.Run(bf.name, func(b *testing.B) {
					for b.Loop() {
						if _, err := s.ListIncidents(ctx, bf.f); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		})
	}
}
