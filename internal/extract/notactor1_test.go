package extract

import (
	"slices"
	"testing"

	"sitrep/internal/event"
	"sitrep/internal/lexicon"
)

// TestNotActor1 checks notActor1 against the plain reading: every find that overlaps the span of no armed
// actor1, in order; with nothing dropped, ms itself.
func TestNotActor1(t *testing.T) {
	m := func(lo, hi int) lexicon.Match { return lexicon.Match{Start: lo, End: hi} }
	a := func(role, kind string, lo, hi int) event.Actor {
		return event.Actor{Role: role, Kind: kind, Span: &event.Span{Start: lo, End: hi}}
	}
	armed := a(event.RoleActor1, event.KindStateForces, 10, 20)
	tests := []struct {
		name   string
		ms     []lexicon.Match
		actors []event.Actor
		want   []lexicon.Match
	}{
		{"none", nil, []event.Actor{armed}, nil},
		{"no actors", []lexicon.Match{m(0, 5)}, nil, []lexicon.Match{m(0, 5)}},
		{"outside", []lexicon.Match{m(0, 10), m(20, 30)}, []event.Actor{armed}, []lexicon.Match{m(0, 10), m(20, 30)}},
		{"first inside", []lexicon.Match{m(12, 15), m(20, 30)}, []event.Actor{armed}, []lexicon.Match{m(20, 30)}},
		{"middle inside", []lexicon.Match{m(0, 5), m(5, 11), m(25, 30)}, []event.Actor{armed}, []lexicon.Match{m(0, 5), m(25, 30)}},
		{"all inside", []lexicon.Match{m(9, 11), m(19, 25)}, []event.Actor{armed}, []lexicon.Match{}},
		{"civilians", []lexicon.Match{m(12, 15)}, []event.Actor{a(event.RoleActor1, event.KindCivilians, 10, 20)}, []lexicon.Match{m(12, 15)}},
		{"actor2", []lexicon.Match{m(12, 15)}, []event.Actor{a(event.RoleActor2, event.KindStateForces, 10, 20)}, []lexicon.Match{m(12, 15)}},
		{"no span", []lexicon.Match{m(12, 15)}, []event.Actor{{Role: event.RoleActor1, Kind: event.KindRebelGroup}}, []lexicon.Match{m(12, 15)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := notActor1(tc.ms, tc.actors)
			if !slices.EqualFunc(got, tc.want, func(x, y lexicon.Match) bool { return x.Start == y.Start && x.End == y.End }) {
				t.Fatalf("notActor1 = %v, want %v", got, tc.want)
			}
			if len(got) == len(tc.ms) && len(got) > 0 && &got[0] != &tc.ms[0] {
				t.Errorf("notActor1 copied ms though it dropped nothing")
			}
		})
	}
}
