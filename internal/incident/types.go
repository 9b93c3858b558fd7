package incident

import "sitrep/internal/event"

// pair is an unordered pair of sub-event types that two reports of one incident may plausibly disagree on.
type pair struct{ a, b string }

// compatibleSubTypes maps each compatible pair to its value and whether actor1 must agree for it. They are
// codebook neighbours: the clash in which a side retook a town; a strike that one outlet calls an air strike
// and another shelling; a protest that one report says was dispersed.
var compatibleSubTypes = map[pair]compatibility{
	{"Armed clash", "Government regains territory"}:                     {0.7, false},
	{"Armed clash", "Non-state actor overtakes territory"}:              {0.7, false},
	{"Air/drone strike", "Shelling/artillery/missile attack"}:           {0.6, true},
	{"Attack", "Air/drone strike"}:                                      {0.5, true},
	{"Attack", "Shelling/artillery/missile attack"}:                     {0.5, true},
	{"Attack", "Remote explosive/landmine/IED"}:                         {0.5, true},
	{"Suicide bomb", "Remote explosive/landmine/IED"}:                   {0.6, false},
	{"Peaceful protest", "Protest with intervention"}:                   {0.7, false},
	{"Protest with intervention", "Excessive force against protesters"}: {0.7, false},
	{"Violent demonstration", "Mob violence"}:                           {0.6, false},
	{"Violent demonstration", "Protest with intervention"}:              {0.5, false},
}

// compatibility is what a compatible pair of sub-types is worth, and whether actor1 must agree for it.
type compatibility struct {
	value      float64
	needActors bool
}

// compatiblePair looks up the unordered pair {a, b} in compatibleSubTypes.
func compatiblePair(a, b string) (compatibility, bool) {
	if c, ok := compatibleSubTypes[pair{a, b}]; ok {
		return c, true
	}
	c, ok := compatibleSubTypes[pair{b, a}]
	return c, ok
}

// compareTypes compares the incident's type and sub-type with the report's; actorsAgree tells whether actor1
// agrees, which some compatible pairs require.
func compareTypes(incType, incSub, evType, evSub string, actorsAgree bool) criterion {
	switch {
	case incSub != "" && incSub == evSub:
		return criterion{value: 1, reason: "same sub-type " + evSub}
	case incSub == "" || evSub == "":
		it, et := typeOf(incType, incSub), typeOf(evType, evSub)
		if it != "" && it == et {
			return criterion{value: 0.5, reason: "same event type " + it + " (a sub-type is unknown)"}
		}
		return criterion{reason: "event types differ: " + orNone(it) + " vs " + orNone(et), veto: true}
	}
	c, ok := compatiblePair(incSub, evSub)
	switch {
	case !ok:
		return criterion{reason: "different sub-types " + incSub + " vs " + evSub, veto: true}
	case c.needActors && !actorsAgree:
		return criterion{reason: "sub-types " + incSub + " ~ " + evSub + " are compatible only when actor1 agrees",
			veto: true}
	}
	return criterion{value: c.value, reason: "compatible sub-types " + incSub + " ~ " + evSub}
}

// typeOf is the event type of a sub-type, else the given type.
func typeOf(typ, sub string) string {
	if t, ok := event.TypeOf(sub); ok {
		return t
	}
	return typ
}

// orNone is s, or "none" when s is empty.
func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
