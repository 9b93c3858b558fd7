package geoparse

import (
	"runtime"
	"strings"
	"sync"
	"testing"

	"sitrep/internal/cputime"
	"sitrep/internal/gazetteer"
)

// benchText is news-like prose with places, people, organisations and metonyms, written for the benchmark.
const benchText = `Syrian government forces backed by Russian air strikes advanced into the eastern districts of Aleppo on
Tuesday, the Syrian Observatory for Human Rights said. Moscow denies targeting civilians. In Idlib Province,
rebels shelled the town of Jisr al-Shughur, while Turkish troops near al-Bab reported clashes. Washington
blamed Damascus for the collapse of the truce; Secretary of State John Kerry spoke with Sergei Lavrov in Geneva.
Aid trucks left Gaziantep for the border crossing at Bab al-Hawa. The New York Times reported that talks in
Paris, Texas, had nothing to do with Paris, France. Flooding hit parts of Georgia and South Carolina, and a
storm moved over the Gulf of Mexico toward New Orleans. UN officials in Baghdad and Mosul said that Iraqi
forces retook villages south of Kirkuk. Reuters reported from BEIRUT that Hezbollah fighters crossed from
Lebanon into the Qalamoun mountains.
`

// BenchmarkGeoparse measures Parse over about 1 MB of text (in documents of the size of a news article) and
// reports the heap the loaded gazetteer takes.
func BenchmarkGeoparse(b *testing.B) {
	g, heapMB := loadMeasured(b)
	p := New(g)
	doc := strings.Repeat(benchText, 4) // ~4 KB, an article
	n := (1 << 20) / len(doc)
	docs := make([]string, n)
	for i := range docs {
		docs[i] = doc
	}
	benchParse(b, p, docs)
	b.ReportMetric(heapMB, "gazetteer-MB")
}

// BenchmarkGeoparseNews measures Parse over the texts of the GeoWebNews and GeoVirus gold sets (about
// 0.9 MB of real news in 429 articles), when the shared evaluation data is present.
func BenchmarkGeoparseNews(b *testing.B) {
	g, _ := loadMeasured(b)
	var docs []string
	for _, name := range []string{"geowebnews.jsonl", "geovirus.jsonl"} {
		for _, d := range readGold(b, name) {
			docs = append(docs, d.Text)
		}
	}
	benchParse(b, New(g), docs)
}

// benchParse parses docs once per iteration, setting the bytes per iteration and reporting the throughput
// per CPU-second of the process (the machine running it may be shared, which wall time does not show).
func benchParse(b *testing.B, p *Parser, docs []string) {
	size := 0
	for _, d := range docs {
		size += len(d)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0, n := cputime.Self(), 0
	for b.Loop() {
		for _, d := range docs {
			p.Parse(d)
		}
		n++
	}
	if cpu := cputime.Self() - cpu0; cpu > 0 {
		b.ReportMetric(float64(n*size)/1e6/cpu.Seconds(), "MB/cpu-s")
	}
}

var (
	loadOnce sync.Once
	loadedMB float64
)

// loadMeasured loads the embedded gazetteer and returns it with the heap it took when first loaded (the
// benchmark runs several times; the gazetteer loads once per process).
func loadMeasured(b *testing.B) (*gazetteer.Gazetteer, float64) {
	loadOnce.Do(func() {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		if _, err := gazetteer.Default(); err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		loadedMB = float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / (1 << 20)
	})
	g, err := gazetteer.Default()
	if err != nil {
		b.Fatal(err)
	}
	return g, loadedMB
}
