package incident

import (
	"strings"
	"testing"
	"time"

	"sitrep/internal/event"
)

// t0 is the clock of the tests.
var t0 = time.Date(2016, 9, 20, 8, 0, 0, 0, time.UTC)

// day is a day-precision date.
func day(y int, m time.Month, d int) *event.When {
	return &event.When{Start: event.NewDate(y, m, d), End: event.NewDate(y, m, d), Precision: event.PrecisionDay}
}

// month is a month-precision date.
func month(y int, m time.Month) *event.When {
	s := event.NewDate(y, m, 1)
	return &event.When{Start: s, End: event.Date{Time: s.AddDate(0, 1, -1)}, Precision: event.PrecisionMonth}
}

// place is a Syrian place of the given precision.
func place(name string, lat, lon float64, precision string) *event.Place {
	return &event.Place{Name: name, Lat: lat, Lon: lon, Country: "SY", Precision: precision}
}

// Places of the tests (approximate coordinates).
var (
	urum      = place("Urum al-Kubra", 36.155, 36.862, event.LocExact)
	urumNear  = place("west of Aleppo", 36.17, 36.88, event.LocNear)
	aleppoGov = place("Aleppo governorate", 36.2, 37.15, event.LocRegion)
	saraqib   = place("Saraqib", 35.862, 36.800, event.LocExact)
	idlib     = place("Idlib", 35.931, 36.633, event.LocExact)
	syria     = &event.Place{Name: "Syria", Country: "SY", Precision: event.LocCountry}
)

// actor1 is an actor1 with the given attribution.
func actor1(name, attribution string) event.Actor {
	return event.Actor{Role: event.RoleActor1, Name: name, Kind: event.KindStateForces, Attribution: attribution}
}

// Actors of the tests.
const (
	russia = "Military Forces of Russia"
	syrian = "Military Forces of Syria"
)

// deaths is a fatality count; a negative value means absent.
func deaths(low, best, high int, qualifier string) *event.Count {
	p := func(v int) *int {
		if v < 0 {
			return nil
		}
		return &v
	}
	return &event.Count{Low: p(low), Best: p(best), High: p(high), Qualifier: qualifier}
}

// killed is an exact count.
func killed(n int) *event.Count { return deaths(n, n, n, "") }

// revisedToll is an updated toll of exactly n deaths ("the death toll has risen to n").
func revisedToll(n int) *event.Count {
	c := killed(n)
	c.Revised = true
	return c
}

// strike is an air strike event.
func strike(id string, when *event.When, where *event.Place, fat *event.Count, actors ...event.Actor) event.Event {
	return event.Event{ID: id, EventType: event.TypeExplosions, SubEventType: "Air/drone strike",
		Date: when, Location: where, Fatalities: fat, Actors: actors}
}

// report wraps an event as document doc's report, published on the given day of September 2016.
func report(doc, publisher string, pubDay int, ev event.Event) event.Report {
	d := event.NewDate(2016, time.September, pubDay)
	return event.Report{DocumentID: doc, Publisher: publisher, Published: &d, Event: ev,
		Added: time.Date(2016, 9, pubDay, 12, 0, 0, 0, time.UTC)}
}

// hasReason reports whether some reason contains sub.
func hasReason(reasons []string, sub string) bool {
	for _, r := range reasons {
		if strings.Contains(r, sub) {
			return true
		}
	}
	return false
}

// fatal returns the incident's low/best/high, -1 for absent.
func fatal(t *testing.T, inc event.Incident) [3]int {
	t.Helper()
	f := inc.Fatalities
	if f == nil {
		return [3]int{-1, -1, -1}
	}
	v := func(p *int) int {
		if p == nil {
			return -1
		}
		return *p
	}
	return [3]int{v(f.Low), v(f.Best), v(f.High)}
}

// attributionOf returns the reconciled attribution of actor1 name, "" when absent.
func attributionOf(inc event.Incident, name string) string {
	for _, a := range inc.Actors {
		if a.Role == event.RoleActor1 && a.Name == name {
			return a.Attribution
		}
	}
	return ""
}
