package text

import (
	"regexp"
	"strings"
	"testing"
)

// TestWordsAtMatchesRegexp checks WordsAt against the regexp it stands for, (?i)^w1\s+w2…\b, on phrases in
// varied case and spacing, cut short, glued to a word, and at the end of the text.
func TestWordsAtMatchesRegexp(t *testing.T) {
	phrases := [][]string{{"no", "one"}, {"killed"}, {"plan", "to"}, {"at", "least"}}
	texts := []string{"no one was hurt", "No\t\n one", "NO ONE", "noone", "no onerous", "no", "", "killed.",
		"killed_x", "Killed", "plan  to go", "plan\fto", "planto", "at least 5", "at  leas", "x no one"}
	for _, ws := range phrases {
		re := regexp.MustCompile(`(?i)^` + strings.Join(ws, `\s+`) + `\b`)
		for _, s := range texts {
			for p := 0; p <= len(s); p++ {
				want := -1
				if m := re.FindStringIndex(s[p:]); m != nil {
					want = p + m[1]
				}
				if got := WordsAt(s, p, ws); got != want {
					t.Errorf("WordsAt(%q, %d, %q) = %d, want %d", s, p, ws, got, want)
				}
			}
		}
	}
}

// TestByteClasses checks IsSpaceByte and IsWordByte against regexp's \s and \w on every byte.
func TestByteClasses(t *testing.T) {
	space, word := regexp.MustCompile(`^\s$`), regexp.MustCompile(`^\w$`)
	for c := range 256 {
		b := []byte{byte(c)}
		if got, want := IsSpaceByte(byte(c)), space.Match(b); got != want {
			t.Errorf("IsSpaceByte(%q) = %v, want %v", byte(c), got, want)
		}
		if got, want := IsWordByte(byte(c)), word.Match(b); got != want {
			t.Errorf("IsWordByte(%q) = %v, want %v", byte(c), got, want)
		}
	}
}
