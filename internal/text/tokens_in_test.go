package text

import (
	"reflect"
	"testing"
)

// tokensInTexts are texts whose sentences TokensIn must cut from the text's tokens: news prose, and the cases
// where a token reads past its first byte (separators, inner apostrophes, possessives) at a sentence's edge.
var tokensInTexts = []string{
	"Gunmen killed 12 people in Kaduna on Monday. The army said 1,200 troops were deployed.\n\nRussia's forces shelled Kharkiv.",
	"Sana'a was hit. N'Djamena too! Officials said 2.5 million fled. “They came at night,” he said.",
	"HEADLINE IN CAPS\nA line that runs on\nin lower case. Then the U.S. envoy met the U.N. chief.",
	"Men's rights. Russia’s army. 'Quoted' text ends with 's. 9. 10.5. A'b. x'.",
	"Café owners in Montréal—and Zürich—protested\u00a0on Friday. Ça va.\u2028Next line\u3000here.",
	"", " ", "a", "...", "1,", ",1", "'s", "’s x", "\xff\xfe bad bytes. More \xe2\x80 text.",
}

// TestTokensInSentences checks that every sentence of the texts has its tokens cut from the text's, equal to
// Tokenize's of the sentence alone.
func TestTokensInSentences(t *testing.T) {
	for _, s := range tokensInTexts {
		for _, base := range []int{0, 17} {
			all := AppendTokens(nil, s, base)
			for _, b := range SentenceBounds(s) {
				got, ok := TokensIn(s, all, base, base+b[0], base+b[1])
				if !ok {
					t.Errorf("%q: sentence [%d, %d) %q not cut from the text's tokens", s, b[0], b[1], s[b[0]:b[1]])
					continue
				}
				if want := Tokenize(s[b[0]:b[1]], base+b[0]); !reflect.DeepEqual(got, want) {
					t.Errorf("%q [%d, %d): TokensIn = %+v, Tokenize %+v", s, b[0], b[1], got, want)
				}
				if len(got) != cap(got) {
					t.Errorf("%q [%d, %d): capacity %d past the %d tokens", s, b[0], b[1], cap(got), len(got))
				}
			}
		}
	}
}

// TestTokensInRefuses lists bounds inside a token or a rune, which TokensIn must refuse.
func TestTokensInRefuses(t *testing.T) {
	for _, c := range []struct {
		s          string
		start, end int
	}{
		{"Russia's army", 0, 7},   // "Russia'" then "s army": the possessive reads the letter after it
		{"Sana'a was hit", 0, 5},  // inside "Sana'a"
		{"paid 1,200 men", 0, 7},  // "1," then "200"
		{"paid 1,200 men", 7, 14}, // starts inside the number
		{"a\u00a0b", 0, 2},        // ends inside a no-break space
		{"a\u3000b", 3, 5},        // starts inside an ideographic space
		{"the men's", 0, 8},       // "'" alone would be a mark: "'s" reads the end
		{"out of range", 5, 40},   // past the text
		{"backwards", 5, 2},       // end before start
		{"x", -1, 1},              // before the text
	} {
		all := AppendTokens(nil, c.s, 0)
		if got, ok := TokensIn(c.s, all, 0, c.start, c.end); ok {
			t.Errorf("TokensIn(%q, %d, %d) = %+v, true; want false", c.s, c.start, c.end, got)
		}
	}
}

// FuzzTokensIn checks that whatever bounds TokensIn accepts, its tokens are Tokenize's of that part alone.
func FuzzTokensIn(f *testing.F) {
	for _, s := range tokensInTexts {
		f.Add(s, 3, len(s)/2, len(s))
	}
	f.Add("Russia's army", 0, 0, 7)
	f.Add("1,2", 5, 0, 2)
	f.Fuzz(func(t *testing.T, s string, base, a, b int) {
		if base < 0 || base > 1<<20 || a < 0 || b < 0 {
			return
		}
		a, b = a%(len(s)+1), b%(len(s)+1)
		all := AppendTokens(nil, s, base)
		got, ok := TokensIn(s, all, base, base+a, base+b)
		if !ok {
			return
		}
		if want := Tokenize(s[a:b], base+a); !reflect.DeepEqual(got, want) {
			t.Fatalf("TokensIn(%q, [%d, %d)) = %+v, Tokenize %+v", s, a, b, got, want)
		}
	})
}
