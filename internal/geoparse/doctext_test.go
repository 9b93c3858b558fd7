package geoparse

import (
	"strings"
	"testing"

	"sitrep/internal/gazetteer"
)

// TestFoldWord checks foldWord against gazetteer.Fold, with the buffer filling up and growing between words:
// the strings cut from a full buffer must keep their bytes.
func TestFoldWord(t *testing.T) {
	words := []string{"aleppo", "Aleppo", "ALEPPO", "al", "Al", "B52", "b52", "Sana'a", "Ţarţūs", "d'Ivoire", "x",
		"X", strings.Repeat("Ab", 300), "IDLIB", "Homs", "'s", "’s", "'S", "don’t", "DON'T", "Sana’a", "O'Brien",
		"’", "''", "a’’B", "Ma‘arrat", "d’Ivoire’s", "x’\xff", "’é", "a\xe2\x80", "a\xe2\x80\x98b"}
	var buf []byte
	var got []string
	for round := 0; round < 40; round++ {
		for _, w := range words {
			var f string
			f, buf = foldWord(w, buf)
			got = append(got, f)
		}
	}
	for i, f := range got {
		w := words[i%len(words)]
		if want := gazetteer.Fold(w); f != want {
			t.Errorf("foldWord(%q) = %q, want %q", w, f, want)
		}
	}
}
