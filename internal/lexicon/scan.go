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
			if c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
				i++
				continue
			}
			if isASCIIWordByte(c) {
				return i, scanWord(s, i)
			}
			if c == '\'' && hasPossessive(s, i+1) {
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
		case isApostrophe(r) && hasPossessive(s, i+w):
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
			case isASCIIWordByte(c):
				j++
				continue
			case (c == ',' || c == '.') && j > i && isDigit(s[j-1]) && j+1 < len(s) && isDigit(s[j+1]):
				j++
				continue
			case c == '\'' && j > i && !hasPossessive(s, j+1) && startsLetter(s, j+1):
				j++
				continue
			}
			return j
		}
		r, w := utf8.DecodeRuneInString(s[j:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			j += w
		case isApostrophe(r) && !hasPossessive(s, j+w) && startsLetter(s, j+w):
			j += w
		default:
			return j
		}
	}
	return j
}

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

// hasPossessive reports whether s[i:] is an "s" that ends a word: the s of "Russia's".
func hasPossessive(s string, i int) bool {
	if i >= len(s) || (s[i] != 's' && s[i] != 'S') {
		return false
	}
	if i+1 == len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i+1:])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// foldToken appends the matching key of tok to buf: ASCII is lower-cased in place, anything else goes
// through text.Fold (case, diacritics, typographic quotes).
func foldToken(buf []byte, tok string) []byte {
	for i := 0; i < len(tok); i++ {
		if tok[i] >= utf8.RuneSelf || tok[i] == '`' {
			return append(buf, text.Fold(tok)...)
		}
	}
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

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
