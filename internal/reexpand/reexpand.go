// Package reexpand lists the strings a small regexp matches. Tests use it to check a hand-written word matcher
// against the regexp it replaced, alternative by alternative, whatever their fixtures hold.
package reexpand

import (
	"regexp/syntax"
	"strings"
	"testing"
	"unicode"
)

// Expand returns the strings re matches, in the order of its alternations, for a regexp without unbounded
// repetition of anything but spaces: \s+ and a lone \s read as one space, \s* and [^...]* as nothing, empty-width
// assertions as nothing, case-folded letters lower case. ok is false for any other construct.
func Expand(re *syntax.Regexp) ([]string, bool) {
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
		return Dedup(out), true
	case syntax.OpCapture:
		return Expand(re.Sub[0])
	case syntax.OpQuest:
		sub, ok := Expand(re.Sub[0])
		return Dedup(append(sub, "")), ok
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
			sub, ok := Expand(s)
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
		return Dedup(out), true
	case syntax.OpAlternate:
		var out []string
		for _, s := range re.Sub {
			sub, ok := Expand(s)
			if !ok {
				return nil, false
			}
			out = append(out, sub...)
		}
		return Dedup(out), true
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

// Dedup drops repeats, keeping the first of each.
func Dedup(ss []string) []string {
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

// Alternatives expands the source of a regexp (see Expand), spaces trimmed, or fails t.
func Alternatives(t testing.TB, src string) []string {
	t.Helper()
	re, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	out, ok := Expand(re.Simplify())
	if !ok {
		t.Fatalf("cannot expand %s", src)
	}
	for i := range out {
		out[i] = strings.TrimSpace(out[i])
	}
	return Dedup(out)
}
