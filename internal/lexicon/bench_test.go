package lexicon

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
)

// newsText generates about n bytes of news-like text from sentence templates written for this benchmark,
// deterministic for a given n.
func newsText(n int) string {
	subjects := []string{"Government forces", "Rebel fighters", "The Syrian Democratic Forces", "Islamic State militants",
		"Police", "Unidentified gunmen", "Russian warplanes", "The coalition", "Al-Shabaab fighters", "Houthi forces",
		"Residents", "A UN spokesman", "Médecins Sans Frontières"}
	verbs := []string{"shelled", "attacked", "struck", "ambushed", "bombed", "clashed with", "said they had hit",
		"fired rockets at", "launched drones against", "targeted"}
	objects := []string{"a market in the town centre", "a hospital run by an aid group", "army positions near the border",
		"a convoy of trucks", "the village of Kafr Nabl", "a checkpoint on the main road", "a school used as a shelter",
		"a residential building", "a military base outside the city", "the power station"}
	tails := []string{"killing at least 12 people", "the Syrian Observatory for Human Rights said", "according to local officials",
		"wounding dozens, medics said", "on Tuesday", "late on Sunday night", "witnesses told Reuters",
		"in what activists called a massacre", "a claim the ministry denied"}
	r := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(subjects[r.IntN(len(subjects))] + " " + verbs[r.IntN(len(verbs))] + " " +
			objects[r.IntN(len(objects))] + ", " + tails[r.IntN(len(tails))] + ". ")
		if r.IntN(6) == 0 {
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

func BenchmarkFind(b *testing.B) {
	l, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	doc := newsText(1 << 20)
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		l.Find(doc, 0)
	}
}

// BenchmarkFindSentence is Find as the engine calls it: one sentence at a time, one category.
func BenchmarkFindSentence(b *testing.B) {
	l, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	s := "Russian warplanes struck a hospital run by Médecins Sans Frontières near Idlib, killing at least 12 people, the SOHR said."
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		l.Find(s, 0, "actors_groups")
	}
}

// BenchmarkDefault measures a cold parse of the embedded lexicon (what Default costs on its first call) and
// reports the heap one loaded lexicon keeps (heap-B/lexicon).
func BenchmarkDefault(b *testing.B) {
	b.ReportAllocs()
	var keep *Lexicon
	for b.Loop() {
		l, err := Load(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		keep = l
	}
	b.StopTimer()
	keep = nil
	before := heapInUse()
	keep, _ = Load(context.Background())
	after := heapInUse()
	runtime.KeepAlive(keep)
	b.ReportMetric(float64(after-before), "heap-B/lexicon")
}

// heapInUse returns the live heap after a full collection.
func heapInUse() int64 {
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	return int64(ms.HeapAlloc)
}

// BenchmarkFindEngine is Find as the engine calls it on each sentence of a document: cues, then weapons and
// targets, then the actor finder's entities, mentions and claims. Every sentence is made unique, so no Find
// profits from an earlier call on the same text in another document.
func BenchmarkFindEngine(b *testing.B) {
	l, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	var sents []string
	n := 0
	for i, s := range strings.SplitAfter(newsText(1<<20), ". ") {
		sents = append(sents, fmt.Sprintf("Report %d: %s", i, s))
		n += len(sents[len(sents)-1])
	}
	sets := [][]Category{{"cues"}, {"weapons", "targets"}, {"actors_state", "actors_groups", "organizations", "weapons"},
		{"actors_state", "actors_groups", "organizations"}, {"claim_verbs"}}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sents {
			for _, cats := range sets {
				l.Find(s, 0, cats...)
			}
		}
	}
}
