package timex

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"sitrep/internal/event"

	"sitrep/internal/text"
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

// FuzzStarterMatch checks the rules read by hand (starter.match) against their anchored patterns at every
// position.
func FuzzStarterMatch(f *testing.F) {
	for _, s := range []string{newsText()[:1000], "this weekend, this week, this weeks, the day before yesterday, the day beforex",
		"earlier in the\tmonth; later this year; late this week; early this yearx; over  the weekend; at the week",
		"xtoday _today today_ last\nnight overnight tonight9 yesterday", "\xffthis morning\u00e9",
		"early on Monday, EARLY Monday night, late  on\tTuesday mornings, every Friday, Sundays, by Saturday evening",
		"on monday, On Monday_, bye Monday, since Wednesday afternoon; past Thursday night9, Friday nights",
		"2016-10-05 2016-10-05x 12016-10-05 2016-1-05 2016-10-0 2016-10-05-1 2016-10-05_ \xff2016-10-05",
		"January 5, 2016; Jan. 5 2016; Jan.5; Jan 05th, 20165; Sept. 12th 2015x; Sept 1; Sep. 30,  2015; Sep 3rd",
		"May 2015, May, 2015; Mayor 5; March\t12nd; Mar. 123; Dec 1stx; Dec 1st,2016; June 10 (Reuters); July 4_",
		"Oct.  2015 Nov, 1999 December 31 1999 Feb 29th, 2016_ Apr. 3 ,2016 Aug 7 2016-10 Jul. 2016\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i, r := range rules {
			st := starters[r.name]
			if st.match == nil {
				continue
			}
			in := s
			if r.fold {
				in = lowerASCII(s)
			}
			for p := 0; p < len(in); p++ {
				want := st.at.FindStringSubmatchIndex(in[p:])
				for k := range want {
					if want[k] >= 0 {
						want[k] += p
					}
				}
				if got := st.match(in, p); !reflect.DeepEqual(got, want) {
					t.Fatalf("rule %d %s, %q at %d: by hand %v, regexp %v", i, r.name, s, p, got, want)
				}
				if got := st.match(s, p); r.fold && !reflect.DeepEqual(got, want) {
					t.Fatalf("rule %d %s, %q at %d: by hand on the text as written %v, regexp %v", i, r.name, s, p, got, want)
				}
			}
		}
	})
}

// FuzzStarterMay checks that the cheap tests of the rules (starter.may) pass wherever their patterns match.
func FuzzStarterMay(f *testing.F) {
	for _, s := range []string{newsText()[:1000], "5th of September, 12 Sept. 2015, in mid-March, earlier in\tMay, late  in June",
		"in 2014, mid-2015, since  1999, of 2020x, three days ago, an hour ago, 12 Weeks AGO, a  year  ago",
		"on 5 Octx, in Jan.5, 3rd of Dec, in -- July, 1-Aug", "\xffin 2016 \u00e9 3 days ago"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		low := lowerASCII(s)
		for _, r := range rules {
			st := starters[r.name]
			if st.may == nil {
				continue
			}
			in := s
			if r.fold {
				in = low
			}
			for p := 0; p < len(in); p++ {
				if p > 0 && text.IsWordByte(in[p-1]) {
					continue // the scan tries word starts only
				}
				if m := st.at.FindStringSubmatchIndex(in[p:]); m != nil && !st.may(in, p) {
					t.Fatalf("rule %s, %q at %d: the pattern matches %q, may says no", r.name, s, p, in[p:p+m[1]])
				}
			}
		}
	})
}

// TestMonthRulesByHand compares the mdy and month-year rules read by hand with their anchored patterns at every
// position of random strings of month names and abbreviations, digits, ordinal suffixes, commas, periods and
// spaces, the pieces their patterns are made of.
func TestMonthRulesByHand(t *testing.T) {
	pieces := []string{"January", "Jan", "Jan.", "Sept", "Sept.", "Sep", "September", "May", "Mayor", "March", "Mar.",
		"Dec", "1", "12", "123", "2016", "20165", "05", "st", "nd", "rd", "th", "x", "_", ",", ".", " ", "  ", "\t",
		"\n", "\v", "-", "é"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		for _, name := range []string{"mdy", "month-year"} {
			st := starters[name]
			for p := 0; p < len(s); p++ {
				want := st.at.FindStringSubmatchIndex(s[p:])
				for k := range want {
					if want[k] >= 0 {
						want[k] += p
					}
				}
				if got := st.match(s, p); !reflect.DeepEqual(got, want) {
					t.Fatalf("%s, %q at %d: by hand %v, regexp %v", name, s, p, got, want)
				}
			}
		}
	}
}
