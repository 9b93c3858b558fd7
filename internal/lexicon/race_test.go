package lexicon

import (
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
