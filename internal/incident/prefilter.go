package incident

import "sitrep/internal/event"

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
