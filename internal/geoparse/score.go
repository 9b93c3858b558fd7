package geoparse

import (
	"math"
	"strings"

	"sitrep/internal/gazetteer"
)

// components returns the score components of place p for mention k.
func (r *run) components(k, i int, p gazetteer.Place, pr float64, f *focus, anchors []anchor) [nComp]float64 {
	m := &r.ms[k]
	var c [nComp]float64
	c[cPrior] = pr
	c[cName] = r.nameMatchOf(m, i, p)
	c[cFocus], c[cAdmin1] = r.focusScores(m, i, p, f)
	if m.hintCC != "" && p.Country == m.hintCC && (m.hintA1 == "" || p.Admin1 == m.hintA1) {
		c[cHint] = 4
	}
	c[cNoun] = nounBonus(m.noun, p)
	if anchors != nil && !isCountry(p) && p.Class != 'L' {
		c[cNear] = r.proximityOf(m, i, p, anchors)
		c[cList] = r.siblingBonus(k, p)
	}
	return c
}

// nameMatch favours the reading a name most plainly denotes: the country a country name names, and places
// whose main name is the name as written over places that merely have it among their alternate names (a
// former or foreign name: Salisbury for Harare, Franklin for Columbus).
func (r *run) nameMatch(m *mention, p gazetteer.Place) float64 {
	if m.country != nil {
		if isCountry(p) && p.Country == m.country.Code && !m.alsoAdmin1 {
			return 3
		}
		return 0
	}
	if m.preset != nil || m.key == "" {
		return 0
	}
	n := r.p.fold(p.Name)
	switch {
	case divisionName(n, m.key) && isAdmin1(p):
		return -1 // "New York State" for "New York": the city is the likelier reading without other evidence
	case n == m.key || strings.TrimPrefix(n, "the ") == m.key || withoutArticle(n) == m.key:
		return 0 // "Al Qamishli" for "Qamishli"
	case p.Class == 'P' && (hasWordPrefix(n, m.key) && n[len(m.key):] == " city" ||
		strings.HasPrefix(n, "city of ") && n[len("city of "):] == m.key):
		return 0 // "New York City", "Kuwait City"
	case p.Class != 'P' && hasWordPrefix(n, m.key):
		return 0 // "Aleppo Governorate", "Atlantic Ocean"
	case (p.Code == "PPLC" || p.Code == "PPLA") && editDistance(n, m.key) <= max(1, len(m.key)/4):
		return 0 // the English spelling of a capital's or seat's name: "Geneva" for Genève
	}
	return -2
}

// nounBonus favours the kind of place a place noun names: "the city of X", "X province", "the X river".
func nounBonus(noun string, p gazetteer.Place) float64 {
	switch noun {
	case "city":
		if p.Class == 'P' {
			return 1.5
		}
	case "region":
		if isDivision(p) {
			return 2
		}
	case "district", "municipality":
		switch {
		case p.Class == 'P':
			return 1.5 // the seat a district or township is named after
		case isDivision(p) && (!isAdmin1(p) || strings.HasSuffix(p.Name, " District") ||
			strings.HasSuffix(p.Name, " Municipality")):
			return 2
		}
	case "feature":
		if p.Class == 'H' || p.Class == 'T' || p.Class == 'L' {
			return 2
		}
	default:
		if divisionHeads[noun] && isDivision(p) {
			return 2 // "Idlib governorate", "the province of Helmand"
		}
	}
	return 0
}

// anchor is a place chosen for one or more names, for the closeness of the others.
type anchor struct {
	keys keySet // the names it was chosen for
	p    gazetteer.Place
}

// anchors returns the distinct places chosen so far that locate their mention precisely enough to pull
// others towards them: populated places and divisions, not countries, seas or continents.
func (r *run) anchors() []anchor {
	n := 0
	for k := range r.ms {
		if m := &r.ms[k]; m.choice >= 0 && isAnchor(m.cands[m.choice].p) {
			n++
		}
	}
	out := make([]anchor, 0, n) // at most
	for k := range r.ms {
		m := &r.ms[k]
		if m.choice < 0 {
			continue
		}
		p := m.cands[m.choice].p
		if !isAnchor(p) {
			continue
		}
		i := 0 // a document has a few anchors: a scan beats hashing places
		for i < len(out) && out[i].p != p {
			i++
		}
		if i == len(out) {
			i = len(out)
			out = append(out, anchor{p: p})
		}
		out[i].keys.add(m.key)
	}
	return out
}

