package timex

import (
	"slices"
	"strings"
	"testing"

	"sitrep/internal/reexpand"
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
	reAlts := reexpand.Alternatives(t, futureRe.String())
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
