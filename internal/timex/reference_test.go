package timex

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"sitrep/internal/event"
)

// sameFind fails t when the word scan (findScanned) and the plain search of every gated rule (findPlain)
// disagree on s.
func sameFind(t *testing.T, s string, pub *event.Date) {
	t.Helper()
	if foldsToASCII(s) {
		return // such text always takes the plain search
	}
	if got, want := findScanned(s, pub), findPlain(s, pub); !reflect.DeepEqual(got, want) {
		t.Fatalf("%q:\nscanned %+v\nplain   %+v", s, got, want)
	}
}

// FuzzFindScannedMatchesPlain checks that the word scan and its needed words change no match.
func FuzzFindScannedMatchesPlain(f *testing.F) {
	for _, s := range []string{newsText()[:3000], "In mid-March 2016, on 5th of Sept. 2015; last Monday night",
		"2016-10-05 x2016-10-05 the 1990s IN 2014 early 2015 three days ago An Hour Ago 12 weeks ago 3 days AGO",
		"yesterday_ Yesterday, the day before yesterday; over the weekend; EARLIER THIS WEEK; later in the Month",
		"\xffJune 3 june 3 JUNE 3 Jan.5 5 Jan. 2016 Sept 5 SEPT 5 on1 Monday MONDAY monday in2 May, May 2",
		"He WILL come on Tuesday; the truce takes effect Sunday; they'll meet on Monday; Won't; SCHEDULED for",
		"_Monday Monday_ 12_March March_12 the day1 before tonight9 overnight_ in-early-June late in\tDecember"} {
		f.Add(s)
	}
	pub := event.NewDate(2016, 10, 5)
	f.Fuzz(func(t *testing.T, s string) {
		sameFind(t, s, nil)
		sameFind(t, s, &pub)
	})
}

// TestFindScannedMatchesPlainOnFixtures compares the two on the extraction fixtures, the demo corpus and the
// phrases of this package, sentence by sentence and whole.
func TestFindScannedMatchesPlainOnFixtures(t *testing.T) {
	files, _ := filepath.Glob("../extract/testdata/*.txt")
	files = append(files, "../demo/corpus/reports.jsonl", "testdata/phrases.txt")
	pub := event.NewDate(2016, 10, 5)
	n, found := 0, 0
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc := string(data)
		sameFind(t, doc, &pub)
		for line := range strings.Lines(doc) {
			for _, s := range strings.SplitAfter(line, ". ") {
				sameFind(t, s, &pub)
				sameFind(t, s, nil)
				n++
				found += len(findPlain(s, &pub))
			}
		}
	}
	if n < 100 || found < 100 {
		t.Fatalf("only %d sentences, %d expressions", n, found)
	}
	t.Logf("%d sentences, %d expressions", n, found)
}

// FuzzPhrasesAt checks the relative rule's phrases against its anchored pattern at every position.
func FuzzPhrasesAt(f *testing.F) {
	for _, s := range []string{newsText()[:1000], "this weekend, this week, this weeks, the day before yesterday, the day beforex",
		"earlier in the\tmonth; later this year; late this week; early this yearx; over  the weekend; at the week",
		"xtoday _today today_ last\nnight overnight tonight9 yesterday", "\xffthis morning\u00e9"} {
		f.Add(s)
	}
	re := starters["relative"].at
	f.Fuzz(func(t *testing.T, s string) {
		low := lowerASCII(s)
		for p := 0; p <= len(low); p++ {
			want := re.FindStringSubmatchIndex(low[p:])
			for k := range want {
				if want[k] >= 0 {
					want[k] += p
				}
			}
			var got []int
			if p < len(low) {
				got = relativePhrases.at(low, p)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%q at %d: phrases %v, regexp %v", s, p, got, want)
			}
		}
	})
}
