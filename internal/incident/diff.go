package incident

import (
	"fmt"
	"strconv"

	"sitrep/internal/event"
)

// view is the part of an incident that a change note reports on.
type view struct {
	sub, date, place      string
	low, best, high       string
	actors                map[string]string // role+" "+name -> attribution
	actorOrder            []string
	reports, independents int
}

// snapshot takes an incident's view.
func snapshot(inc event.Incident) view {
	v := view{sub: inc.SubEventType, actors: map[string]string{}, reports: len(inc.Reports),
		independents: len(independent(inc.Reports))}
	if inc.Date != nil {
		s, e := interval(inc.Date)
		v.date = s.String() + ".." + e.String() + " (" + inc.Date.Precision + ")"
	}
	if inc.Location != nil {
		v.place = inc.Location.Name + " (" + inc.Location.Precision + ")"
	}
	if f := inc.Fatalities; f != nil {
		v.low, v.best, v.high = num(f.Low), num(f.Best), num(f.High)
	}
	for _, a := range inc.Actors {
		k := a.Role + " " + a.Name
		v.actors[k] = a.Attribution
		v.actorOrder = append(v.actorOrder, k)
	}
	return v
}

// num formats an optional count.
func num(p *int) string {
	if p == nil {
		return "none"
	}
	return strconv.Itoa(*p)
}

// diff lists the differences between two views, in a fixed order.
func diff(a, b view) []string {
	var out []string
	field := func(name, x, y string) {
		if x != y {
			out = append(out, fmt.Sprintf("%s %s -> %s", name, orNone(x), orNone(y)))
		}
	}
	field("sub-type", a.sub, b.sub)
	field("date", a.date, b.date)
	field("place", a.place, b.place)
	field("fatalities low", a.low, b.low)
	field("fatalities best", a.best, b.best)
	field("fatalities high", a.high, b.high)
	if a.independents != b.independents {
		out = append(out, fmt.Sprintf("independent sources %d -> %d", a.independents, b.independents))
	}
	for _, k := range b.actorOrder {
		was, ok := a.actors[k]
		switch {
		case !ok:
			out = append(out, fmt.Sprintf("%s added (%s)", k, b.actors[k]))
		case was != b.actors[k]:
			out = append(out, fmt.Sprintf("%s now %s (was %s)", k, b.actors[k], was))
		}
	}
	for _, k := range a.actorOrder {
		if _, ok := b.actors[k]; !ok {
			out = append(out, k+" removed")
		}
	}
	return out
}
