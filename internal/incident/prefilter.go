package incident

import (
	"slices"
	"strings"
	"unicode/utf8"

	"sitrep/internal/event"
)

// implausible reports, without building any text, whether Score would surely veto r for inc on its sub-type,
// dates or distance. It lets Assign skip most far or unrelated candidates cheaply; it never rejects a
// report that Score would accept.
func implausible(o Options, inc event.Incident, r event.Report) bool {
	ev := r.Event
	if !SubTypesMayMerge(inc.SubEventType, ev.SubEventType) {
		return true
	}
	if a, b := inc.Date, ev.Date; a != nil && b != nil && !a.Start.IsZero() && !b.Start.IsZero() {
		if gap, slack := dateGap(o, a, b); gap > slack {
			return true
		}
	}
	a, b := inc.Location, ev.Location
	if a == nil || b == nil || !hasCoords(a) || !hasCoords(b) {
		return false
	}
	if a.GeonameID != nil && b.GeonameID != nil && *a.GeonameID == *b.GeonameID {
		return false
	}
	limit := o.limitKm(coarserPlace(a, b))
	return limit > 0 && HaversineKm(a.Lat, a.Lon, b.Lat, b.Lon) > limit
}

// SubTypesMayMerge reports whether an incident of sub-type a may take a report of sub-type b: they are equal,
// one is unknown (""), or the pair is compatible. When it is false, Score vetoes the merge, so a store may skip
// such candidates without loading them.
func SubTypesMayMerge(a, b string) bool {
	if a == "" || b == "" || a == b {
		return true
	}
	_, ok := compatiblePair(a, b)
	return ok
}

// SubTypesMayMergeUnagreed is SubTypesMayMerge for a report whose actor1 cannot agree with the incident's (see
// Actor1MayAgree): the compatible pairs that need actor1 to agree are then vetoed too.
func SubTypesMayMergeUnagreed(a, b string) bool { return SubTypesMayMerge(a, b) && !needsActors(a, b) }

// Actor1MayAgree reports whether a report with these actors can agree on actor1 with any incident: only an
// identified actor1 can (compareActors). When it cannot, Score vetoes the sub-type pairs that need agreement.
func Actor1MayAgree(actors []event.Actor) bool { return len(actor1s(actors)) > 0 }

// mergeableSubTypes and mergeableUnagreed map a sub-type to the other known sub-types compatible with it,
// sorted: every compatible one, and only those whose pair does not need actor1 to agree.
var mergeableSubTypes, mergeableUnagreed = mergeableLists(false), mergeableLists(true)

// mergeableLists builds mergeableSubTypes, or with unagreed mergeableUnagreed.
func mergeableLists(unagreed bool) map[string][]string {
	m := map[string][]string{}
	for p, c := range compatibleSubTypes {
		if p.a != p.b && !(unagreed && c.needActors) {
			m[p.a] = append(m[p.a], p.b)
			m[p.b] = append(m[p.b], p.a)
		}
	}
	for k, v := range m {
		slices.Sort(v)
		m[k] = slices.Compact(v)
	}
	return m
}

// MergeableSubTypes are the sub-types, other than "" and b itself, of the incidents that may take a report of
// sub-type b (b not ""): SubTypesMayMerge(a, b) holds exactly when a is "", b or one of them. A store can select
// its candidates by sub-type with it. The slice is shared: do not modify it.
func MergeableSubTypes(b string) []string { return mergeableSubTypes[b] }

// MergeableSubTypesFor is MergeableSubTypes for a report with these actors: when its actor1 cannot agree with an
// incident's (Actor1MayAgree), only the sub-types SubTypesMayMergeUnagreed accepts. A report of sub-type Attack
// with no identified actor1 thus leaves the air strikes and shellings of its country unread. The slice is
// shared: do not modify it.
func MergeableSubTypesFor(b string, actors []event.Actor) []string {
	if Actor1MayAgree(actors) {
		return mergeableSubTypes[b]
	}
	return mergeableUnagreed[b]
}

