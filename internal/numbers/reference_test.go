package numbers

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// phraseRe is phrasePattern compiled: the reference matchAt is checked against.
var phraseRe = regexp.MustCompile(phrasePattern)

// anchoredRe is phraseRe anchored at the start of its input.
var anchoredRe = regexp.MustCompile(`^(?:` + phrasePattern + `)`)

// refMatchAt is what matchAt stands in for: anchoredRe on low[p:], its offsets shifted by p.
func refMatchAt(low string, p int) []int {
	m := anchoredRe.FindStringSubmatchIndex(low[p:])
	for k := range m {
		if m[k] >= 0 {
			m[k] += p
		}
	}
	return m
}

// refParse is Parse with the regular expression.
func refParse(phrase string) (Quantity, bool) {
	p := strings.TrimSpace(phrase)
	m := phraseRe.FindStringSubmatchIndex(lowerASCII(p))
	if m == nil || m[0] != 0 || m[1] != len(p) {
		return Quantity{}, false
	}
	return build(p, m)
}

func fmtParse(q Quantity, ok bool) string {
	if !ok {
		return "no"
	}
	return fmt.Sprintf("%d:%d %s %s", q.Start, q.End, q.summary(), q.Rule)
}

// sameMatches fails t when matchAt and the regular expression disagree at some position of s lower-cased.
func sameMatches(t *testing.T, s string) {
	t.Helper()
	low := lowerASCII(s)
	for p := 0; p <= len(low); p++ {
		if got, want := matchAt(low, p), refMatchAt(low, p); !reflect.DeepEqual(got, want) {
			t.Fatalf("%q at %d (%q):\nmatchAt %v\nregexp  %v", s, p, low[p:min(len(low), p+30)], got, want)
		}
	}
}

func FuzzMatchAt(f *testing.F) {
	for _, s := range []string{newsText()[:1000], "between 5 and 7, between 5 and7 between 1,000 and 2.5 million",
		"1,234,5678 1,234,567 12,345 1234,567 2.5x 2.5.6 3 .5 1.2 million 1.2  thousands 7 hundred",
		"twenty-one twenty one twenty-fourteen twenty-oneself seventy seventeen seven sixty-six ninety-nine",
		"some 20 approx. 5 approximately 6 an  estimated\t7 no fewer than 8 not less than nine up to a dozen",
		"5 to 7, 5to7, 5 or 6, five or six, 5 - 7, 5–7 5 – 7, ten-twenty 4 -5 hundreds of thousands hundreds of x",
		"half a dozen, a dozen, dozen, a hundred, a thousand, a million, a few, a couple, a handful, several",
		"tens of thousands, tens of thousandsx, dozens, scores, scoresx, over\n12, over\v12, some\f3, \xff12",
		"eleven hundred, one thousand two hundred, three million, 3 billion, 12 hundredths, onex, zero"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sameMatches(t, s)
		if got, want := fmtParse(Parse(s)), fmtParse(refParse(s)); got != want {
			t.Fatalf("Parse(%q) = %s, with the regexp %s", s, got, want)
		}
	})
}

// TestMatchAtOnFixtures compares matchAt with the regular expression at every position of the extraction
// fixtures and the demo corpus.
func TestMatchAtOnFixtures(t *testing.T) {
	files, _ := filepath.Glob("../extract/testdata/*.txt")
	files = append(files, "../demo/corpus/reports.jsonl")
	n := 0
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		sameMatches(t, string(data))
		n += len(Find(string(data)))
	}
	if n < 100 {
		t.Fatalf("only %d number phrases", n)
	}
	t.Logf("%d number phrases", n)
}
