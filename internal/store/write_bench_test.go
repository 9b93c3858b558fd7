package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"
	"time"

	"sitrep/internal/cputime"
	"sitrep/internal/event"
)

// grownTowns are the places clustered documents report from: conflicts concentrate in few places, so a grown
// record holds many incidents near each new report, at other dates.
var grownTowns = func() [][2]float64 {
	rng := rand.New(rand.NewPCG(11, 12))
	towns := make([][2]float64, 300)
	for i := range towns {
		towns[i] = [2]float64{rng.Float64()*20 - 5, rng.Float64()*20 + 25} // a 20x20 degree region
	}
	return towns
}()

// clusteredDoc is the i-th synthetic document with two events at towns of grownTowns on days of two years.
func clusteredDoc(rng *rand.Rand, i int) Result {
	d := doc("https://grown.example/"+strconv.Itoa(i), fmt.Sprintf("Clustered report %d: clashes and shelling "+
		"reported by officials near the town, with casualties among civilians.", i))
	var evs []event.Event
	for j := 1; j <= 2; j++ {
		t := rng.IntN(len(grownTowns))
		p := grownTowns[t]
		e := ev("e"+strconv.Itoa(j), benchSubTypes[rng.IntN(len(benchSubTypes))], 1, "Town "+strconv.Itoa(t),
			p[0]+rng.Float64()*0.02, p[1]+rng.Float64()*0.02, benchCountries[t%len(benchCountries)], rng.IntN(30),
			"Group "+strconv.Itoa(rng.IntN(200)))
		day := event.NewDate(2024, 1, 1).AddDays(rng.IntN(730))
		e.Date.Start, e.Date.End = day, day
		evs = append(evs, e)
	}
	return Result{Document: d, Events: evs}
}

// grownEvents is how many events BenchmarkPutResultGrown's large store holds: $SITREP_BENCH_GROWN, else 100000.
func grownEvents() int {
	if n, err := strconv.Atoi(os.Getenv("SITREP_BENCH_GROWN")); err == nil && n > 0 {
		return n
	}
	return 100000
}

// BenchmarkPutResultGrown measures PutResult per document on an empty store and on one already holding
// grownEvents() events of the same clustered kind (filled through PutResults, 500 documents a transaction): the
// cost per document should not grow with the record.
func BenchmarkPutResultGrown(b *testing.B) {
	for _, be := range backends {
		for _, events := range []int{0, grownEvents()} {
			b.Run(fmt.Sprintf("%s/events=%d", be.name, events), func(b *testing.B) {
				s := openAt(b, be.fresh(b))
				fillClustered(b, s, events/2)
				rng := rand.New(rand.NewPCG(99, 100))
				var bytes int64
				ctx := context.Background()
				cpu := cputime.Self()
				for i := 0; b.Loop(); i++ {
					r := clusteredDoc(rng, events+i)
					bytes += int64(len(r.Document.Text))
					if _, err := s.PutResult(ctx, r.Document, r.Events); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64((cputime.Self()-cpu).Microseconds())/1000/float64(max(b.N, 1)), "cpu-ms/doc")
				b.SetBytes(bytes / int64(max(b.N, 1)))
				b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
			})
		}
	}
}

// fillClustered stores docs clustered documents in batches, logging the rate.
func fillClustered(b *testing.B, s *sqlStore, docs int) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(3, 4))
	start := time.Now()
	for i := 0; i < docs; i += 500 {
		batch := make([]Result, 0, 500)
		for j := i; j < min(i+500, docs); j++ {
			batch = append(batch, clusteredDoc(rng, j))
		}
		if _, errs := s.PutResults(ctx, batch); errs != nil {
			b.Fatal(errs)
		}
	}
	if docs > 0 {
		b.Logf("filled %d documents in %s", docs, time.Since(start).Round(time.Millisecond))
	}
}

// BenchmarkPutResults measures the write path per document (b.N counts documents) by batch size, 1 being
// PutResult, one transaction a document, on an empty store, in CPU time of this process (cpu-ms/doc; a
// PostgreSQL server's is not counted).
func BenchmarkPutResults(b *testing.B) {
	for _, be := range backends {
		for _, size := range []int{1, 8, 32} {
			b.Run(fmt.Sprintf("%s/batch=%d", be.name, size), func(b *testing.B) {
				s := openAt(b, be.fresh(b))
				rng := rand.New(rand.NewPCG(99, 100))
				ctx := context.Background()
				batch := make([]Result, 0, size)
				flush := func() {
					if len(batch) == 1 {
						if _, err := s.PutResult(ctx, batch[0].Document, batch[0].Events); err != nil {
							b.Fatal(err)
						}
					} else if _, errs := s.PutResults(ctx, batch); errs != nil {
						b.Fatal(errs)
					}
					batch = batch[:0]
				}
				cpu := cputime.Self()
				for i := 0; b.Loop(); i++ {
					if batch = append(batch, clusteredDoc(rng, i)); len(batch) == size {
						flush()
					}
				}
				if len(batch) > 0 {
					flush()
				}
				b.ReportMetric(float64((cputime.Self()-cpu).Microseconds())/1000/float64(max(b.N, 1)), "cpu-ms/doc")
				b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
			})
		}
	}
}
