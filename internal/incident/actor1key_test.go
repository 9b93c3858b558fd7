package incident

import (
	"math/rand/v2"
	"strings"
	"testing"

	"sitrep/internal/event"
)

// TestActor1KeyMayMerge checks ReportActor1s.MayMerge against the Merger for many incidents and reports: it is
// false exactly when compareActors vetoes (actor1 differs) or compareTypes vetoes a compatible pair because
// actor1 does not agree, and whenever it is false Score vetoes the merge. The actors are drawn from names that
// differ only in case and spaces, unidentified and unknown ones, other roles and kinds, every attribution, and
// lists of up to three actors, several of them actor1s.
func TestActor1KeyMayMerge(t *testing.T) {
	names := []string{"Wagner Group", "wagner  group", " WAGNER GROUP", "Al-Shabaab", "al-shabaab ", "Al Shabaab",
		"Unidentified gunmen", "unknown", "Unknown armed group", "", "  ", "Ünïcode Név", "ÜNÏCODE  NÉV", "Police\tForces",
		"police forces"}
	kinds := []string{event.KindStateForces, event.KindUnknown, ""}
	roles := []string{event.RoleActor1, event.RoleActor1, event.RoleActor2, event.RoleAssociated}
	attrs := []string{"", event.AttrStated, event.AttrAlleged, event.AttrContested}
	subs := []string{"", "Attack", "Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
		"Suicide bomb", "Armed clash", "Government regains territory", "Peaceful protest"}
	rng := rand.New(rand.NewPCG(18, 3))
	actors := func() []event.Actor {
		var as []event.Actor
		for range rng.IntN(4) {
			as = append(as, event.Actor{Role: roles[rng.IntN(len(roles))], Name: names[rng.IntN(len(names))],
				Kind: kinds[rng.IntN(len(kinds))], Attribution: attrs[rng.IntN(len(attrs))]})
		}
		return as
	}
	m := NewMerger(Options{})
	when, where := day(2016, 9, 10), place("Urum al-Kubra", 36.155, 36.862, event.LocExact)
	vetoes := map[bool]int{}
	for range 40000 {
		ia, ea := actors(), actors()
		incSub, evSub := subs[rng.IntN(len(subs))], subs[rng.IntN(len(subs))]
		key, ok := Actor1Key(ia)
		if !ok {
			t.Fatalf("Actor1Key(%v) not ok", ia)
		}
		got := ReportActor1sOf(ea).MayMerge(key, incSub, evSub)
		act := compareActors(ia, ea)
		typ := compareTypes(typeOf("", incSub), incSub, typeOf("", evSub), evSub, act.agree)
		agreed := compareTypes(typeOf("", incSub), incSub, typeOf("", evSub), evSub, true)
		want := !act.veto && !(typ.veto && !agreed.veto)
		if got != want {
			t.Fatalf("incident %q %+v (key %q), report %q %+v: MayMerge %v, want %v (%s; %s)", incSub, ia, key,
				evSub, ea, got, want, act.reason, typ.reason)
		}
		inc := event.Incident{ID: "i1", EventType: typeOf("", incSub), SubEventType: incSub, Date: when, Location: where,
			Actors: ia}
		ev := event.Event{ID: "e1", EventType: typeOf("", evSub), SubEventType: evSub, Date: when, Location: where,
			Actors: ea}
		s := m.Score(inc, event.Report{DocumentID: "d1", Event: ev})
		if !got && s.Veto == "" {
			t.Fatalf("incident %q %+v, report %q %+v: MayMerge false, Score %v accepts", incSub, ia, evSub, ea, s)
		}
		vetoes[got]++
	}
	if vetoes[false] < 1000 || vetoes[true] < 1000 {
		t.Errorf("MayMerge true %d times, false %d: the draws miss one side", vetoes[true], vetoes[false])
	}
}

// TestActor1Key pins the key's form: the folded names of the identified actor1s in order, after '=' when every
// attribution is firm and '~' otherwise; "" without one; not ok for a name that is not valid UTF-8.
func TestActor1Key(t *testing.T) {
	a := func(role, name, kind, attr string) event.Actor {
		return event.Actor{Role: role, Name: name, Kind: kind, Attribution: attr}
	}
	tests := []struct {
		actors []event.Actor
		want   string
		ok     bool
	}{
		{nil, "", true},
		{[]event.Actor{a(event.RoleActor2, "Civilians", "", "")}, "", true},
		{[]event.Actor{a(event.RoleActor1, "Unidentified gunmen", "", ""), a(event.RoleActor1, "X", event.KindUnknown, "")}, "", true},
		{[]event.Actor{a(event.RoleActor1, " Wagner  GROUP ", "", "")}, "=\nwagner group", true},
		{[]event.Actor{a(event.RoleActor1, "A", "", event.AttrStated), a(event.RoleActor2, "C", "", ""),
			a(event.RoleActor1, "B b", "", event.AttrAlleged)}, "~\na\nb b", true},
		{[]event.Actor{a(event.RoleActor1, "Bad \xff name", "", "")}, "", false},
		{[]event.Actor{a(event.RoleActor2, "Bad \xff name", "", ""), a(event.RoleActor1, "ok", "", "")}, "=\nok", true},
	}
	for _, tt := range tests {
		got, ok := Actor1Key(tt.actors)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Actor1Key(%+v) = %q, %v; want %q, %v", tt.actors, got, ok, tt.want, tt.ok)
		}
		if strings.Count(got, "\n") != len(actor1s(tt.actors)) && ok {
			t.Errorf("Actor1Key(%+v) = %q: not one name per identified actor1", tt.actors, got)
		}
	}
}
