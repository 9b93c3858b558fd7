package incident

import "sitrep/internal/event"

// recompute sets the incident's reconciled values from its reports: sub-type, summary, date, place, actors and
// fatalities, all from the independent reports only.
func recompute(inc *event.Incident) {
	rs := independent(inc.Reports)
	inc.SubEventType = subType(rs)
	inc.EventType = eventType(rs, inc.SubEventType)
	inc.Summary = ""
	for _, r := range rs {
		if r.Event.Summary != "" {
			inc.Summary = r.Event.Summary
			break
		}
	}
	inc.Date = finestDate(rs)
	inc.Location = finestPlace(rs)
	inc.Actors = reconcileActors(rs)
	inc.Fatalities = reconcileFatalities(rs)
}

// subType is the sub-type most reports give; ties go to the one reported first.
func subType(rs []event.Report) string {
	n := map[string]int{}
	best := ""
	for _, r := range rs {
		s := r.Event.SubEventType
		if s == "" {
			continue
		}
		n[s]++
		if best == "" || n[s] > n[best] {
			best = s
		}
	}
	return best
}

// eventType is the type of the sub-type, else the first type reported.
func eventType(rs []event.Report, sub string) string {
	if t, ok := event.TypeOf(sub); ok {
		return t
	}
	for _, r := range rs {
		if r.Event.EventType != "" {
			return r.Event.EventType
		}
	}
	return ""
}

// finestDate is the narrowest date interval reported; ties go to the first report.
func finestDate(rs []event.Report) *event.When {
	var best *event.When
	width := func(w *event.When) float64 { s, e := interval(w); return e.Sub(s.Time).Hours() }
	for _, r := range rs {
		w := r.Event.Date
		if w == nil || w.Start.IsZero() {
			continue
		}
		if best == nil || width(w) < width(best) {
			best = w
		}
	}
	if best == nil {
		return nil
	}
	c := *best
	c.Span = nil // spans point into one document; the reports keep them
	return &c
}

// finestPlace is the most precise place reported; ties go to the first report.
func finestPlace(rs []event.Report) *event.Place {
	var best *event.Place
	for _, r := range rs {
		p := r.Event.Location
		if p == nil {
			continue
		}
		if best == nil || placeRank[placePrecision(p)] < placeRank[placePrecision(best)] {
			best = p
		}
	}
	if best == nil {
		return nil
	}
	c := *best
	c.Span = nil // spans point into one document; the reports keep them
	return &c
}
