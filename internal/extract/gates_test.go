package extract

import (
	"path/filepath"
	"strings"
	"testing"
)

// digitOrWord is the plain reading of a gate, the reference gates is checked against: a digit in s, or a word
// of 3 to 9 ASCII letters that, folded, is in words.
func digitOrWord(s string, words map[string]bool) bool {
	start := -1
	for i := 0; i <= len(s); i++ {
		c := byte(' ')
		if i < len(s) {
			c = s[i]
		}
		if '0' <= c && c <= '9' {
			return true
		}
		letter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		switch {
		case letter && start < 0:
			start = i
		case !letter && start >= 0:
			if i-start >= 3 && i-start <= 9 && words[strings.ToLower(s[start:i])] {
				return true
			}
			start = -1
		}
	}
	return false
}

// TestGates: the one-pass gates open as the plain reading of each gate does, on phrases and on every sentence
// of the fixtures.
func TestGates(t *testing.T) {
	texts := []string{"", "Three people died.", "killed on MONDAY", "twenty-one", "Mondayé", "éMonday", "in 2024",
		"the Twelfth", "NINETY", "ago", "agos", "a night-time raid", "no one was hurt", "dozens", "nineteenth", "yesterday's"}
	files, _ := filepath.Glob("testdata/*.txt")
	for _, f := range files {
		doc := fixture(t, f)
		texts = append(texts, strings.Split(doc.Text, ".")...)
	}
	for _, s := range texts {
		digit, c := gates(s)
		if got, want := digit || c&wNumber != 0, digitOrWord(s, numberWords); got != want {
			t.Errorf("number gate of %q = %v, want %v", s, got, want)
		}
		if got, want := digit || c&wDate != 0, digitOrWord(s, dateWords); got != want {
			t.Errorf("date gate of %q = %v, want %v", s, got, want)
		}
		if got, want := hasDigitOrNumberWord(s), digitOrWord(s, numberWords); got != want {
			t.Errorf("hasDigitOrNumberWord(%q) = %v, want %v", s, got, want)
		}
	}
}
