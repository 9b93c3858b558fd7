package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
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
	s := open(b)
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(1, 2))
	b.ResetTimer()
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

// benchStore opens the store of SITREP_BENCH_DB (kept between runs) or a temporary one, and fills it up to
// SITREP_BENCH_EVENTS events (default 2000; two events per document).
func benchStore(b *testing.B) *SQLite {
	n := 2000
	if v, err := strconv.Atoi(os.Getenv("SITREP_BENCH_EVENTS")); err == nil && v > 0 {
		n = v
	}
	path := os.Getenv("SITREP_BENCH_DB")
	if path == "" {
		path = filepath.Join(b.TempDir(), "bench.db")
	}
	ctx := context.Background()
	s, err := OpenSQLite(ctx, path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	var have int
	s.db.QueryRow(`SELECT count(*) FROM documents`).Scan(&have)
	rng := rand.New(rand.NewPCG(uint64(have), 7))
	start := time.Now()
	for i := have; i < n/2; i++ {
		d, evs := genDoc(rng, i)
		if _, err := s.PutResult(ctx, d, evs); err != nil {
			b.Fatal(err)
		}
	}
	if have < n/2 {
		b.Logf("generated %d documents in %s", n/2-have, time.Since(start).Round(time.Millisecond))
	}
	return s
}

func BenchmarkListIncidents(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	filters := []Filter{
		{Country: "CD", Limit: 50},
		{From: event.NewDate(2025, 6, 1), To: event.NewDate(2025, 6, 7)},
		{BBox: &BBox{MinLat: 0, MinLon: 20, MaxLat: 10, MaxLon: 30}},
		{SubEventType: "Armed clash", MinFatalities: 20},
		{Query: "shelling officials", Country: "UA"},
		{Actor: "group 17", Country: "SD"},
	}
	var lat []time.Duration
	for i := 0; b.Loop(); i++ {
		t0 := time.Now()
		if _, err := s.ListIncidents(ctx, filters[i%len(filters)]); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t0))
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds())/1000, "p95-ms")
}
