package lexicon

import (
	"reflect"
	"strings"
	"sync"
	"testing"
)

// TestConcurrentFind runs Find from several goroutines on the shared default lexicon (run with -race).
func TestConcurrentFind(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	doc := newsText(8 << 10)
	want := len(l.Find(doc, 0))
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			if got := len(l.Find(doc, 0)); got != want {
				t.Errorf("concurrent Find found %d matches, alone %d", got, want)
			}
		})
	}
	wg.Wait()
}

// TestConcurrentFindSentences runs Find sentence by sentence (texts the finders keep) with several category
// sets from several goroutines, and compares with the matches found alone.
func TestConcurrentFindSentences(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sents := strings.SplitAfter(newsText(16<<10), ". ")
	sets := [][]Category{nil, {"cues"}, {"weapons", "targets"}, {"actors_state", "actors_groups", "organizations"}}
	want := make([][][]Match, len(sents))
	for i, s := range sents {
		for _, cats := range sets {
			want[i] = append(want[i], l.Find(s, i, cats...))
		}
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range sents {
				i = (i + g*len(sents)/4) % len(sents) // each goroutine starts elsewhere
				for k, cats := range sets {
					if got := l.Find(sents[i], i, cats...); !reflect.DeepEqual(got, want[i][k]) {
						t.Errorf("concurrent Find(%q, %v) = %v, alone %v", sents[i], cats, got, want[i][k])
						return
					}
				}
			}
		})
	}
	wg.Wait()
}
