package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns the matching key of s: lower case, diacritics removed, typographic quotes and dashes replaced
// by their ASCII forms. It is for keys only; its byte length may differ from s.
func Fold(s string) string {
	if isPlainLower(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// combining mark: dropped with the diacritic it carries
		case r == '‘' || r == '’' || r == 'ʼ' || r == '`' || r == '´' || r == 'ʿ' || r == 'ʾ':
			b.WriteByte('\'')
		case r == '“' || r == '”' || r == '«' || r == '»':
			b.WriteByte('"')
		case r == '‐' || r == '‑' || r == '‒' || r == '–' || r == '—' || r == '−':
			b.WriteByte('-')
		case r == 'ı':
			b.WriteByte('i')
		case r == 'ß':
			b.WriteString("ss")
		case r == 'ø' || r == 'Ø':
			b.WriteByte('o')
		case r == 'đ' || r == 'Đ':
			b.WriteByte('d')
		case r == 'ł' || r == 'Ł':
			b.WriteByte('l')
		case r == 'æ' || r == 'Æ':
			b.WriteString("ae")
		case r == 'œ' || r == 'Œ':
			b.WriteString("oe")
		case unicode.IsSpace(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// isPlainLower reports whether s is ASCII with no upper-case letters, quotes, or odd spaces: Fold's fast path.
func isPlainLower(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') || c == '`' || c == '\t' || c == '\n' || c == '\r' {
			return false
		}
	}
	return true
}

// HasPrefixLower reports whether s starts with w, a lower-case ASCII string, ignoring the case of ASCII letters
// in s (no other folding: the Kelvin sign is not a k).
func HasPrefixLower(s, w string) bool {
	return len(s) >= len(w) && equalLower(s[:len(w)], w)
}

// HasSuffixLower reports whether s ends with w, a lower-case ASCII string, ignoring the case of ASCII letters
// in s.
func HasSuffixLower(s, w string) bool {
	return len(s) >= len(w) && equalLower(s[len(s)-len(w):], w)
}

// equalLower reports whether s, ASCII letters lowered, is w; len(s) == len(w).
func equalLower(s, w string) bool {
	for i := 0; i < len(w); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[i] {
			return false
		}
	}
	return true
}
