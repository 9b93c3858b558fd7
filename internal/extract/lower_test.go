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

// TestBackerWord: backerAt reads a word with upper case as backerWord gives it, and decides as it would on the
// words of the lower-cased text, for the words it compares in any case and for other words.
func TestBackerWord(t *testing.T) {
	for w := range backerWords {
		if len(w) > 16 {
			t.Errorf("backer word %q is longer than backerWord's buffer", w)
		}
	}
	ref := func(text string, start int) bool { // backerAt on strings.Fields of the lower-cased text
		ws := strings.Fields(strings.ToLower(text[max(0, start-40):start]))
		var last []string
		for n := 0; n < 3 && n < len(ws); n++ {
			last = append(last, ws[len(ws)-1-n])
		}
		if len(last) > 0 && last[0] == "the" {
			last = last[1:]
		}
		if len(last) < 2 {
			return false
		}
		switch last[0] {
		case "by":
			return supportVerbs[last[1]] || backVerbs[last[1]]
		case "with", "to":
			return allyWords[last[1]]
		}
		return false
	}
	tests := []struct {
		text string
		want bool
	}{
		{"forces Backed By ", true},
		{"forces BACKED BY THE ", true},
		{"militias Allied With ", true},
		{"Loyal To ", true},
		{"forces Backedd By ", false},
		{"forces backed Bye ", false},
		{"an ACCOMPANIEDXXXXXXXXXXXXXX BY ", false},
		{"fighters Aligned Toward ", false},
	}
	for _, tt := range tests {
		if got := backerAt(tt.text+"Rwanda", len(tt.text)); got != tt.want {
			t.Errorf("backerAt(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
	var words []string
	for w := range backerWords {
		words = append(words, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:], w+"s", "X"+w)
	}
	words = append(words, "Russia", "THE", "Thee", "Withheld", "ABCDEFGHIJKLMNOPQRSTU", "a", "Ü")
	rng := rand.New(rand.NewPCG(3, 4))
	for range 200000 {
		var b strings.Builder
		for range 1 + rng.IntN(5) {
			b.WriteString(words[rng.IntN(len(words))])
			b.WriteString([]string{" ", "  ", "\t", "\n"}[rng.IntN(4)])
		}
		s := b.String()
		if got, want := backerAt(s, len(s)), ref(s, len(s)); got != want {
			t.Fatalf("backerAt(%q) = %v, the lower-cased words give %v", s, got, want)
		}
		if w := words[rng.IntN(len(words))]; backerWord(w) != strings.ToLower(w) {
			if _, ok := backerWords[backerWord(w)]; ok || backerWords[strings.ToLower(w)] != "" {
				t.Fatalf("backerWord(%q) = %q", w, backerWord(w))
			}
		}
	}
}
