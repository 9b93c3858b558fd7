package gazetteer

import (
	"runtime"
	"testing"
)

// BenchmarkLoad measures decompressing and opening the embedded data (what Default does once); MB/s is over
// the embedded compressed bytes. It reports the heap the loaded gazetteer holds.
func BenchmarkLoad(b *testing.B) {
	b.SetBytes(int64(len(citiesData)))
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var g *Gazetteer
	for b.Loop() {
		var err error
		if g, err = load(); err != nil {
			b.Fatal(err)
		}
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "heapMB")
	runtime.KeepAlive(g)
}

var benchNames = []string{"Aleppo", "Halab", "Tartous", "Damascus", "Kyiv", "Mosul", "Gao", "Goma", "Sana'a",
	"Urum al-Kubra", "Deir ez-Zor", "the", "Washington", "Springfield", "Gulf of Aden", "Donbas"}

// BenchmarkLookup measures exact lookups of a mix of names; MB/s is over the bytes of the names.
func BenchmarkLookup(b *testing.B) {
	g := mustDefault(b)
	n := 0
	for _, s := range benchNames {
		n += len(s)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, s := range benchNames {
			g.Lookup(s)
		}
	}
}

// BenchmarkLookupLoose measures transliteration-key lookups of the same names.
func BenchmarkLookupLoose(b *testing.B) {
	g := mustDefault(b)
	for b.Loop() {
		for _, s := range benchNames {
			g.LookupLoose(s)
		}
	}
}

// BenchmarkHasPrefix measures the multi-word recognition probe.
func BenchmarkHasPrefix(b *testing.B) {
	g := mustDefault(b)
	for b.Loop() {
		g.HasPrefix("deir ez")
		g.HasPrefix("gulf of")
		g.HasPrefix("the")
		g.HasPrefix("xqzzy")
	}
}
