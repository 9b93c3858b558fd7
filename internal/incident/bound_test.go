package incident

import (
	"math/rand/v2"
	"testing"

	"sitrep/internal/event"
)

// TestScoreBound checks ScoreBound against Score on random incident and report pairs of every kind of sub-type
// (the taxonomy's, "", unknown ones), date (each precision, spans, no end, an end before the start, undated),
// place (each precision, shared geonames, no coordinates, other countries, none), actor1 (firm, alleged,
// unidentified, shared or not, none) and options: whenever MayAccept is false, given what a store's index holds
// of the incident (its sub-type, the interval of its date, its Actor1Key), Score vetoes the report or scores it
// below MinScore. It also checks that the bound leaves out at least half of the pairs Score rejects.
func TestScoreBound(t *testing.T) {
	rng := rand.New(rand.NewPCG(20, 12))
	// Sub-types mostly of a few compatible pairs, so that many pairs score near MinScore.
	near := []string{"Armed clash", "Armed clash", "Government regains territory", "Attack", "Air/drone strike",
		"Shelling/artillery/missile attack", "Peaceful protest", "Protest with intervention", "", "Unknown thing"}
	all := append(event.SubTypes(), "armed clash")
	sub := func() string {
		if rng.IntN(5) == 0 {
			return all[rng.IntN(len(all))]
		}
		return near[rng.IntN(len(near))]
	}
	precisions := []string{event.PrecisionDay, event.PrecisionDay, event.PrecisionWeek, event.PrecisionMonth,
		event.PrecisionYear, "", "fortnight"}
	places := []string{event.LocExact, event.LocNear, event.LocRegion, event.LocCountry, "", "street"}
	names := []string{"Military Forces of Syria", "military  forces of SYRIA", "Military Forces of Syria",
		"Wagner Group", "Unidentified gunmen", "unknown", "", "Hayat Tahrir al-Sham"}
	attributions := []string{"", event.AttrStated, event.AttrAlleged, event.AttrContested}
	date := func() *event.When {
		if rng.IntN(12) == 0 {
			return nil
		}
		s := event.NewDate(2025, 3, 1+rng.IntN(6))
		w := &event.When{Start: s, Precision: precisions[rng.IntN(len(precisions))]}
		switch rng.IntN(4) {
		case 0: // no end
		case 1:
			w.End = s.AddDays(-rng.IntN(3)) // an end before the start, or the start
		default:
			w.End = s.AddDays(rng.IntN(5))
		}
		return w
	}
	geonames := []int64{1, 2}
	place := func() *event.Place {
		if rng.IntN(12) == 0 {
			return nil
		}
		p := &event.Place{Name: "P", Country: "SY", Precision: places[rng.IntN(len(places))]}
		if rng.IntN(10) == 0 {
			p.Country = []string{"", "TR", "sy"}[rng.IntN(3)]
		}
		if rng.IntN(6) > 0 {
			p.Lat, p.Lon = 36+rng.Float64()*0.3, 37+rng.Float64()*0.3
		}
		if rng.IntN(3) > 0 {
			p.GeonameID = &geonames[rng.IntN(len(geonames))]
		}
		return p
	}
	actors := func() []event.Actor {
		var as []event.Actor
		for range rng.IntN(3) {
			role := event.RoleActor1
			if rng.IntN(4) == 0 {
				role = event.RoleActor2
			}
			kind := event.KindStateForces
			if rng.IntN(8) == 0 {
				kind = event.KindUnknown
			}
			as = append(as, event.Actor{Role: role, Name: names[rng.IntN(len(names))], Kind: kind,
				Attribution: attributions[rng.IntN(len(attributions))]})
		}
		return as
	}
	options := []Options{{}, {MinScore: 0.5}, {MinScore: 0.75, DaySlack: 2, MonthSlack: 3, ExactKm: 30}}
	pairs, left, rejected := 0, 0, 0
	for i := range 300000 {
		m := NewMerger(options[i%len(options)])
		inc := event.Incident{ID: "i", SubEventType: sub(), Date: date(), Location: place(),
			Actors: actors()}
		inc.EventType, _ = event.TypeOf(inc.SubEventType)
		if rng.IntN(10) == 0 {
			inc.EventType = event.TypeBattles
		}
		inc.Reports = []event.Report{{DocumentID: "d1", Event: event.Event{ID: "e1"}}}
		ev := event.Event{ID: "e2", SubEventType: sub(), Date: date(), Location: place(),
			Actors: actors()}
		ev.EventType, _ = event.TypeOf(ev.SubEventType)
		if rng.IntN(2) == 0 {
			ev.SubEventType, ev.EventType = inc.SubEventType, inc.EventType
		}
		r := event.Report{DocumentID: "d2", Event: ev}
		if rng.IntN(20) == 0 {
			r.DocumentID = "d1" // the incident's document, of another event
		}
		key, keyOK := Actor1Key(inc.Actors)
		if rng.IntN(20) == 0 {
			key, keyOK = "", false // a store that could not compute the key
		}
		var start, end event.Date
		if inc.Date != nil {
			start, end = inc.Date.Start, inc.Date.End
		}
		b := m.BoundFor(ev)
		may := b.MayAccept(inc.SubEventType, start, end, key, keyOK)
		s := m.Score(inc, r)
		pairs++
		if !s.OK(m.Options.filled().MinScore) {
			rejected++
		}
		if !may {
			left++
			if s.OK(m.Options.filled().MinScore) {
				t.Fatalf("pair %d: MayAccept false, Score accepts: %+v\nincident %+v %+v %+v\nreport %+v %+v %+v",
					i, s, inc.Date, inc.Location, inc.Actors, ev.Date, ev.Location, ev.Actors)
			}
		}
	}
	if left == 0 || left == pairs {
		t.Errorf("MayAccept left out %d of %d pairs", left, pairs)
	}
	if rejected == 0 || left*2 < rejected {
		t.Errorf("MayAccept left out %d of the %d pairs Score rejects", left, rejected)
	}
	t.Logf("MayAccept left out %d of %d pairs, of which Score rejects %d", left, pairs, rejected)
}
