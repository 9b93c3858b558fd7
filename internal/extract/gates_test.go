package extract

import (
	"path/filepath"
	"strings"
	"testing"

	"sitrep/internal/text"
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

// TestTollWords: the one-pass tollWords opens as a strings.Contains of each word does, on phrases (each word at
// the start, the end, cut short, in upper case, after a byte that starts another) and on every sentence of the
// fixtures.
func TestTollWords(t *testing.T) {
	words := []string{"toll", "dead", "died", "killed", "wounded", "injur", "casualt", "bodies"}
	contains := func(s string) bool {
		for _, w := range words {
			if strings.Contains(s, w) {
				return true
			}
		}
		return false
	}
	texts := []string{"", "t", "tol", "Toll", "TOLL", "the death", "deaf", "die", "kill", "Killed", "wound", "injure",
		"casual", "bodie", "ttoll", "ddead", "kkilled", "wwounded", "iinjur", "ccasualt", "bbodies", "dtoll"}
	for _, w := range words {
		texts = append(texts, w, "a "+w+" b", w[:len(w)-1], "x"+w, strings.ToUpper(w), w[:len(w)-1]+" "+w[len(w)-1:])
	}
	files, _ := filepath.Glob("testdata/*.txt")
	for _, f := range files {
		texts = append(texts, strings.Split(fixture(t, f).Text, ".")...)
	}
	for _, s := range texts {
		if got, want := tollWords(s), contains(s); got != want {
			t.Errorf("tollWords(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestHasPhrase: hasPhrase answers as strings.Contains of the phrase in Text or low does, asked once or twice,
// on every sentence of the fixtures, and on a sentence whose low is not set yet (then set).
func TestHasPhrase(t *testing.T) {
	var sents []*sent
	files, _ := filepath.Glob("testdata/*.txt")
	for _, f := range files {
		doc := fixture(t, f)
		for _, b := range text.SentenceBounds(doc.Text) {
			s := &sent{Sentence: text.Sentence{Start: b[0], End: b[1], Text: doc.Text[b[0]:b[1]]}}
			s.low = lower(s.Text)
			sents = append(sents, s)
		}
	}
	unset := &sent{Sentence: text.Sentence{Text: "Police said it was behind the attack; the army DENIED it."}}
	for _, s := range append(sents, unset) {
		for round := range 2 {
			for p := range subPhrases {
				in := s.low
				if subPhrases[p].inText {
					in = s.Text
				}
				if got, want := s.hasPhrase(subPhrase(p)), strings.Contains(in, subPhrases[p].s); got != want {
					t.Errorf("round %d: hasPhrase(%q) of %q = %v, want %v", round, subPhrases[p].s, s.Text, got, want)
				}
			}
			if s == unset && round == 0 {
				s.tokenize() // sets low: the answers about it change
			}
		}
	}
}
