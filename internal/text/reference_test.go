package text

import (
	"reflect"
	"testing"
	"unicode"
	"unicode/utf8"
)

// referenceTokenize is Tokenize without the ASCII fast path, as it was: it splits s into tokens; base is added to every offset so they point into the document s came from.
// Hyphens, quotes and other marks are tokens of their own; a possessive "'s" or "’s" becomes one token.
func referenceTokenize(s string, base int) []Token {
	toks := make([]Token, 0, len(s)/5+1)
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += w
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j, kind := refScanWord(s, i)
			toks = append(toks, Token{Start: base + i, End: base + j, Text: s[i:j], Kind: kind})
			i = j
		case isApostrophe(r) && HasPossessive(s, i+w):
			toks = append(toks, Token{Start: base + i, End: base + i + w + 1, Text: s[i : i+w+1], Kind: Word})
			i += w + 1
		default:
			toks = append(toks, Token{Start: base + i, End: base + i + w, Text: s[i : i+w], Kind: Punct})
			i += w
		}
	}
	return toks
}

// refScanWord reads a word or number starting at i and returns its end and kind.
func refScanWord(s string, i int) (int, Kind) {
	kind := Number
	j := i
	for j < len(s) {
		r, w := utf8.DecodeRuneInString(s[j:])
		switch {
		case unicode.IsLetter(r) || unicode.IsMark(r):
			kind = Word
			j += w
		case unicode.IsDigit(r):
			j += w
		case (r == ',' || r == '.') && kind == Number && j+1 < len(s) && isASCIIDigit(s[j+1]) && j > i:
			// 1,200 and 2.5 stay one number.
			j += w
		case isApostrophe(r) && kind == Word && j+w < len(s) && !HasPossessive(s, j+w) && startsLetter(s[j+w:]):
			// Sana'a, N'Djamena: an inner apostrophe between letters.
			j += w
		default:
			return j, kind
		}
	}
	return j, kind
}

// FuzzTokenizeMatchesReference checks the ASCII fast path of Tokenize against the rune-by-rune scan.
func FuzzTokenizeMatchesReference(f *testing.F) {
	for _, s := range []string{"Sana'a and N'Djamena, 1,200.5 men's Russia's", "x 's ’s 9'a a'9 a,1 1,a 1,2,", "\t\v\f\r\n\x85\xa0 é1",
		"\xff'\xfes 'S' ’S", "G7-U.S. 2.5.", "A'", "'s"} {
		f.Add(s, 5)
	}
	f.Fuzz(func(t *testing.T, s string, base int) {
		if got, want := Tokenize(s, base), referenceTokenize(s, base); !reflect.DeepEqual(got, want) {
			t.Fatalf("Tokenize(%q) = %+v, reference %+v", s, got, want)
		}
	})
}
