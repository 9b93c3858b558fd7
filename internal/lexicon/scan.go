package lexicon

import (
	"unicode"
	"unicode/utf8"

	"sitrep/internal/text"
)

// A token for matching: a word or number, a possessive "'s", or one punctuation mark. Spaces and hyphens
// separate tokens and are not tokens themselves, so "al-Nusra", "al Nusra" and "Al  Nusra" are the same
// token sequence.

// nextToken returns the [start, end) of the first token of s at or after i, or start == len(s) when none.
func nextToken(s string, i int) (start, end int) {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiSeparator[c] {
				i++
				continue
			}
			if asciiWordByte[c] {
				return i, scanWord(s, i)
			}
			if c == '\'' && text.HasPossessive(s, i+1) {
				return i, i + 2
			}
			return i, i + 1
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r) || isHyphen(r):
			i += w
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			return i, scanWord(s, i)
		case isApostrophe(r) && text.HasPossessive(s, i+w):
			return i, i + w + 1
		default:
			return i, i + w
		}
	}
	return len(s), len(s)
}

// scanWord reads a word or number starting at i: letters, digits and marks, inner apostrophes between
// letters ("Sana'a", but not the possessive of "Russia's"), and , or . between digits ("1,200").
func scanWord(s string, i int) int {
	j := i
	for j < len(s) {
		c := s[j]
		if c < utf8.RuneSelf {
			switch {
			case asciiWordByte[c]:
				j++
				for j < len(s) && asciiWordByte[s[j]] { // the rest of a run of letters and digits, by table
					j++
				}
				continue
			case (c == ',' || c == '.') && j > i && isDigit(s[j-1]) && j+1 < len(s) && isDigit(s[j+1]):
				j++
				continue
			case c == '\'' && j > i && !text.HasPossessive(s, j+1) && startsLetter(s, j+1):
				j++
				continue
			}
			return j
		}
		r, w := utf8.DecodeRuneInString(s[j:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			j += w
		case isApostrophe(r) && !text.HasPossessive(s, j+w) && startsLetter(s, j+w):
			j += w
		default:
			return j
		}
	}
	return j
}

// asciiSeparator[c] is whether the ASCII byte c separates tokens without being one: a space, a hyphen, a tab,
// a line or form feed, a carriage return or a vertical tab.
var asciiSeparator = func() (t [256]bool) {
	for _, c := range []byte{' ', '-', '\t', '\n', '\r', '\f', '\v'} {
		t[c] = true
	}
	return t
}()

// asciiWordByte[c] is isASCIIWordByte(c), for scanWord's loop over the bytes of a word.
var asciiWordByte = func() (t [256]bool) {
	for c := range 256 {
		t[c] = isASCIIWordByte(byte(c))
	}
	return t
}()

func isASCIIWordByte(c byte) bool {
	return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || isDigit(c)
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isHyphen reports hyphen-like dashes that join words (an em dash separates clauses and stays a token).
func isHyphen(r rune) bool {
	return r == '-' || r == '\u2010' || r == '\u2011' || r == '\u2012' || r == '\u2013' || r == '\u2212'
}

// isApostrophe reports the marks folded to an ASCII apostrophe.
func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == '‘' || r == 'ʼ' || r == '`' || r == '´' || r == 'ʿ' || r == 'ʾ'
}

func startsLetter(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// foldToken appends the matching key of tok to buf: lower case, diacritics removed, typographic quotes as
// ASCII (text.Fold), with a table for Latin letters and quotes and text.Fold for anything else.
func foldToken(buf []byte, tok string) []byte {
	mark := len(buf)
	for i := 0; i < len(tok); {
		c := tok[i]
		if c < utf8.RuneSelf {
			switch {
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case c == '`':
				c = '\''
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(tok[i:])
		f, ok := latinFold[r]
		if !ok {
			if f, ok := punctFold[r]; ok && w == len(tok) {
				return append(buf[:mark], f...) // text.Fold(tok), kept
			}
			return append(buf[:mark], text.Fold(tok)...)
		}
		buf = append(buf, f...)
		i += w
	}
	return buf
}

// latinFold maps the non-ASCII runes of Latin-1 and Latin Extended-A/B, and the typographic apostrophes, to
// their text.Fold form, for the fast path of foldToken. It is built once and never changed.
var latinFold = func() map[rune]string {
	m := map[rune]string{}
	add := func(r rune) {
		if f := text.Fold(string(r)); utf8.RuneCountInString(f) <= 2 {
			m[r] = f
		}
	}
	for r := rune(0xC0); r < 0x250; r++ {
		if unicode.IsLetter(r) {
			add(r)
		}
	}
	for _, r := range "’‘ʼ´ʿʾ" {
		add(r)
	}
	return m
}()

// punctFold maps the punctuation and symbols of Latin-1 and of the General Punctuation and Currency Symbols
// blocks (typographic double quotes, dashes, ellipses: a token of one rune each, common in news) to their
// text.Fold form, for foldToken's token of one such rune. It is built once and never changed.
var punctFold = func() map[rune]string {
	m := map[rune]string{}
	for _, rg := range [][2]rune{{0xA0, 0xBF}, {0x2000, 0x206F}, {0x20A0, 0x20CF}} {
		for r := rg[0]; r <= rg[1]; r++ {
			if _, ok := latinFold[r]; !ok && utf8.ValidRune(r) {
				m[r] = text.Fold(string(r))
			}
		}
	}
	return m
}()

// tokens splits s into its tokens (for patterns and keys; Find scans without allocating).
func tokens(s string) []string {
	var out []string
	for i := 0; ; {
		start, end := nextToken(s, i)
		if start == len(s) {
			return out
		}
		out = append(out, s[start:end])
		i = end
	}
}
