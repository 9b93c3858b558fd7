package gazetteer

import (
	"strings"
	"unicode"

	"sitrep/internal/text"
)

// Fold returns the primary matching key of a place name: lower case, diacritics removed, apostrophes and
// ʿayn/hamza marks dropped ("Sana'a" -> "sanaa"), hyphens and other punctuation turned into single spaces
// ("al-Kubra" -> "al kubra"). Fold is idempotent: Fold(Fold(s)) == Fold(s).
func Fold(s string) string {
	if isFolded(s) {
		return s
	}
	f := text.Fold(s)
	var b strings.Builder
	b.Grow(len(f))
	space := false
	for _, r := range f {
		switch {
		case isApostrophe(r):
			// dropped: Sana'a, Ma‘arrat, Dar‘a
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 0x7f && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}

// isApostrophe reports whether r is an apostrophe-like mark that transliterations use for ʿayn and hamza.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '‘', '’', 'ʼ', 'ʻ', 'ʽ', 'ʿ', 'ʾ', '`', '´', '′':
		return true
	}
	return false
}

// asciiKey reports whether a folded key holds only ASCII letters, digits and spaces: the names the embedded
// data keeps (English news spells places in Latin script).
func asciiKey(k string) bool {
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == ' ') {
			return false
		}
	}
	return k != ""
}

// isFolded reports whether s is already a folded key: ASCII lower-case letters and digits in words separated
// by single spaces. Fold returns such strings as they are.
func isFolded(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
		case c == ' ' && i > 0 && i < len(s)-1 && s[i-1] != ' ':
		default:
			return false
		}
	}
	return true
}
