package lexicon

import (
	"testing"
	"unicode"
	"unicode/utf8"

	"sitrep/internal/text"
)

// refScanWord is scanWord as it was before its loop read the bytes of a word by table: the reference the
// table is checked against.
func refScanWord(s string, i int) int {
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

// refFold is foldToken's ASCII byte as it was before asciiFold: lower case, ` as '.
func refFold(c byte) byte {
	switch {
	case 'A' <= c && c <= 'Z':
		c += 'a' - 'A'
	case c == '`':
		c = '\''
	}
	return c
}

// scanTexts are words whose scan reads past letters and digits: separators, apostrophes, marks, other scripts.
var scanTexts = []string{"Sana'a", "Russia's army", "1,200.5 men", "G7,5", "a.b", "9'a", "x's", "Médecins", "N’Djamena",
	"ʿAbd", "word-word", "12,", "1.", "A1b2C3 ", "\xff\xfeab", "e\u0301t\u00e9", "Kyiv’s", "", "''", "abc'"}

// TestScanWordMatchesReference checks scanWord against refScanWord from every offset of the texts, asciiFold
// against refFold for every ASCII byte, and nextToken's tables against the tests they replace for every byte.
func TestScanWordMatchesReference(t *testing.T) {
	for _, s := range append(scanTexts, newsText(2000)) {
		for i := range len(s) {
			if got, want := scanWord(s, i), refScanWord(s, i); got != want {
				t.Errorf("scanWord(%q, %d) = %d, reference %d", s, i, got, want)
			}
		}
	}
	for c := range 128 {
		if got, want := asciiFold[c], refFold(byte(c)); got != want {
			t.Errorf("asciiFold[%q] = %q, reference %q", byte(c), got, want)
		}
	}
	for c := range 256 {
		b := byte(c)
		want := b == ' ' || b == '-' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v' // nextToken's test, as it was
		if asciiSeparator[b] != want {
			t.Errorf("asciiSeparator[%q] = %v, want %v", b, asciiSeparator[b], want)
		}
		if asciiWordByte[b] != isASCIIWordByte(b) {
			t.Errorf("asciiWordByte[%q] = %v, isASCIIWordByte %v", b, asciiWordByte[b], isASCIIWordByte(b))
		}
	}
}

// FuzzScanWordMatchesReference checks scanWord against refScanWord on any text, from any offset.
func FuzzScanWordMatchesReference(f *testing.F) {
	for _, s := range scanTexts {
		f.Add(s, 0)
	}
	f.Fuzz(func(t *testing.T, s string, i int) {
		if len(s) == 0 || i < 0 {
			return
		}
		i %= len(s)
		if got, want := scanWord(s, i), refScanWord(s, i); got != want {
			t.Fatalf("scanWord(%q, %d) = %d, reference %d", s, i, got, want)
		}
	})
}
