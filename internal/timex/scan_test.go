package timex

import (
	"strings"
	"testing"
)

func FuzzFindAll(f *testing.F) {
	for _, s := range []string{newsText()[:3000], "In mid-March 2016, on 5th of Sept. 2015; last Monday night",
		"2016-10-05 x2016-10-05 the 1990s IN 2014 early 2015 three days ago An Hour Ago 12 weeks ago",
		"yesterday_ Yesterday, the day before yesterday; over the weekend \u212a \u017f", "\xffJune 3",
		"He WILL come on Tuesday; the truce takes effect Sunday; they'll meet on Monday; Won't; SCHEDULED for",
		"talks are due. to resume; xwill set_to, THEY'LL, is\tdue to come into force. planned for", ", 2016. (AFP) --",
		" /TASS/. ", "\u2014 x", "  (Reuters) \u2013"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if last := s[strings.LastIndexAny(s, ".;!?")+1:]; futureRe.MatchString(last) != futureIn(last) {
			t.Fatalf("%q: futureRe says %v, futureIn %v", last, futureRe.MatchString(last), futureIn(last))
		}
		for _, pos := range []int{len(s), len(s) / 2, len(s) / 3} {
			if a, b := futureRe.MatchString(s[max(0, pos-60):pos]), future(s, pos); a != b {
				t.Fatalf("%q at %d: futureRe says %v, future %v", s, pos, a, b)
			}
		}
		if datelineTailRe.MatchString(s) && !mayBeTail(s) {
			t.Fatalf("%q: datelineTailRe matches, mayBeTail says no", s)
		}
		for _, w := range []string{"yesterday", "tonight", "this week", "weekend", "day before", "in the year"} {
			if containsFold(s, w) && !hasRelative(lowerASCII(s)) {
				t.Fatalf("%q holds %q, hasRelative of it lower-cased says no", s, w)
			}
		}
		sameFind(t, s, nil) // the word scan against the plain regexp search of every rule
	})
}
