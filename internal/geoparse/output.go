package geoparse

import (
	"sitrep/internal/event"
	"sitrep/internal/gazetteer"
)

// toponyms turns the mentions into Toponyms: resolved ones, "X near Y" ones at Y, and (for Resolve) the
// unresolved ones.
func (r *run) toponyms() []Toponym {
	out := make([]Toponym, 0, len(r.ms))
	for k := range r.ms {
		m := &r.ms[k]
		t := Toponym{Start: m.start, End: m.end, Text: m.text, Locational: m.locational,
			Dateline: r.isDateline(m.lo, m.hi)}
		switch {
		case m.near && m.nearOf >= 0:
			y := &r.ms[m.nearOf]
			r.fillChosen(&t, y)
			t.GeonameID = 0 // the coordinates are Y's; the name's own place is unknown
			t.Precision, t.Rule = event.LocNear, "near:"+y.text
			if m.street {
				t.Rule = "street-in:" + y.text
			}
			if isCountry(y.cands[y.choice].p) {
				t.Precision = event.LocCountry
			}
		case m.fallbackCC != "":
			if a, ok := r.g.Admin1(m.fallbackCC, m.fallbackA1); ok && m.fallbackA1 != "" {
				r.fill(&t, a)
				t.GeonameID, t.Rule = 0, "document-admin1" // the division's place, not the name's own
				break
			}
			c, _ := r.g.Country(m.fallbackCC)
			r.fill(&t, gazetteer.Place{Name: c.Name, Lat: c.Lat, Lon: c.Lon, Country: c.Code, Class: 'A', Code: "PCLI"})
			t.Rule = "document-country"
		case m.choice >= 0 && !r.keepUnresolved && r.weak(m):
			continue
		case m.choice >= 0:
			r.fillChosen(&t, m)
			t.Rule = m.rule
			if m.noun == "district" && t.Kind == KindCity {
				t.Precision = event.LocNear // "Sirwah district": around its seat town
			}
			if t.Locational && r.agentMetonym(m) {
				t.Locational = false
			}
			if m.demonym {
				t.Kind, t.Rule = KindDemonym, "demonym"
			}
		case !r.keepUnresolved:
			continue
		}
		out = append(out, t)
	}
	return out
}

// fillChosen sets the place fields of t from the place chosen for m, with the name of its division kept with
// the candidates of m's name.
func (r *run) fillChosen(t *Toponym, m *mention) {
	if m.kd == nil {
		r.fill(t, m.cands[m.choice].p)
		return
	}
	r.fillPlace(t, m.cands[m.choice].p, m.kd.admin1Names[m.choice])
}

// fill sets the place fields of t from p.
func (r *run) fill(t *Toponym, p gazetteer.Place) { r.fillPlace(t, p, r.admin1Name(p)) }

// admin1Name returns the name of p's first-order division (fill's Toponym.Admin1), "" for a country.
func (r *run) admin1Name(p gazetteer.Place) string {
	if isCountry(p) || p.Country == "" || p.Admin1 == "" {
		return ""
	}
	return r.g.Admin1Name(p.Country, p.Admin1)
}

// fillPlace is fill with the name of p's division already found (admin1Name).
func (r *run) fillPlace(t *Toponym, p gazetteer.Place, admin1 string) {
	t.Resolved = true
	t.Name, t.GeonameID, t.Lat, t.Lon, t.Country = p.Name, p.ID, p.Lat, p.Lon, p.Country
	t.Kind, t.Precision = kindOf(p), precisionOf(p)
	if isCountry(p) {
		if c, ok := r.g.Country(p.Country); ok {
			t.Name, t.Lat, t.Lon = c.Name, c.Lat, c.Lon
		}
		return
	}
	if p.Country != "" && p.Admin1 != "" {
		t.Admin1 = admin1
	}
}

// addSpan adds a given span as a mention (Resolve). Spans outside the text, or overlapping the previous one,
// are kept unresolved.
func (r *run) addSpan(s event.Span) {
	d := r.d
	m := mention{start: s.Start, end: s.End, text: s.Text, lo: -1, hi: -1, nearOf: -1, choice: -1,
		locational: true}
	if s.Start >= 0 && s.Start < s.End && s.End <= len(d.s) {
		m.text = d.s[s.Start:s.End]
		m.lo, m.hi = d.tokenRange(s.Start, s.End)
	}
	m.key = gazetteer.Fold(m.text)
	r.ms = append(r.ms, m)
}

// weak reports whether a recognised name has too little evidence to be reported as a place: one word with
// no locative cue or place noun around it, whose best reading is a hamlet (under 1,000 people) or a small
// place known by that name only as an alternate one (a "Western" that is Cuba City's other name).
func (r *run) weak(m *mention) bool {
	if m.hi-m.lo != 1 || strongCues[m.cue] || m.noun != "" || m.preset != nil {
		return false
	}
	p := m.cands[m.choice].p
	if p.Class != 'P' || p.Population >= 100_000 {
		return false
	}
	if r.nameMatchOf(m, m.choice, p) < 0 {
		return !r.listedWithPlaces(m) // "in Sanaa and Saada": the list vouches for another name of Sa'dah
	}
	seat := p.Code == "PPLC" || p.Code == "PPLA" || p.Code == "PPLA2" // GeoNames may lack their population
	return p.Population < 1000 && !seat && !r.listedWithPlaces(m)
}

// listedWithPlaces reports whether a mention stands in a list with other places of its country ("San Juan,
// Choropampa and Magdalena"): the list vouches for a hamlet's reading.
func (r *run) listedWithPlaces(m *mention) bool {
	cc := m.cands[m.choice].p.Country
	for _, j := range m.siblings {
		s := &r.ms[j]
		if s.choice >= 0 && !s.near && s.hi-s.lo == 1 && s.cands[s.choice].p.Country == cc &&
			s.cands[s.choice].p.Population >= 1000 {
			return true
		}
		if s.choice >= 0 && s.hi-s.lo > 1 && s.cands[s.choice].p.Country == cc {
			return true
		}
	}
	return false
}
