package geoparse

import (
	"math"

	"sitrep/internal/gazetteer"
)

// Limits of the foreign-homonym rule (see foreign).
const (
	// minFocus is the weight of votes for one country (a country named outright is 1, a clear place 0.5,
	// a dateline's 1) that makes a document centre on it.
	minFocus = 1.0
	// smallPlace is the population under which a foreign town loses to the document's focus.
	smallPopulation = 100_000
	// maxOtherNamePopulation is the population under which a foreign city known by the name only as another
	// name of it (an old or foreign one) loses to the document's focus: English news calls the cities above
	// it by the names the gazetteer gives them first.
	maxOtherNamePopulation = 1_000_000
	// nearFocusKm is how close to a place the document clearly names a foreign town may lie and still be
	// meant: a town across a border.
	nearFocusKm = 400
	// maxLatDegrees is a difference of latitude beyond which two places lie farther apart than 400 km (a
	// degree of latitude is at least 111.19 km of great circle): the distance need not be computed.
	maxLatDegrees = 3.6
)

// foreign reports whether candidate p of mention m is a small foreign homonym: the document centres on some
// country, p is a town of fewer than smallPopulation people in a country nothing else in the document points
// at, far from every place the document clearly names, and no hint written next to the name points at it.
// Such a reading ("Houdan, France" for a district of Mogadishu) loses to any other candidate, and a name with
// no other candidate is left to its neighbours or the document's country. A place the name matches only as
// one of its other names (other: "Boni", a name of Bonn, in a report from Mali) is such a reading up to
// maxOtherNamePopulation people unless it is the seat of a first-order division (Genève, which English calls
// Geneva), and a place found only as a transliteration variant of the name
// (mention.loose: "Konna" for Konya) whatever its size.
func (f *focus) foreign(m *mention, p gazetteer.Place, other bool) bool {
	if p.Country == "" || m.country != nil || m.hintCC != "" || m.demonym {
		return false
	}
	switch {
	case m.loose:
		if p.Class != 'P' && !isDivision(p) {
			return false
		}
	case p.Class != 'P' || p.Code == "PPLC":
		return false
	case other:
		if p.Code == "PPLA" || seatPopulation(p) >= maxOtherNamePopulation {
			return false
		}
	case seatPopulation(p) >= smallPopulation:
		return false
	}
	if f.countryVotes(m.key, p.Country) > 0 || f.topVotesOf(m) < minFocus {
		return false
	}
	for _, c := range f.clear {
		if c.key == m.key {
			continue
		}
		if math.Abs(c.p.Lat-p.Lat) < maxLatDegrees && gazetteer.DistanceKm(c.p.Lat, c.p.Lon, p.Lat, p.Lon) < nearFocusKm {
			return false
		}
	}
	return true
}

// countryVotes returns the votes for country cc of the names other than key (the weights, 1, 0.5 and 0.25,
// add up exactly in any order).
func (f *focus) countryVotes(key, cc string) float64 {
	t := f.totalC[cc]
	if t == 0 {
		return 0 // no name votes for cc
	}
	return t - f.country[countryKey{cc, key}]
}

// topVotes returns the votes of the country the names other than key most point at; the place a report
// is filed from counts as much as a country named outright.
func (f *focus) topVotes(key string) float64 {
	_, v := f.top(key)
	return v
}

// topVotesOf is topVotes of m's key, kept with the candidates of the name for the focus last asked.
func (f *focus) topVotesOf(m *mention) float64 {
	kd := m.kd
	if kd == nil {
		return f.topVotes(m.key)
	}
	if kd.topOf != f {
		kd.top, kd.topOf = f.topVotes(m.key), f
	}
	return kd.top
}

// topCountry returns the country the names other than key most point at ("" when none).
func (f *focus) topCountry(key string) string {
	cc, _ := f.top(key)
	return cc
}

// top returns the country the names other than key most point at and its votes (see topVotes); among
// equals, the first in alphabetical order.
func (f *focus) top(key string) (string, float64) {
	best, bestV := "", 0.0
	for cc, t := range f.totalC {
		v := t - f.country[countryKey{cc, key}]
		if cc == f.dateline {
			v += 0.5
		}
		if v > bestV || v == bestV && best != "" && cc < best {
			best, bestV = cc, v
		}
	}
	return best, bestV
}

// listCountry returns the country every place listed with mention k lies in ("Palma, Mocimboa and Macomia"),
// when that is the country the rest of the document centres on and names outright; "" otherwise.
func (r *run) listCountry(k int, f *focus) string {
	m := &r.ms[k]
	if len(m.siblings) == 0 || m.country != nil || m.hintCC != "" || m.demonym {
		return ""
	}
	top := f.topCountry(m.key)
	if top == "" || !f.outright[top] || f.topVotesOf(m) < minFocus {
		return ""
	}
	for _, j := range m.siblings {
		s := &r.ms[j]
		if s.choice < 0 || s.near || s.cands[s.choice].p.Country != top {
			return ""
		}
	}
	return top
}

// foreignToList reports whether candidate p of mention m, listed only with places of country cc (listCountry),
// is a town abroad that nothing else in the document points at and that lies farther than farFromListKm from
// every place it clearly names: the list's own town, missing from the gazetteer, bears the name of a city abroad ("Palma", a town of
// Mozambique, is Palma de Mallorca's name). Capitals and cities of a million keep their reading.
func (f *focus) foreignToList(m *mention, p gazetteer.Place, cc string) bool {
	if p.Class != 'P' || p.Code == "PPLC" || p.Country == cc || p.Country == "" ||
		seatPopulation(p) >= maxOtherNamePopulation || f.countryVotes(m.key, p.Country) > 0 {
		return false
	}
	for _, c := range f.clear {
		if c.key != m.key && gazetteer.DistanceKm(c.p.Lat, c.p.Lon, p.Lat, p.Lon) < farFromListKm {
			return false
		}
	}
	return true
}

// farFromListKm is how far from every place a document clearly names a city listed with places of another
// country must lie to be taken for a homonym of a town of that country: another continent, not a neighbour
// (Malakal, listed with towns of Sudan, is Malakal in South Sudan).
const farFromListKm = 2000
