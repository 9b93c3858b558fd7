package geoparse

import "sitrep/internal/gazetteer"

// focus is the document's geographic focus: how much each country and first-order division is named. Votes
// are kept by name so that a name never votes for its own other mentions.
type focus struct {
	country  map[countryKey]float64  // country and key -> weight
	admin1   map[divisionKey]float64 // division and key -> weight
	named    map[division]keySet     // divisions named outright, by the keys naming them
	totalC   map[string]float64      // country -> all its votes
	totalA   map[division]float64    // division -> all its votes
	maxC     float64
	clear    []clearPlace    // the places names clearly read as (not countries)
	dateline string          // the country of the dateline's place, when clear
	outright map[string]bool // the countries named outright, and the dateline's
	small    []int           // the mentions whose clear reading is a town of under smallPopulation people
}

// countryKey and divisionKey are a name's votes for a country or a division.
type (
	countryKey struct {
		cc  string
		key string
	}
	divisionKey struct {
		a   division
		key string
	}
)

// keySet is a set of keys known as far as the geoparser asks: empty, one key (which) or more than one.
type keySet struct {
	n   int // 0, 1, or 2 for two or more
	key string
}

// only reports whether the set is {key}.
func (s keySet) only(key string) bool { return s.n == 1 && s.key == key }

// add puts key in the set.
func (s *keySet) add(key string) {
	switch {
	case s.n == 0:
		s.n, s.key = 1, key
	case s.n == 1 && s.key != key:
		s.n = 2
	}
}

// clearPlace is the clear reading of a name.
type clearPlace struct {
	key string
	p   gazetteer.Place
}

// focus counts the countries named outright (weight 1) and the countries and divisions of names that have
// one clear reading (weight 0.5). A clear reading that is itself a small foreign homonym by the others'
// votes ("Nord", a Swiss hamlet's other name, in a report from Haiti) does not vote.
func (r *run) focus() *focus {
	f := r.countVotes(nil, 0)
	var abroad map[string]bool
	for _, k := range f.small {
		m := &r.ms[k]
		if abroad[m.key] {
			continue
		}
		if p, _, _ := clearReading(m); f.foreign(m, p, false) && f.outright[f.topCountry(m.key)] {
			if abroad == nil {
				abroad = map[string]bool{}
			}
			abroad[m.key] = true
		}
	}
	if abroad != nil {
		f = r.countVotes(abroad, 1)
	}
	return f
}

// countVotes computes the focus from the mentions whose keys are not in skip, in the run's focus number slot
// (0 or 1: a run counts twice at most, and the two must stay apart).
func (r *run) countVotes(skip map[string]bool, slot int) *focus {
	f := r.sc.focus(slot)
	if cap(f.clear) < len(r.ms) {
		f.clear = make([]clearPlace, 0, len(r.ms))
	}
	for k := range r.ms {
		m := &r.ms[k]
		if m.near || m.demonym || skip[m.key] {
			continue
		}
		p, w, ok := clearReading(m)
		if !ok {
			continue
		}
		if w < 1 && (p.Class == 'P' && seatPopulation(p) < smallPopulation || m.loose) {
			if m.lo >= 0 && r.otherNameOnly(m.key) {
				continue // a small town known by the name only as another name of it points nowhere
			}
			f.small = append(f.small, k)
		}
		f.country[countryKey{p.Country, m.key}] += w
		f.totalC[p.Country] += w
		if w == 1 {
			f.outright[p.Country] = true
		}
		if m.lo >= 0 && r.isDateline(m.lo, m.hi) {
			f.dateline = p.Country
			f.outright[p.Country] = true
		}
		if p.Class == 'P' || p.Class == 'A' && !isCountry(p) {
			f.clear = append(f.clear, clearPlace{m.key, p})
		}
		if !isCountry(p) && p.Admin1 != "" {
			a := division{p.Country, p.Admin1}
			f.admin1[divisionKey{a, m.key}] += w
			f.totalA[a] += w
			if isAdmin1(p) && !r.teamOrSchool(m) {
				n := f.named[a]
				n.add(m.key)
				f.named[a] = n
			}
		}
	}
	for _, cc := range r.demonyms { // "the Syrian army": a weaker vote for the country
		f.country[countryKey{cc, ""}] += 0.25
		f.totalC[cc] += 0.25
	}
	for _, t := range f.totalC {
		f.maxC = max(f.maxC, t)
	}
	return f
}

// reset empties f, keeping its maps and slices.
func (f *focus) reset() {
	clear(f.country)
	clear(f.admin1)
	clear(f.named)
	clear(f.totalC)
	clear(f.totalA)
	clear(f.outright)
	clear(f.clear)
	*f = focus{country: f.country, admin1: f.admin1, named: f.named, totalC: f.totalC, totalA: f.totalA,
		outright: f.outright, clear: f.clear[:0], small: f.small[:0]}
}

// division identifies a first-order division.
type division struct{ country, admin1 string }

// clearReading returns the place a mention surely names and the weight of its vote: a country name, a
// single candidate, or a candidate whose prior beats every other reading by a wide margin.
func clearReading(m *mention) (gazetteer.Place, float64, bool) {
	if m.country != nil && !m.alsoAdmin1 {
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
		if i != best && (c.p.Country != b.p.Country || c.p.Admin1 != b.p.Admin1) && c.prior > b.prior-1.5 {
			return gazetteer.Place{}, 0, false
		}
	}
	return b.p, 0.5, true
}

// countryShare returns how strongly the rest of the document points at country cc, from 0 to 1.
func (f *focus) countryShare(key, cc string) float64 {
	if cc == "" || f.maxC == 0 {
		return 0
	}
	return min(1, f.countryVotes(key, cc)/max(1, f.maxC))
}

// admin1Bonus scores how much the rest of the document points at p's division: 2 when another name names
// the division (4 for the division itself), 1 when other places lie in it.
func (f *focus) admin1Bonus(key string, p gazetteer.Place) float64 {
	if p.Admin1 == "" {
		return 0
	}
	a := division{p.Country, p.Admin1}
	if n := f.named[a]; n.n > 0 && !n.only(key) {
		if isAdmin1(p) {
			return 4 // one sense per document: "Wash." or "Washington state" named it, so "Washington" is it too
		}
		return 2
	}
	if f.totalA[a]-f.admin1[divisionKey{a, key}] > 1e-9 {
		return 1
	}
	return 0
}

// teamOrSchool reports whether a division's name is written as "<Name> State", which in news is nearly
// always a university or its team ("Mississippi State started the game"), not the division itself.
func (r *run) teamOrSchool(m *mention) bool {
	return m.lo >= 0 && m.hi-m.lo >= 2 && r.d.folded[m.hi-1] == "state" && r.d.isCap(m.hi-1)
}