// isAnchor reports whether a chosen place locates its name precisely enough to pull others towards it.
func isAnchor(p gazetteer.Place) bool { return p.Class == 'P' || p.Class == 'A' && !isCountry(p) }

// proximity scores how close p lies to the nearest place chosen for another name of the document.
func proximity(key string, p gazetteer.Place, anchors []anchor) float64 {
	d := math.Inf(1)
	cosLat := math.Cos(p.Lat * math.Pi / 180)
	for i := range anchors {
		a := &anchors[i]
		dLon := math.Abs(a.p.Lon - p.Lon)
		if math.Abs(a.p.Lat-p.Lat) >= maxLatDegrees || min(dLon, 360-dLon)*cosLat > 5 || a.keys.only(key) {
			continue // farther than 400 km, or only this name's own choice
		}
		d = min(d, gazetteer.DistanceKm(p.Lat, p.Lon, a.p.Lat, a.p.Lon))
		if d < 50 {
			break
		}
	}
	switch {
	case d < 50:
		return 1.5
	case d < 150:
		return 1
	case d < 400:
		return 0.5
	}
	return 0
}

// keyData holds what every mention of one name shares: the name-match score, the focus scores for the
// focus last asked and, for the current pass, the proximity score of each candidate (NaN until computed).
type keyData struct {
	foreign     []int8    // 0 unknown, 1 a small foreign homonym (focus.foreign), 2 not
	name        []float64 // keyCands.name: read-only
	admin1Names []string  // keyCands.admin1: read-only
	prox        []float64
	proxPass    int
	share       []float64 // the country-focus component for focusOf
	admin1      []float64 // the admin1-focus component for focusOf
	focusOf     *focus
	top         float64 // focus.topVotes of the name for topOf
	topOf       *focus
}

// newKeyData returns the data of a name with the given candidate scores, in v (3 per candidate, whatever they
// hold: each is set before it is read), from the run's arena of them (released with the run).
func (r *run) newKeyData(name []float64, admin1Names []string, v []float64) *keyData {
	sc := r.sc
	if len(sc.kds) == cap(sc.kds) {
		sc.kds = make([]keyData, 0, max(32, 2*cap(sc.kds))) // the full one stays with the run's mentions
	}
	sc.kds = sc.kds[:len(sc.kds)+1]
	kd := &sc.kds[len(sc.kds)-1]
	n := len(name)
	*kd = keyData{name: name, admin1Names: admin1Names, prox: v[:n:n], share: v[n : 2*n : 2*n], admin1: v[2*n:],
		proxPass: -1}
	return kd
}

// focusScores returns the country-focus and admin1-focus components of candidate i of mention m, cached by
// name and candidate for the focus f.
func (r *run) focusScores(m *mention, i int, p gazetteer.Place, f *focus) (share, admin1 float64) {
	kd := m.kd
	if kd != nil && kd.focusOf == f && !math.IsNaN(kd.share[i]) {
		return kd.share[i], kd.admin1[i]
	}
	share = 2 * f.countryShare(m.key, p.Country)
	if !isCountry(p) {
		admin1 = f.admin1Bonus(m.key, p)
	}
	if kd != nil {
		if kd.focusOf != f {
			for j := range kd.share {
				kd.share[j] = math.NaN()
			}
			kd.focusOf = f
		}
		kd.share[i], kd.admin1[i] = share, admin1
	}
	return share, admin1
}

// proximityOf caches proximity by name and candidate: every mention of a name has the same candidates.
func (r *run) proximityOf(m *mention, i int, p gazetteer.Place, anchors []anchor) float64 {
	kd := m.kd
	if kd == nil {
		return proximity(m.key, p, anchors)
	}
	if kd.proxPass != r.pass {
		for j := range kd.prox {
			kd.prox[j] = math.NaN()
		}
		kd.proxPass = r.pass
	}
	if math.IsNaN(kd.prox[i]) {
		kd.prox[i] = proximity(m.key, p, anchors)
	}
	return kd.prox[i]
}

// nameMatchOf is nameMatch of candidate i of m, computed with the candidates of the name.
func (r *run) nameMatchOf(m *mention, i int, p gazetteer.Place) float64 {
	if m.kd == nil {
		return r.nameMatch(m, p)
	}
	return m.kd.name[i]
}

// withoutArticle drops a leading Arabic article word from a folded name ("al qamishli" -> "qamishli").
func withoutArticle(n string) string {
	if first, rest, ok := strings.Cut(n, " "); ok && arabicArticles[first] {
		return rest
	}
	return n
}
