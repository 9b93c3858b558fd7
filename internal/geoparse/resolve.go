package geoparse

import (
	"math"
	"strings"

	"sitrep/internal/gazetteer"
)

// Score components of a candidate, in the order of rule names.
const (
	cPrior = iota
	cName
	cFocus
	cAdmin1
	cHint
	cNoun
	cNear
	cList
	nComp
)

// ruleNames name the score components for --explain.
var ruleNames = [nComp]string{"population-prior", "name-match", "country-focus", "admin1-focus", "country-hint", "place-noun",
	"proximity", "list-siblings"}

// resolve chooses a place for every mention: scores from priors and document focus first, then again with
// the closeness to the places chosen for the other mentions, then "X, Y" pairs and "X near Y".
func (r *run) resolve() {
	r.addHints()
	for k := range r.ms {
		r.candidates(&r.ms[k])
	}
	f := r.focus()
	r.chooseAll(f, nil)
	a := r.anchors()
	r.linkSiblings()
	r.chooseAll(f, a)
	r.commaPairs()
	r.nearLinks()
}

// chooseAll chooses for every mention. Mentions of one name with the same hints and no list siblings score
// alike, so the choice of the first is reused.
func (r *run) chooseAll(f *focus, anchors []anchor) {
	r.pass++
	type choice struct {
		i      int
		rule   string
		scores []float64
	}
	type signature struct{ key, noun, hintCC, hintA1 string }
	memo := map[signature]choice{}
	for k := range r.ms {
		m := &r.ms[k]
		shared := len(m.siblings) == 0 && m.preset == nil
		sig := signature{m.key, m.noun, m.hintCC, m.hintA1}
		if c, ok := memo[sig]; ok && shared && len(m.cands) > 0 {
			m.choice, m.rule, m.scores = c.i, c.rule, c.scores
			continue
		}
		r.choose(k, f, anchors)
		if shared {
			memo[sig] = choice{m.choice, m.rule, m.scores}
		}
	}
}

// choose scores the candidates of mention k and picks the best, naming the rule that decided.
func (r *run) choose(k int, f *focus, anchors []anchor) {
	m := &r.ms[k]
	if len(m.cands) == 0 {
		return
	}
	comps := make([][nComp]float64, len(m.cands))
	m.scores = make([]float64, len(m.cands))
	best, priorBest := 0, 0
	for i := range m.cands {
		c := &m.cands[i]
		comps[i] = r.components(k, i, c.p, c.prior, f, anchors)
		for _, v := range comps[i] {
			m.scores[i] += v
		}
		if m.scores[i] > m.scores[best] {
			best = i
		}
		if c.prior > m.cands[priorBest].prior {
			priorBest = i
		}
	}
	m.choice = best
	m.rule = ruleOf(m, comps, best, priorBest)
}

// ruleOf names the rule that made best win: the component that most favours it over the candidate the
// prior alone would have chosen.
func ruleOf(m *mention, comps [][nComp]float64, best, priorBest int) string {
	switch {
	case m.country != nil && isCountry(m.cands[best].p) && m.cands[best].p.Country == m.country.Code:
		return "country-name"
	case len(m.cands) == 1 && isCountry(m.cands[0].p):
		return "country-name"
	case len(m.cands) == 1:
		return "only-candidate"
	case best == priorBest:
		return ruleNames[cPrior]
	}
	top, gain := cPrior, 0.0
	for c := cFocus; c < nComp; c++ {
		if g := comps[best][c] - comps[priorBest][c]; g > gain {
			top, gain = c, g
		}
	}
	return ruleNames[top]
}

