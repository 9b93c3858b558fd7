package extract

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestLower: the eight-bytes-at-a-time fold gives what folding byte by byte gives, for every byte value at every
// place of a chunk and for random texts of every length up to 40.
func TestLower(t *testing.T) {
	ref := func(s string) string {
		b := []byte(s)
		for i, c := range b {
			if 'A' <= c && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
		}
		return string(b)
	}
	var texts []string
	for c := range 256 {
		for at := range 9 {
			b := []byte(strings.Repeat("Ab", 5))
			b[at] = byte(c)
			texts = append(texts, string(b))
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 41 {
		for range 50 {
			b := make([]byte, n)
			for i := range b {
				b[i] = byte(rng.IntN(256))
			}
			texts = append(texts, string(b))
		}
	}
	texts = append(texts, "", "already lower", "ÉCOLE Über", "KYIV — Russian")
	for _, s := range texts {
		if got, want := lower(s), ref(s); got != want {
			t.Fatalf("lower(%q) = %q, want %q", s, got, want)
		}
	}
}