// MaxMergeableSubTypes is the longest MergeableSubTypes list.
func MaxMergeableSubTypes() int {
	n := 0
	for _, v := range mergeableSubTypes {
		n = max(n, len(v))
	}
	return n
}

// Actor1Key is the part of an incident's actors that, with the sub-types, decides whether compareActors and
// compareTypes veto a report on actor1 (ReportActor1s.MayMerge): "" when the incident has no identified actor1;
// else '=' when every identified actor1's attribution is firm, '~' when one is alleged or contested, followed
// by "\n" and the folded name of each identified actor1, in order (fold leaves no "\n" in a name). A store can
// keep it beside each incident and test a candidate with it before reading the incident. ok is false when an
// actor1's name is not valid UTF-8: a store that keeps the incident as JSON reads such a name back changed, so
// the key of what it wrote may not be that of what it reads.
func Actor1Key(actors []event.Actor) (key string, ok bool) {
	var b strings.Builder
	firmAll := true
	for _, a := range actors {
		if a.Role != event.RoleActor1 {
			continue
		}
		if !utf8.ValidString(a.Name) {
			return "", false
		}
		if !known(a) {
			continue
		}
		firmAll = firmAll && firm(a)
		b.WriteByte('\n')
		b.WriteString(fold(a.Name))
	}
	if b.Len() == 0 {
		return "", true
	}
	if firmAll {
		return "=" + b.String(), true
	}
	return "~" + b.String(), true
}

// ReportActor1s are a report's identified actor1s as MayMerge compares them with an incident's Actor1Key.
type ReportActor1s struct {
	names []string // folded
	firm  bool     // every attribution is firm
}

// ReportActor1sOf are the identified actor1s among a report's actors.
func ReportActor1sOf(actors []event.Actor) ReportActor1s {
	ea := actor1s(actors)
	r := ReportActor1s{firm: allFirm(ea)}
	for _, a := range ea {
		r.names = append(r.names, fold(a.Name))
	}
	return r
}

// MayMerge reports whether Score may take a report of sub-type evSub with these actor1s into an incident of
// sub-type incSub whose actors have the Actor1Key key. When it is false, Score surely vetoes the merge: actor1
// differs (compareActors: both sides identified, no folded name shared, every attribution firm on both sides),
// or the sub-types are a compatible pair that needs actor1 to agree (compareTypes) and no name is shared. It
// says nothing of the other criteria (another, incompatible sub-type is SubTypesMayMerge's).
func (r ReportActor1s) MayMerge(key, incSub, evSub string) bool {
	_, agree, veto := r.verdict(key)
	return !veto && (agree || !needsActors(incSub, evSub))
}

// verdict is compareActors' value for an incident whose Actor1Key is key, whether actor1 agrees, and whether it
// vetoes the merge. An incident without an identified actor1 (key "") is neutral and cannot agree.
func (r ReportActor1s) verdict(key string) (value float64, agree, veto bool) {
	for _, n := range r.names {
		if keyHas(key, n) {
			return 1, true, false
		}
	}
	if key == "" || len(r.names) == 0 {
		return 0.5, false, false
	}
	if r.firm && key[0] == '=' {
		return 0, false, true
	}
	return 0.3, false, false
}

// keyHas reports whether an Actor1Key names the folded name n: its names follow its first byte and "\n".
func keyHas(key, n string) bool {
	if len(key) < 2 {
		return false
	}
	for name := range strings.SplitSeq(key[2:], "\n") {
		if name == n {
			return true
		}
	}
	return false
}

// needsActors reports whether an incident of sub-type a and a report of sub-type b are a compatible pair of
// different sub-types that compareTypes accepts only when actor1 agrees.
func needsActors(a, b string) bool {
	if a == "" || b == "" || a == b {
		return false
	}
	c, ok := compatiblePair(a, b)
	return ok && c.needActors
}
