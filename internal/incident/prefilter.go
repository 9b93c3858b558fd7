package incident

import (
	"slices"

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
	_, ok1 := compatibleSubTypes[pair{a, b}]
	_, ok2 := compatibleSubTypes[pair{b, a}]
	return ok1 || ok2
}

// mergeableSubTypes maps a sub-type to the other known sub-types compatible with it, sorted.
var mergeableSubTypes = func() map[string][]string {
	m := map[string][]string{}
	for p := range compatibleSubTypes {
		if p.a != p.b {
			m[p.a] = append(m[p.a], p.b)
			m[p.b] = append(m[p.b], p.a)
		}
	}
	for k, v := range m {
		slices.Sort(v)
		m[k] = slices.Compact(v)
	}
	return m
}()

// MergeableSubTypes are the sub-types, other than "" and b itself, of the incidents that may take a report of
// sub-type b (b not ""): SubTypesMayMerge(a, b) holds exactly when a is "", b or one of them. A store can select
// its candidates by sub-type with it. The slice is shared: do not modify it.
func MergeableSubTypes(b string) []string { return mergeableSubTypes[b] }

// MaxMergeableSubTypes is the longest MergeableSubTypes list.
func MaxMergeableSubTypes() int {
	n := 0
	for _, v := range mergeableSubTypes {
		n = max(n, len(v))
	}
	return n
}
