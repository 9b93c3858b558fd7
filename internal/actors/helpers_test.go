package actors

import (
	"sync"
	"testing"

	"sitrep/internal/gazetteer"
	"sitrep/internal/lexicon"
	"sitrep/internal/text"
)

var (
	finderOnce sync.Once
	finderVal  *Finder
	finderErr  error
)

// testFinder returns a Finder over the embedded lexicon and gazetteer, built once.
func testFinder(t testing.TB) *Finder {
	t.Helper()
	finderOnce.Do(func() {
		lex, err := lexicon.Default()
		if err != nil {
			finderErr = err
			return
		}
		gaz, err := gazetteer.Default()
		if err != nil {
			finderErr = err
			return
		}
		finderVal = New(lex, gaz)
	})
	if finderErr != nil {
		t.Fatal(finderErr)
	}
	return finderVal
}

// one returns the only sentence of s.
func one(t testing.TB, s string) text.Sentence {
	t.Helper()
	ss := text.Sentences(s)
	if len(ss) != 1 {
		t.Fatalf("%q: %d sentences", s, len(ss))
	}
	return ss[0]
}
