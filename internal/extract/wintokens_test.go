package extract

import (
	"context"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"sitrep/internal/event"
	"sitrep/internal/text"
)

// TestWindowTokensSameAsTokenize checks that the tokens a sentence cuts from its window's (winTokens) are those
// text.Tokenize gives for the sentence alone, in every window of the fixtures read as one text, cut into
// windows of several sizes (a window past the first has offsets that do not start at 0).
func TestWindowTokensSameAsTokenize(t *testing.T) {
	e := testEngine(t, false)
	s := fixtureText(t)
	for _, size := range []int{len(s) + 1, 4096, 1500} {
		cut := 0
		for _, w := range windows(s, size) {
			r := &run{e: e, ctx: context.Background(), doc: event.Document{Text: s}, lo: w[0], hi: w[1]}
			if err := r.scan(); err != nil {
				t.Fatal(err)
			}
			for _, st := range r.sents {
				st.tokenize()
				if want := text.Tokenize(st.Text, st.Start); !reflect.DeepEqual(st.Tokens, want) {
					t.Errorf("size %d, sentence [%d, %d): tokens %+v, Tokenize %+v", size, st.Start, st.End, st.Tokens, want)
				}
				if _, ok := text.TokensIn(r.win.text, r.win.get(), r.win.base, st.Start, st.End); ok {
					cut++
				}
			}
			r.release()
		}
		if cut == 0 {
			t.Errorf("size %d: no sentence cut its tokens from its window's", size)
		}
	}
}

// TestExtractConcurrentSameAsSequential extracts the fixtures from several goroutines at once, as ingest does,
// and checks each result against the one extracted alone: the runs recycle their windows' tokens (and other
// slices) through pools that goroutines share.
func TestExtractConcurrentSameAsSequential(t *testing.T) {
	e := testEngine(t, true)
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	var docs []event.Document
	var want []event.Result
	for _, p := range files {
		d := fixture(t, p)
		res, err := e.Extract(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		docs, want = append(docs, d), append(want, res)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for round := range 3 {
				for i := range docs {
					k := (i + g + round) % len(docs)
					got, err := e.Extract(context.Background(), docs[k])
					if err != nil {
						t.Error(err)
						return
					}
					if !reflect.DeepEqual(got, want[k]) {
						t.Errorf("goroutine %d: %s differs from its extraction alone", g, docs[k].ID)
						return
					}
				}
			}
		})
	}
	wg.Wait()
}
