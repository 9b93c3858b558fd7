package incident

import "sitrep/internal/event"

// implausible reports, without building any text, whether Score would surely veto r for inc on its sub-type,
// dates or distance. It lets Assign skip most far or unrelated candidates cheaply; it never rejects a
// report that Score would accept.
func implausible(o Options, inc event.Incident, r event.Report) bool {
	ev := r.Event
	if a, b := inc.SubEventType, ev.SubEventType; a != "" && b != "" && a != b {
		_, ok1 := compatibleSubTypes[pair{a, b}]
		_, ok2 := compatibleSubTypes[pair{b, a}]
		if !ok1 && !ok2 {
			return true
		}
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
