package geoparse

import "sitrep/internal/gazetteer"

// focus is the document's geographic focus: how much each country and first-order division is named, with
// each mention's own contribution kept apart so a name does not vote for itself.
type focus struct {
	country map[string]float64
	admin1  map[string]float64
	maxC    float64
	ownC    []string  // the country mention k voted for
	ownW    []float64 // its weight
	ownA    []string  // the division mention k voted for
}

// focus counts the countries named outright (weight 1) and the countries and divisions of names that have
// one clear reading (weight 0.5).
func (r *run) focus() *focus {
	f := &focus{country: map[string]float64{}, admin1: map[string]float64{},
		ownC: make([]string, len(r.ms)), ownW: make([]float64, len(r.ms)), ownA: make([]string, len(r.ms))}
	for k, m := range r.ms {
		if m.near {
			continue
		}
		p, w, ok := clearReading(m)
		if !ok {
			continue
		}
		f.country[p.Country] += w
		f.ownC[k], f.ownW[k] = p.Country, w
		if !isCountry(p) && p.Admin1 != "" {
			a := p.Country + "." + p.Admin1
			f.admin1[a] += w
			f.ownA[k] = a
		}
	}
	for _, w := range f.country {
		f.maxC = max(f.maxC, w)
	}
	return f
}

// clearReading returns the place a mention surely names and the weight of its vote: a country name, a
// single candidate, or a candidate whose prior beats every other in another country by a wide margin.
func clearReading(m mention) (gazetteer.Place, float64, bool) {
	if m.country != nil {
		for _, c := range m.cands {
			if isCountry(c.p) && c.p.Country == m.country.Code {
				return c.p, 1, true
			}
		}
	}
	if len(m.cands) == 0 {
		return gazetteer.Place{}, 0, false
	}
	best := 0
	for i, c := range m.cands {
		if c.prior > m.cands[best].prior {
			best = i
		}
	}
	b := m.cands[best]
	if b.p.Country == "" {
		return gazetteer.Place{}, 0, false
	}
	for i, c := range m.cands {
		if i != best && c.p.Country != b.p.Country && c.prior > b.prior-1.5 {
			return gazetteer.Place{}, 0, false
		}
	}
	return b.p, 0.5, true
}

// countryShare returns how strongly the rest of the document points at country cc, from 0 to 1.
func (f *focus) countryShare(k int, cc string) float64 {
	if cc == "" || f.maxC == 0 {
		return 0
	}
	w := f.country[cc]
	if f.ownC[k] == cc {
		w -= f.ownW[k]
	}
	return min(1, w/max(1, f.maxC))
}

// hasAdmin1 reports whether another mention of the document lies in p's division.
func (f *focus) hasAdmin1(k int, p gazetteer.Place) bool {
	if p.Admin1 == "" {
		return false
	}
	a := p.Country + "." + p.Admin1
	w := f.admin1[a]
	if f.ownA[k] == a {
		w -= f.ownW[k]
	}
	return w > 0
}
