package casualty

import (
	"reflect"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"

	"sitrep/internal/reexpand"

	"sitrep/internal/text"
)

// The hand matchers of this package read the word lists of their regexps a second time. These tests check that
// the two lists agree word for word, whatever the fixtures hold: every phrase of a hand list is matched by the
// regexp where the hand matcher matches it, and every alternative of the regexp is found by the hand matcher.

// handAlts lists the phrases of a wordFinder made by newAltFinder, words apart by one space.
func handAlts(f *wordFinder) []string {
	var out []string
	for _, alts := range f.alts {
		for _, ws := range alts {
			out = append(out, strings.Join(ws, " "))
		}
	}
	slices.Sort(out)
	return out
}

func TestWordFinderLists(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    *wordFinder
	}{{"cueRe/cueFinder", cueFinder}, {"noneRe/noneFinder", noneFinder}} {
		t.Run(tc.name, func(t *testing.T) {
			regexpAlts := reexpand.Alternatives(t, tc.f.re.String())
			for _, from := range []struct {
				side    string
				phrases []string
			}{{"hand list", handAlts(tc.f)}, {"regexp", regexpAlts}} {
				for _, p := range from.phrases {
					for _, v := range []string{p, strings.ToUpper(p), strings.ReplaceAll(p, " ", " \n ")} {
						s := "Reports say " + v + ", in town."
						at := []int{len("Reports say "), len("Reports say ") + len(v)}
						got, want := tc.f.find(s), tc.f.re.FindAllStringIndex(s, -1)
						if !reflect.DeepEqual(got, want) || !slices.ContainsFunc(got, func(m []int) bool { return slices.Equal(m, at) }) {
							t.Errorf("%s phrase %q in %q: hand %v, regexp %v, want a match at %v", from.side, p, s, got, want, at)
						}
					}
				}
			}
		})
	}
}

func TestClauseBreakWords(t *testing.T) {
	var words []string
	for w := range clauseBreakWords {
		words = append(words, w)
	}
	alts := reexpand.Alternatives(t, clauseBreakRe.String())
	for _, p := range append(words, alts...) {
		for _, v := range []string{p, strings.ToUpper(p)} {
			for _, s := range []string{"the toll " + v + " rose to", "the toll x" + v + "x rose to"} {
				if got, want := clauseBreak(s), clauseBreakRe.MatchString(s); got != want {
					t.Errorf("%q: clauseBreak %v, clauseBreakRe %v", s, got, want)
				}
			}
			if s := "the toll " + v + " rose to"; !clauseBreak(s) {
				t.Errorf("%q: clauseBreak misses %q", s, p)
			}
		}
	}
	// The words of the regexp are the keys of clauseBreakWords; its other alternatives are the marks.
	var reWords []string
	for _, a := range alts {
		if text.IsWordByte(a[0]) {
			reWords = append(reWords, a)
		}
	}
	slices.Sort(words)
	slices.Sort(reWords)
	if !slices.Equal(words, reWords) {
		t.Errorf("clauseBreakWords %v, words of clauseBreakRe %v", words, reWords)
	}
}

// changeRe is not a plain alternation: changeEnds holds the last word a match can end with. The test expands
// changeRe from its verb group (capture 1) on, the optional words before it changing no last word, and checks
// the set of last words both ways; then that mayChange and changeRe both accept a gap ending with each form.
func TestChangeEnds(t *testing.T) {
	re, err := syntax.Parse(changeRe.String(), syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	re = re.Simplify()
	i := slices.IndexFunc(re.Sub, func(r *syntax.Regexp) bool { return r.Op == syntax.OpCapture && r.Cap == 1 })
	if re.Op != syntax.OpConcat || i < 0 {
		t.Fatalf("changeRe is no longer a concatenation around its verb group: %v", re)
	}
	forms, ok := reexpand.Expand(&syntax.Regexp{Op: syntax.OpConcat, Sub: re.Sub[i:]})
	if !ok || len(forms) < 100 {
		t.Fatalf("changeRe from its verb group: %d forms, %v", len(forms), ok)
	}
	ends := map[string]bool{}
	for _, f := range forms {
		f = strings.TrimSpace(f)
		ends[f[strings.LastIndexByte(f, ' ')+1:]] = true
	}
	for w := range ends {
		if !changeEnds[w] {
			t.Errorf("a match of changeRe ends with %q, not in changeEnds", w)
		}
	}
	for w := range changeEnds {
		if !ends[w] {
			t.Errorf("changeEnds holds %q, which no match of changeRe ends with", w)
		}
	}
	for _, f := range forms {
		f = strings.TrimSpace(f)
		for _, gap := range []string{" " + f + " ", " has " + strings.ToUpper(f) + " ", " " + f + "x "} {
			if changeRe.MatchString(gap) && !mayChange(gap) {
				t.Errorf("gap %q: changeRe matches, mayChange says no", gap)
			}
		}
		if gap := " " + f + " "; !changeRe.MatchString(gap) {
			t.Errorf("gap %q: changeRe does not match its own form", gap)
		}
	}
}

func TestSubgroupPhrases(t *testing.T) {
	var hand []string
	for _, ws := range subgroupPhrases {
		hand = append(hand, strings.Join(ws, " "))
	}
	// The phrases of subgroupRe: its first part, before the tail \s*(?:were\s+|are\s+)?$.
	re, err := syntax.Parse(subgroupRe.String(), syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	if re = re.Simplify(); re.Op != syntax.OpConcat {
		t.Fatalf("subgroupRe is no longer phrases then a tail: %v", re)
	}
	reAlts, ok := reexpand.Expand(re.Sub[0])
	if !ok {
		t.Fatalf("cannot expand %v", re.Sub[0])
	}
	if a, b := slices.Sorted(slices.Values(hand)), slices.Sorted(slices.Values(reAlts)); !slices.Equal(a, b) {
		t.Errorf("subgroupPhrases %q, phrases of subgroupRe %q", a, b)
	}
	for _, from := range []struct {
		side    string
		phrases []string
	}{{"subgroupPhrases", hand}, {"subgroupRe", reAlts}} {
		for _, p := range from.phrases {
			for _, v := range []string{p, strings.ToUpper(p), strings.ReplaceAll(p, " ", "\t "), "x" + p} {
				for _, tail := range []string{"", " ", " were ", " are", "x"} {
					s := "Five people died, " + v + tail
					if got, want := endsSubgroup(s), subgroupRe.MatchString(s); got != want {
						t.Errorf("%s %q: endsSubgroup(%q) %v, subgroupRe %v", from.side, p, s, got, want)
					}
				}
			}
			if s := "Five people died, " + p + " were "; !endsSubgroup(s) {
				t.Errorf("%s %q: endsSubgroup(%q) false", from.side, p, s)
			}
		}
	}
}
