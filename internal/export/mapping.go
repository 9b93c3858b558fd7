package export

import (
	"sitrep/internal/event"
)

// RowOf flattens an incident to its ACLED-style row.
func RowOf(inc event.Incident, opts Options) Row {
	r := Row{EventIDCnty: inc.ID, EventType: inc.EventType, SubEventType: inc.SubEventType, Notes: inc.Summary}
	r.EventDate, r.Year, r.TimePrecision = dateOf(inc.Date)
	setActors(&r, inc.Actors)
	if p := inc.Location; p != nil {
		r.Country, r.Location = p.Country, p.Name
		if p.Country != "" {
			if n := opts.countryName()(p.Country); n != "" {
				r.Country = n
			}
		}
		if p.Admin1 != nil {
			r.Admin1 = *p.Admin1
		}
		if p.Lat != 0 || p.Lon != 0 {
			r.Latitude, r.Longitude = ptr(p.Lat), ptr(p.Lon)
		}
		r.GeoPrecision = ptr(GeoPrecision(p.Precision))
	}
	if f := inc.Fatalities; f != nil {
		if f.Best != nil {
			r.Fatalities = *f.Best
		}
		r.FatalitiesLow, r.FatalitiesHi = f.Low, f.High
	}
	setSources(&r, inc.Reports)
	return r
}

// setActors fills the actor columns: the first actor1 and actor2 with their inter codes; further actors of a
// side and the associated actors (which the model does not tie to a side) go to that side's assoc column.
func setActors(r *Row, as []event.Actor) {
	var assoc1, assoc2 []string
	for _, a := range as {
		switch {
		case a.Role == event.RoleActor1 && r.Actor1 == "":
			r.Actor1, r.Inter1 = a.Name, Inter(a.Kind)
		case a.Role == event.RoleActor2 && r.Actor2 == "":
			r.Actor2, r.Inter2 = a.Name, Inter(a.Kind)
		case a.Role == event.RoleActor2:
			assoc2 = append(assoc2, a.Name)
		default:
			assoc1 = append(assoc1, a.Name)
		}
	}
	r.AssocActor1, r.AssocActor2 = joinUnique(assoc1), joinUnique(assoc2)
}

// setSources fills source (publishers), claims and sources_count (independent stories: syndicated copies
// count with their original).
func setSources(r *Row, reports []event.Report) {
	var pubs, claims []string
	stories := map[string]bool{}
	for _, rep := range reports {
		pubs = append(pubs, rep.Publisher)
		story := rep.DocumentID
		if rep.DuplicateOf != "" {
			story = rep.DuplicateOf
		}
		stories[story] = true
		for _, c := range rep.Event.Claims {
			s := c.Claimant.Name + " " + c.Stance
			if c.About != "" {
				s += " " + c.About
			}
			claims = append(claims, s)
		}
	}
	r.Source, r.Claims, r.SourcesCount = joinUnique(pubs), joinUnique(claims), len(stories)
}