// components returns the score components of place p for mention k.
func (r *run) components(k, i int, p gazetteer.Place, pr float64, f *focus, anchors []anchor) [nComp]float64 {
	m := &r.ms[k]
	var c [nComp]float64
	c[cPrior] = pr
	c[cName] = r.nameMatchOf(m, i, p)
	c[cFocus] = 2 * f.countryShare(k, m.key, p.Country)
	if !isCountry(p) {
		c[cAdmin1] = f.admin1Bonus(m.key, p)
	}
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
func nameMatch(m *mention, p gazetteer.Place) float64 {
	if m.country != nil {
		if isCountry(p) && p.Country == m.country.Code && !m.alsoAdmin1 {
			return 3
		}
		return 0
	}
	if m.preset != nil || m.key == "" {
		return 0
	}
	n := gazetteer.Fold(p.Name)
	switch {
	case n == m.key+" state" && isAdmin1(p):
		return -1 // "New York State" for "New York": the city is the likelier reading without other evidence
	case n == m.key || strings.TrimPrefix(n, "the ") == m.key || withoutArticle(n) == m.key:
		return 0 // "Al Qamishli" for "Qamishli"
	case p.Class == 'P' && (n == m.key+" city" || n == "city of "+m.key):
		return 0 // "New York City", "Kuwait City"
	case p.Class != 'P' && strings.HasPrefix(n, m.key+" "):
		return 0 // "Aleppo Governorate", "Atlantic Ocean"
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
		if p.Class == 'A' && !isCountry(p) {
			return 2
		}
	case "feature":
		if p.Class == 'H' || p.Class == 'T' || p.Class == 'L' {
			return 2
		}
	}
	return 0
}

// anchor is a place chosen for one or more names, for the closeness of the others.
type anchor struct {
	keys map[string]bool
	p    gazetteer.Place
}

// anchors returns the distinct places chosen so far that locate their mention precisely enough to pull
// others towards them: populated places and divisions, not countries, seas or continents.
func (r *run) anchors() []anchor {
	var out []anchor
	seen := map[gazetteer.Place]int{}
	for _, m := range r.ms {
		if m.choice < 0 {
			continue
		}
		p := m.cands[m.choice].p
		if p.Class != 'P' && (p.Class != 'A' || isCountry(p)) {
			continue
		}
		i, ok := seen[p]
		if !ok {
			i = len(out)
			seen[p] = i
			out = append(out, anchor{keys: map[string]bool{}, p: p})
		}
		out[i].keys[m.key] = true
	}
	return out
}

// proximity scores how close p lies to the nearest place chosen for another name of the document.
func proximity(key string, p gazetteer.Place, anchors []anchor) float64 {
	d := math.Inf(1)
	cosLat := math.Cos(p.Lat * math.Pi / 180)
	for i := range anchors {
		a := &anchors[i]
		dLon := math.Abs(a.p.Lon - p.Lon)
		if math.Abs(a.p.Lat-p.Lat) > 4 || min(dLon, 360-dLon)*cosLat > 5 || a.keys[key] && len(a.keys) == 1 {
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

// commaPairs resolves "X, Y" where Y is a country or a division ("Paris, Texas", "Atlanta, Georgia"): the best
// pair of candidates where X lies in Y.
func (r *run) commaPairs() {
	for k := 0; k+1 < len(r.ms); k++ {
		x, y := &r.ms[k], &r.ms[k+1]
		if x.choice < 0 || y.choice < 0 || x.country != nil || x.end > y.start ||
			strings.TrimSpace(r.d.s[x.end:y.start]) != "," || x.alsoAdmin1 || r.inList(k) {
			continue
		}
		if x.scores == nil || y.scores == nil {
			continue
		}
		bi, bj, bs := -1, -1, math.Inf(-1)
		for i, cx := range x.cands {
			for j, cy := range y.cands {
				if !contains(cy.p, cx.p) {
					continue
				}
				if s := x.scores[i] + y.scores[j]; s > bs {
					bi, bj, bs = i, j, s
				}
			}
		}
		if bi < 0 {
			continue
		}
		if bi != x.choice {
			x.choice, x.rule = bi, "comma-region"
		}
		if bj != y.choice {
			y.choice, y.rule = bj, "comma-region"
		}
	}
}

// contains reports whether region y (a country or a division) holds place x.
func contains(y, x gazetteer.Place) bool {
	if y.Class != 'A' || x.Country != y.Country || x == y {
		return false
	}
	return isCountry(y) || isAdmin1(y) && x.Admin1 == y.Admin1 && !isAdmin1(x)
}

// nearLinks places the names the gazetteer does not know by the place written after them: "X near Y" and
// "X, Y" (X at Y, precision near), and for spans given to Resolve also "X in Y" and, failing that, the
// document's main country (precision country).
func (r *run) nearLinks() {
	for k := range r.ms {
		m := &r.ms[k]
		if m.street {
			m.nearOf = r.cityOf(k)
			continue
		}
		if !m.near && (len(m.cands) > 0 || !r.keepUnresolved) {
			continue
		}
		for j := k + 1; j < len(r.ms) && r.ms[j].start-m.end < 80; j++ {
			if y := r.ms[j]; y.choice >= 0 && y.locational && !y.near && (m.near || linkGap(r.d.s[m.end:y.start])) {
				m.nearOf, m.near = j, true
				break
			}
		}
		if m.nearOf < 0 && r.keepUnresolved {
			m.fallbackCC = r.mainCountry()
		}
	}
}

// linkGap reports whether the text between an unknown name and a known one places the first in the second:
// ", ", " in ", " near ", " outside ", ", in ".
func linkGap(g string) bool {
	switch strings.TrimSpace(g) {
	case ",", "in", ", in", "near", "outside", "of", "district of", "province of", "region of", ", near":
		return true
	}
	return false
}

// mainCountry returns the country of the most mentions of the document, or "".
func (r *run) mainCountry() string {
	best := ""
	counts := map[string]int{}
	for _, m := range r.ms {
		if m.choice < 0 || m.near {
			continue
		}
		if cc := m.cands[m.choice].p.Country; cc != "" {
			counts[cc]++
			if counts[cc] > counts[best] || counts[cc] == counts[best] && cc < best {
				best = cc
			}
		}
	}
	return best
}

// keyData holds what every mention of one name shares: the name-match score and, for the current pass,
// the proximity score of each candidate (NaN until computed).
type keyData struct {
	name     []float64
	prox     []float64
	proxPass int
}

func newKeyData(n int) *keyData {
	kd := &keyData{name: make([]float64, n), prox: make([]float64, n), proxPass: -1}
	for i := range kd.name {
		kd.name[i] = math.NaN()
	}
	return kd
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

// nameMatchOf caches nameMatch by name and candidate.
func (r *run) nameMatchOf(m *mention, i int, p gazetteer.Place) float64 {
	kd := m.kd
	if kd == nil {
		return nameMatch(m, p)
	}
	if math.IsNaN(kd.name[i]) {
		kd.name[i] = nameMatch(m, p)
	}
	return kd.name[i]
}

// withoutArticle drops a leading Arabic article word from a folded name ("al qamishli" -> "qamishli").
func withoutArticle(n string) string {
	if first, rest, ok := strings.Cut(n, " "); ok && arabicArticles[first] {
		return rest
	}
	return n
}

// cityOf returns the mention of the city a street at mention k most likely lies in: the city the document
// names most often, the closest one before k among equals; -1 when the document names no city.
func (r *run) cityOf(k int) int {
	counts := map[int64]int{}
	for _, m := range r.ms {
		if m.choice >= 0 && !m.near && m.cands[m.choice].p.Class == 'P' {
			counts[m.cands[m.choice].p.ID]++
		}
	}
	best, bestN := -1, 0
	for j, m := range r.ms {
		if j == k || m.choice < 0 || m.near || m.cands[m.choice].p.Class != 'P' {
			continue
		}
		n := counts[m.cands[m.choice].p.ID]
		if n > bestN || n == bestN && j < k {
			best, bestN = j, n
		}
	}
	return best
}
