package timex

import (
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// futureIn reads the forms of futureRe a second time, from futureForms. This test checks that the two lists
// agree form for form, whatever the fixtures hold: every form of futureForms makes futureRe match where futureIn
// does, and every alternative of futureRe, expanded with regexp/syntax, is found by futureIn.
func TestFutureForms(t *testing.T) {
	var hand []string
	for _, forms := range futureForms {
		for _, ws := range forms {
			hand = append(hand, strings.Join(ws, " "))
		}
	}
	reAlts := alternatives(t, futureRe.String())
	if a, b := slices.Sorted(slices.Values(append(hand, "'ll"))), slices.Sorted(slices.Values(reAlts)); !slices.Equal(a, b) {
		t.Errorf("futureForms and 'll: %q\nforms of futureRe: %q", a, b)
	}
	for _, from := range []struct {
		side  string
		forms []string
	}{{"futureForms", hand}, {"futureRe", reAlts}} {
		for _, f := range from.forms {
			for _, v := range []string{f, strings.ToUpper(f), strings.ReplaceAll(f, " ", "\n  ")} {
				for _, s := range []string{"officials " + v + " meet on", v + " meet on", "officials " + v,
					"officials x" + v + " meet on", "officials " + v + "x meet on"} {
					if got, want := futureIn(s), futureRe.MatchString(s); got != want {
						t.Errorf("%s %q: futureIn(%q) %v, futureRe %v", from.side, f, s, got, want)
					}
				}
				if s := "officials " + v + " meet on"; !futureIn(s) {
					t.Errorf("%s %q: futureIn(%q) false", from.side, f, s)
				}
			}
		}
	}
}

// expandRe returns the strings re matches, in the order of its alternations, for a regexp without unbounded
// repetition of anything but spaces: \s+ and a lone \s read as one space, \s* and [^...]* as nothing, empty-width
// assertions as nothing, case-folded letters lower case. ok is false for any other construct.
func expandRe(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary:
		return []string{""}, true
	case syntax.OpLiteral:
		s := string(re.Rune)
		if re.Flags&syntax.FoldCase != 0 {
			s = strings.ToLower(s)
		}
		return []string{s}, true
	case syntax.OpCharClass:
		if isSpaceClass(re) {
			return []string{" "}, true
		}
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i+1]-re.Rune[i] > 8 {
				return nil, false
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if r >= 0x80 && unicode.SimpleFold(r) < 0x80 {
					continue // the Kelvin sign, long s: a case fold of an ASCII letter of the class
				}
				out = append(out, strings.ToLower(string(r)))
			}
		}
		return dedup(out), true
	case syntax.OpCapture:
		return expandRe(re.Sub[0])
	case syntax.OpQuest:
		sub, ok := expandRe(re.Sub[0])
		return dedup(append(sub, "")), ok
	case syntax.OpPlus:
		if re.Sub[0].Op == syntax.OpCharClass && isSpaceClass(re.Sub[0]) {
			return []string{" "}, true
		}
	case syntax.OpStar:
		if re.Sub[0].Op == syntax.OpCharClass {
			return []string{""}, true
		}
	case syntax.OpConcat:
		out := []string{""}
		for _, s := range re.Sub {
			sub, ok := expandRe(s)
			if !ok || len(out)*len(sub) > 1<<20 {
				return nil, false
			}
			var next []string
			for _, a := range out {
				for _, b := range sub {
					next = append(next, a+b)
				}
			}
			out = next
		}
		return dedup(out), true
	case syntax.OpAlternate:
		var out []string
		for _, s := range re.Sub {
			sub, ok := expandRe(s)
			if !ok {
				return nil, false
			}
			out = append(out, sub...)
		}
		return dedup(out), true
	}
	return nil, false
}

// isSpaceClass reports whether a character class is \s (it holds the space and the tab).
func isSpaceClass(re *syntax.Regexp) bool {
	has := func(c rune) bool {
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i] <= c && c <= re.Rune[i+1] {
				return true
			}
		}
		return false
	}
	return has(' ') && has('\t')
}

// dedup drops repeats, keeping the first of each.
func dedup(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// alternatives expands the source of a regexp (see expandRe), spaces trimmed, or fails t.
func alternatives(t *testing.T, src string) []string {
	t.Helper()
	re, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	out, ok := expandRe(re.Simplify())
	if !ok {
		t.Fatalf("cannot expand %s", src)
	}
	for i := range out {
		out[i] = strings.TrimSpace(out[i])
	}
	return dedup(out)
}
