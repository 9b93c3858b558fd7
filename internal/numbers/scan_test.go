package numbers

import (
	"reflect"
	"testing"
)

// slowPhrases is the plain search nextPhrase stands in for: phraseRe searched from each position on.
func slowPhrases(low string) [][]int {
	var out [][]int
	for pos := 0; pos < len(low); {
		m := phraseRe.FindStringSubmatchIndex(low[pos:])
		if m == nil {
			break
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += pos
			}
		}
		out = append(out, m)
		pos = m[0] + 1
	}
	return out
}

func fastPhrases(low string) [][]int {
	var out [][]int
	for pos := 0; pos < len(low); {
		m := nextPhrase(low, pos)
		if m == nil {
			break
		}
		out = append(out, m)
		pos = m[0] + 1
	}
	return out
}

func FuzzNextPhrase(f *testing.F) {
	for _, s := range []string{newsText()[:2000], "x20 a_5 tens of thousands _ten ten-year approx. 5 between 3 and 4",
		"foo2 some twenty-one or 22", "\xffnine\u00e9ten", "half a dozen; a few", "BETWEEN 4–5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		low := lowerASCII(s)
		if a, b := slowPhrases(low), fastPhrases(low); !reflect.DeepEqual(a, b) {
			t.Fatalf("%q:\nregexp  %v\nscanner %v", s, a, b)
		}
	})
}
