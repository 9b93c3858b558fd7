package casualty

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"sitrep/internal/text"
)

// sameSpans fails t when a wordFinder and its plain regexp search disagree on s.
func sameSpans(t *testing.T, s string) {
	t.Helper()
	for name, f := range map[string]*wordFinder{"cue": cueFinder, "toll subject": tollSubjectFinder, "none": noneFinder} {
		if a, b := f.re.FindAllStringIndex(s, -1), f.find(s); !reflect.DeepEqual(a, b) {
			t.Fatalf("%s in %q:\nregexp  %v\nscanner %v", name, s, a, b)
		}
	}
}

func FuzzCueSpans(f *testing.F) {
	for _, s := range []string{newsText()[:2000], "xkilled killed_ 5killed DEATH  Toll tolls shot dead-end",
		"Bodies of the dead; deaths of 3; lost their lives", "\u212aILLED k\u017filled", "\xffwounded\u00e9hurt",
		"the number of people killed, the NUMBER of\tdead, body count, civilian death tolls, number of x y z a b c killed",
		"no one, No-one, nobody, none, no civilians, no  lives, nonevent, no_one, no-ones"} {
		f.Add(s)
	}
	f.Fuzz(sameSpans)
}

func FuzzEndsSubgroup(f *testing.F) {
	for _, s := range []string{"killing four, among them ", "among them were ", "AMONG THE\tVictims are\n", "including",
		"xincluding  were", "one of the", "of whomare ", "among  those  were  ", "among thoſe ", "of them were",
		"among the injured are", "\xffof them"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if a, b := subgroupRe.MatchString(s), endsSubgroup(s); a != b {
			t.Fatalf("%q: regexp %v, endsSubgroup %v", s, a, b)
		}
	})
}

// TestScannersOnFixtures compares the word finders, endsSubgroup, clauseBreak and mayChange with their
// regular expressions on the extraction fixtures and the demo corpus: each sentence whole, and the text (or 40
// bytes) before each of its words.
func TestScannersOnFixtures(t *testing.T) {
	files, _ := filepath.Glob("../extract/testdata/*.txt")
	files = append(files, "../demo/corpus/reports.jsonl")
	n, subs := 0, 0
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for line := range strings.Lines(string(data)) {
			for _, s := range strings.SplitAfter(line, ". ") {
				sameSpans(t, s)
				n += len(cueSpans(s))
				for i := 1; i < len(s); i++ {
					if text.IsWordByte(s[i]) && !text.IsWordByte(s[i-1]) {
						if a, b := clauseBreakRe.MatchString(s[:i]), clauseBreak(s[:i]); a != b {
							t.Fatalf("%q: clauseBreakRe %v, clauseBreak %v", s[:i], a, b)
						}
						if changeRe.MatchString(s[:i]) && !mayChange(s[:i]) {
							t.Fatalf("%q: changeRe matches, mayChange says no", s[:i])
						}
						w := s[max(0, i-40):i]
						if a, b := subgroupRe.MatchString(w), endsSubgroup(w); a != b {
							t.Fatalf("%q: regexp %v, endsSubgroup %v", w, a, b)
						} else if a {
							subs++
						}
					}
				}
			}
		}
	}
	if n < 50 || subs < 5 {
		t.Fatalf("only %d cues, %d sub-group windows", n, subs)
	}
	t.Logf("%d cues, %d sub-group windows", n, subs)
}

func FuzzClauseBreakAndChange(f *testing.F) {
	for _, s := range []string{" from Monday's strike has risen to ", " has now stood at ", " was revised upwards to a total of ",
		" BUT ", "butter", " said", "\u201c", "x;", " rose sharply from ", "reach", " gone  up\t", "xrose ", " had since\nrisen ",
		"\u212a said", "the toll ros\u017f "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if a, b := clauseBreakRe.MatchString(s), clauseBreak(s); a != b {
			t.Fatalf("%q: clauseBreakRe %v, clauseBreak %v", s, a, b)
		}
		if changeRe.MatchString(s) && !mayChange(s) {
			t.Fatalf("%q: changeRe matches, mayChange says no", s)
		}
	})
}
