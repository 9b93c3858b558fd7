package extract

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sitrep/internal/cputime"
	"sitrep/internal/document"
	"sitrep/internal/event"
)

// filler is news-like text without events, the bulk of what a feed carries.
var filler = []string{
	"The finance minister said on Monday that inflation had slowed to 4.2 percent in the third quarter, the lowest in two years.",
	"Talks between the two delegations are expected to resume in Geneva next week, according to a spokesman for the envoy.",
	"The electoral commission published the final list of 14 candidates, and campaigning officially starts on the first of the month.",
	"Aid agencies warned that about 2.3 million people in the region face severe food shortages after a third failed rainy season.",
	"The president met his counterpart at the summit and discussed trade, energy and the situation of refugees in border camps.",
}

// corpus builds at least size bytes of documents: the fixtures with varied names and numbers between filler
// paragraphs.
func corpus(b *testing.B, size int) []event.Document {
	files, _ := filepath.Glob("testdata/*.txt")
	var fx []event.Document
	for _, p := range files {
		fx = append(fx, fixture(b, p))
	}
	var docs []event.Document
	n := 0
	for i := 0; n < size; i++ {
		d := fx[i%len(fx)]
		var t strings.Builder
		for j := range 3 {
			t.WriteString(filler[(i+j)%len(filler)] + "\n\n")
		}
		t.WriteString(strings.ReplaceAll(d.Text, "12", fmt.Sprint(10+i%17)))
		for j := range 4 {
			t.WriteString("\n\n" + filler[(i+j+2)%len(filler)])
		}
		d.Text = t.String()
		d.ID = fmt.Sprintf("%s-%d", d.ID, i)
		docs = append(docs, d)
		n += len(d.Text)
	}
	return docs
}

func BenchmarkExtract(b *testing.B) { benchExtract(b, corpus(b, 1<<20)) }

// benchExtract extracts docs in each iteration, the bytes of their texts set as the op's size.
func benchExtract(b *testing.B, docs []event.Document) {
	e := testEngine(b, false)
	benchWith(b, docs, e.Extract)
}

// benchWith runs extract on docs in each iteration, the bytes of their texts set as the op's size.
func benchWith(b *testing.B, docs []event.Document, extract func(context.Context, event.Document) (event.Result, error)) {
	total := 0
	for _, d := range docs {
		total += len(d.Text)
	}
	ctx := context.Background()
	b.SetBytes(int64(total))
	b.ReportAllocs()
	var cpu time.Duration
	for b.Loop() {
		cpu0 := cputime.Self()
		for _, d := range docs {
			if _, err := extract(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
		cpu += cputime.Self() - cpu0
	}
	// CPU time (user and system, of the whole process: the garbage collector's too) per document, which the
	// other helpers on a shared machine disturb less than ns/op.
	b.ReportMetric(float64(cpu.Nanoseconds())/1e3/float64(max(b.N, 1)*len(docs)), "cpu-µs/doc")
}

// BenchmarkExtractNews reads real news that does not repeat itself: the texts of the GeoWebNews and GeoVirus
// sets in ../shared/eval/geo (0.9 MB, 429 articles on every topic), when present. BenchmarkExtract's corpus
// repeats its fixtures and filler, which the engine's caches and memos serve cheaply; this one shows the cost
// of text the engine has not seen, caches warmed only by earlier iterations of the same texts.
func BenchmarkExtractNews(b *testing.B) { benchExtract(b, news(b)) }

// BenchmarkExtractEventsNews is BenchmarkExtractNews through ExtractEvents, as ingest extracts: no entity pass.
func BenchmarkExtractEventsNews(b *testing.B) {
	docs := news(b)
	benchWith(b, docs, testEngine(b, false).ExtractEvents)
}

// news returns the texts of the GeoWebNews and GeoVirus sets, or skips b when they are missing.
func news(b *testing.B) []event.Document {
	var docs []event.Document
	for _, name := range []string{"geowebnews.jsonl", "geovirus.jsonl"} {
		data, err := os.ReadFile(filepath.Join(sharedDir, "eval", "geo", name))
		if err != nil {
			b.Skipf("no news texts: %v", err)
		}
		for line := range strings.SplitSeq(strings.TrimSpace(string(data)), "\n") {
			var d struct {
				ID   string `json:"id"`
				Text string `json:"text"`
			}
			if err := json.Unmarshal([]byte(line), &d); err != nil {
				b.Fatal(err)
			}
			docs = append(docs, event.Document{ID: d.ID, Text: d.Text, Language: "en"})
		}
	}
	return docs
}

// BenchmarkExtractEventsFile is BenchmarkExtractEventsNews over the documents of the JSON Lines file at
// $SITREP_BENCH_DOCS (skipped when unset), read as sitrep ingest reads them:
//
//	SITREP_BENCH_DOCS=/tmp/perf/bench.jsonl GOMAXPROCS=1 go test -run '^$' -bench EventsFile ./internal/extract
func BenchmarkExtractEventsFile(b *testing.B) {
	path := os.Getenv("SITREP_BENCH_DOCS")
	if path == "" {
		b.Skip("set SITREP_BENCH_DOCS to a JSON Lines file of documents")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	var docs []event.Document
	for line := range strings.SplitSeq(strings.TrimSpace(string(data)), "\n") {
		d, err := document.ParseLine(context.Background(), []byte(line))
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	benchWith(b, docs, testEngine(b, false).ExtractEvents)
}
