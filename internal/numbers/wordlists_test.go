package numbers

import (
	"reflect"
	"regexp/syntax"
	"strings"
	"testing"

	"sitrep/internal/reexpand"
)

// matchAt reads the word lists of phrasePattern a second time (qualWords, vagueWords, tensList, teenUnits,
// otherAtoms, onesList, scaleList, rangeJoins). This test checks that the two agree word for word, whatever the
// fixtures hold: each word of a hand list, and each alternative of the pattern's word parts expanded with
// regexp/syntax, is put in a carrier sentence where matchAt must match it in the group it belongs to, with the
// same offsets as the regexp at every position of the carrier.

// handWords lists the words of a byFirst table.
func handWords(t *[256][]string) []string {
	var out []string
	for _, ws := range t {
		out = append(out, ws...)
	}
	return out
}

// phraseGroup returns capture group n of phrasePattern, expanded.
func phraseGroup(t *testing.T, n int) []string {
	t.Helper()
	re, err := syntax.Parse(phrasePattern, syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	var group *syntax.Regexp
	var walk func(*syntax.Regexp)
	walk = func(r *syntax.Regexp) {
		if r.Op == syntax.OpCapture && r.Cap == n {
			group = r
		}
		for _, s := range r.Sub {
			walk(s)
		}
	}
	walk(re.Simplify())
	if group == nil {
		t.Fatalf("phrasePattern has no group %d", n)
	}
	out, ok := reexpand.Expand(group.Sub[0])
	if !ok {
		t.Fatalf("cannot expand group %d of phrasePattern: %v", n, group)
	}
	for i := range out {
		out[i] = strings.TrimSpace(out[i])
	}
	return out
}

func TestPhraseWordLists(t *testing.T) {
	// The qualifiers (group 1) and vague plurals (group 7) are plain alternations: their order decides which
	// word wins, so the hand tables must hold them in the same order.
	if got, want := qualWords, byFirst(phraseGroup(t, 1)...); !reflect.DeepEqual(got, want) {
		t.Errorf("qualWords %q\nqualifiers of phrasePattern %q", handWords(got), handWords(want))
	}
	if got, want := vagueWords, byFirst(phraseGroup(t, 7)...); !reflect.DeepEqual(got, want) {
		t.Errorf("vagueWords %q\nvague words of phrasePattern %q", handWords(got), handWords(want))
	}
	var tensOnes, scaled []string
	for _, tens := range handWords(tensList) {
		for _, one := range onesList {
			tensOnes = append(tensOnes, tens+"-"+one, tens+" "+one)
		}
	}
	for _, s := range scaleList {
		scaled = append(scaled, "5 "+s, "a dozen "+s)
	}
	// Each list: its words, the carrier they go in (before and after), and the group that must hold them.
	for _, l := range []struct {
		name          string
		words         []string
		before, after string
		group         int
	}{
		{"qualWords", handWords(qualWords), "", " 12 people", 1},
		{"qualifiers of phrasePattern", phraseGroup(t, 1), "", " 12 people", 1},
		{"vagueWords", handWords(vagueWords), "", " of people", 7},
		{"vague words of phrasePattern", phraseGroup(t, 7), "", " of people", 7},
		{"rangeJoins", rangeJoins, "5 ", " 7 people", 5},
		{"joins of phrasePattern", phraseGroup(t, 5), "5 ", " 7 people", 5},
		{"tensList", handWords(tensList), "about ", " people", 4},
		{"teenUnits", handWords(teenUnits), "about ", " people", 4},
		{"otherAtoms", handWords(otherAtoms), "about ", " people", 4},
		{"tensList and onesList", tensOnes, "about ", " people", 4},
		{"scaleList", scaled, "about ", " people", 4},
		{"wordAtom", reexpand.Alternatives(t, wordAtom), "about ", " people", 4},
		{"scaleWords", reexpand.Alternatives(t, scaleWords), "about 5 ", " people", 0},
	} {
		if len(l.words) == 0 {
			t.Errorf("%s: no words", l.name)
		}
		for _, w := range l.words {
			s := l.before + w + l.after
			if !agree(t, s) {
				continue
			}
			m := matchAt(s, 0) // every carrier starts with its phrase
			want := []int{len(l.before), len(l.before) + len(w)}
			if l.group == 0 { // a scale word ends the atom
				if m == nil || m[9] != want[1] {
					t.Errorf("%s %q: matchAt(%q, 0) = %v, want the atom to end at %d", l.name, w, s, m, want[1])
				}
				continue
			}
			if m == nil || m[2*l.group] != want[0] || m[2*l.group+1] != want[1] {
				t.Errorf("%s %q: matchAt(%q, 0) = %v, want group %d at %v", l.name, w, s, m, l.group, want)
			}
		}
	}
}

// agree reports whether matchAt and the regexp agree at every position of s lower-cased, failing t if not.
func agree(t *testing.T, s string) bool {
	t.Helper()
	low := lowerASCII(s)
	for p := 0; p <= len(low); p++ {
		if got, want := matchAt(low, p), refMatchAt(low, p); !reflect.DeepEqual(got, want) {
			t.Errorf("%q at %d: matchAt %v, regexp %v", s, p, got, want)
			return false
		}
	}
	return true
}
