package geoparse

import (
	"math"
	"slices"
	"strings"

	"sitrep/internal/gazetteer"
)

// maxCands bounds the candidates scored per mention (the most populous are kept).
const maxCands = 60

// keyCands is what lookupCandidates finds for a name: read-only once built, shared by the mentions of the
// name in a run (with the run's keyData) and, through Parser.keyCands, by the runs that read it alike.
type keyCands struct {
	cands      []cand
	name       []float64 // the name-match score of each candidate (nameMatch)
	admin1     []string  // the name of each candidate's division (admin1Name)
	country    *gazetteer.Country
	alsoAdmin1 bool
	loose      bool     // the candidates are transliteration variants (fallback)
	kd         *keyData // nil in the parser's cache: per run
}

// candidates fills m.cands from the gazetteer: the places of its key, else (for spans given to Resolve)
// the places of a simplified key, of the country of a demonym, or of a transliteration variant.
func (r *run) candidates(m *mention) {
	shared := m.lo >= 0 && m.preset == nil && !m.near && !m.orphan // an orphan compound skips the fallback lookups
	if !shared {
		r.lookupCandidates(m)
		return
	}
	ck := m.key
	if m.feature != "" {
		ck += "\x00" + m.feature // "the Niger river" is the river
	}
	if h := m.head(); h != "" {
		ck += "\x00" + h // "Kyiv region" may have a candidate "Kyiv" alone lacks
	}
	c, ok := r.byKey[ck]
	if !ok {
		pk := ck
		if r.keepUnresolved {
			pk = "\x01" + ck // a given span that is a demonym reads as its country
		}
		if c, ok = r.p.keyCands.peek(pk); !ok {
			fellBack := r.lookupCandidates(m)
			c = keyCands{cands: m.cands, name: make([]float64, len(m.cands)), admin1: make([]string, len(m.cands)),
				country: m.country, alsoAdmin1: m.alsoAdmin1, loose: m.loose}
			for i := range c.cands {
				c.name[i] = r.nameMatch(m, c.cands[i].p) // m has no preset: its key, country and alsoAdmin1 decide
				c.admin1[i] = r.admin1Name(c.cands[i].p)
			}
			if !fellBack { // what a fallback finds depends on the span's text and noun too
				r.p.keyCands.put(pk, c)
			}
		}
		c.kd = r.newKeyData(c.name, c.admin1, r.floats(3*len(c.name)))
		r.byKey[ck] = c
	}
	m.cands, m.country, m.alsoAdmin1, m.kd, m.loose = c.cands, c.country, c.alsoAdmin1, c.kd, c.loose
}

// lookupCandidates fills m.cands from the gazetteer (see candidates). It reports whether it fell back on
// other readings than the key's own places (fallback), which may have set m.noun.
func (r *run) lookupCandidates(m *mention) (fellBack bool) {
	if fs := r.namedFeatures(m); len(fs) > 0 {
		m.cands = make([]cand, len(fs))
		for i, p := range fs {
			m.cands[i] = cand{p: p, prior: prior(p)}
		}
		return false
	}
	ps := m.preset
	if c, ok := r.g.CountryByDemonym(m.key); ok && r.keepUnresolved && ps == nil {
		ps = withCountry(nil, c) // a given span that is a demonym stands for its country: "Syrian" forces
	}
	if ps == nil && m.key != "" {
		ps = r.lookup(m.key)
	}
	if len(ps) == 0 && !m.near && !m.orphan { // an orphan compound (unknownCompound) is not read by its parts
		ps, fellBack = r.fallback(m), true
	}
	if m.preset == nil && m.key != "" {
		ps = r.withStateName(m.key, ps)
	}
	if m.head() != "" {
		ps = r.withDivisions(m, ps)
	}
	for _, p := range ps {
		if !isAdmin1(p) {
			continue
		}
		if n := r.p.fold(p.Name); n == m.key || divisionName(n, m.key) {
			m.alsoAdmin1 = true
		}
	}
	former := ""
	if codes, ok := sharedCountryNames[m.key]; ok {
		for _, cc := range codes { // no country named outright: the document decides which
			if c, ok := r.g.Country(cc); ok {
				ps = withCountry(ps, c)
			}
		}
	} else if c, ok := r.g.CountryByName(m.key); ok && r.g.IsFormerCountryName(m.key) {
		former, ps = c.Code, withCountry(ps, c) // "Gold Coast": a candidate, not the country named outright
	} else if ok {
		m.country = &c
		ps = withCountry(ps, c)
	}
	if len(ps) > maxCands {
		ps = ps[:maxCands]
	}
	m.cands = make([]cand, len(ps))
	for i, p := range ps {
		m.cands[i] = cand{p: p, prior: prior(p)}
		if former != "" && isCountry(p) && p.Country == former {
			m.cands[i].prior = formerNamePrior
		}
	}
	if codes, ok := sharedCountryNames[m.key]; ok {
		levelShared(m.cands, codes)
	}
	return fellBack
}

// namedFeatures returns the rivers, lakes, valleys and other features the gazetteer names by the mention's
// name and the lower-case feature word after it ("the Niger river", "the Jordan river valley"): the name is
// the feature's, not the country's or town's it also is.
func (r *run) namedFeatures(m *mention) []gazetteer.Place {
	if m.feature == "" || m.preset != nil || m.key == "" {
		return nil
	}
	var out []gazetteer.Place
	for _, q := range r.lookup(m.key + " " + m.feature) {
		if q.Class == 'H' || q.Class == 'T' || q.Class == 'L' {
			out = append(out, q)
		}
	}
	return out
}

// sharedNameMargin is how much the likelier country of a shared name ("Congo": the larger one) keeps over
// the other in its prior: a tie-break for a document that says nothing of either, which any place of one
// of them written in the document outweighs.
const sharedNameMargin = 0.3

// levelShared brings the priors of the countries that share a name (codes) within sharedNameMargin of the
// highest of them: their populations say little of which one a report means.
func levelShared(cands []cand, codes []string) {
	top := math.Inf(-1)
	for _, c := range cands {
		if isCountry(c.p) && slices.Contains(codes, c.p.Country) {
			top = max(top, c.prior)
		}
	}
	for i := range cands {
		if c := &cands[i]; isCountry(c.p) && slices.Contains(codes, c.p.Country) && c.prior < top {
			c.prior = max(c.prior, top-sharedNameMargin)
		}
	}
}

// sharedCountryNames are names news gives to more than one country: "Congo" is the Republic of the Congo's
// short name and, in most agency copy, the Democratic Republic of the Congo's. Such a name is read by the
// document's focus ("eastern Congo's North Kivu province", "Brazzaville, Congo"), else by the prior.
var sharedCountryNames = map[string][]string{"congo": {"CD", "CG"}, "the congo": {"CD", "CG"}}

// sharedNameHints points each mention of a shared country name ("Congo") at the country the document names
// outright by a name of its own, the nearest such name before it, else the first after it: a report writes
// "the Democratic Republic of Congo" and then "Congo".
func (r *run) sharedNameHints() {
	for k := range r.ms {
		m := &r.ms[k]
		codes, ok := sharedCountryNames[m.key]
		if !ok || m.hintCC != "" {
			continue
		}
		named := func(j int) bool {
			c := r.ms[j].country
			return c != nil && !r.ms[j].demonym && slices.Contains(codes, c.Code)
		}
		for j := k - 1; j >= 0 && m.hintCC == ""; j-- {
			if named(j) {
				m.hintCC = r.ms[j].country.Code
			}
		}
		for j := k + 1; j < len(r.ms) && m.hintCC == ""; j++ {
			if named(j) {
				m.hintCC = r.ms[j].country.Code
			}
		}
	}
}

// formerNamePrior is the prior of a country named by a former name ("Gold Coast", "Rhodesia"): that of a
// small town, so that a place bearing the name today wins unless the document points at the country.
const formerNamePrior = 4

// withCountry makes sure the country c is among ps (as its PCLI place).
func withCountry(ps []gazetteer.Place, c gazetteer.Country) []gazetteer.Place {
	for _, p := range ps {
		if isCountry(p) && p.Country == c.Code {
			return ps
		}
	}
	pc := gazetteer.Place{Name: c.Name, Lat: c.Lat, Lon: c.Lon, Country: c.Code, Class: 'A', Code: "PCLI",
		Population: c.Population}
	return append([]gazetteer.Place{pc}, ps...)
}

// fallback finds places for a span whose key the gazetteer does not hold as it is: without an article,
// possessive, direction or place head ("northern Syria", "Aleppo city", "the Gulf's"), a demonym's country
// ("Syrian"), a transliteration variant, or the longest known part of the name.
func (r *run) fallback(m *mention) []gazetteer.Place {
	key := m.key
	words := strings.Fields(key)
	for len(words) > 1 && (words[0] == "the" || directions[words[0]]) {
		words = words[1:]
	}
	if n := len(words); n > 0 && (words[n-1] == "s" || words[n-1] == "s'") {
		words = words[:n-1]
	}
	if n := len(words); n > 1 && placeHeads[words[n-1]] {
		if m.noun == "" {
			m.noun = headNoun(words[n-1])
		}
		words = words[:n-1]
	}
	k := strings.Join(words, " ")
	if ps := r.lookup(k); len(ps) > 0 {
		return ps
	}
	if c, ok := r.g.CountryByDemonym(k); ok {
		return withCountry(nil, c)
	}
	if c, ok := r.g.CountryByName(k); ok {
		return withCountry(nil, c)
	}
	if ps := r.abbreviation(m.text); len(ps) > 0 {
		return ps // "Calif.", "N.M.", "BC"
	}
	for _, base := range demonymBases(k) { // "European" -> Europe, "Kurdish" -> Kurdistan
		if ps := r.lookup(base); len(ps) > 0 && ps[0].Class != 'P' {
			return ps
		}
	}
	if len(k) >= 5 {
		if ps := r.closeVariants(k, r.lookupLoose(k)); len(ps) > 0 {
			m.loose = true
			return ps
		}
	}
	for n := len(words) - 1; n >= 1; n-- { // the longest known part, from either end
		for _, part := range []string{strings.Join(words[len(words)-n:], " "), strings.Join(words[:n], " ")} {
			if stopCaps[part] || placeHeads[part] || orgHeads[part] {
				continue
			}
			if ps := r.lookup(part); len(ps) > 0 {
				return ps
			}
		}
	}
	return nil
}

// withDivisions adds the divisions a name followed by a division word may name that its key alone does not
// find: the divisions known as "<name> <word>" ("Kyiv region" for Kyiv Oblast) and, for a span that holds
// the word ("Magway Region"), the divisions named "<name> State", "<name> Region"... (withStateName).
func (r *run) withDivisions(m *mention, ps []gazetteer.Place) []gazetteer.Place {
	head := m.head()
	base := strings.TrimSuffix(m.key, " "+head)
	for _, q := range r.lookup(base + " " + head) {
		if isDivision(q) && !hasPlace(ps, q) {
			ps = append(ps[:len(ps):len(ps)], q)
		}
	}
	if base != m.key {
		ps = r.withStateName(base, ps)
	}
	return ps
}

// isDivision reports whether p is an administrative division below the country.
func isDivision(p gazetteer.Place) bool { return p.Class == 'A' && !isCountry(p) }

// withStateName adds the places news calls by a bare name that the gazetteer holds with a generic word:
// first-order divisions named "<key> State", "<key> Province"... ("New York State", "Midlands province"),
// seas and oceans ("the Atlantic"). Bare compass words ("Centre", "West") name no division.
func (r *run) withStateName(key string, ps []gazetteer.Place) []gazetteer.Place {
	for _, p := range r.p.stateNames.get(key, r.p.stateNamesOf) {
		if !hasPlace(ps, p) {
			ps = append(ps[:len(ps):len(ps)], p)
		}
	}
	return ps
}

// stateNamesOf returns the divisions, seas and oceans whose name is key with a generic word (see
// withStateName).
func (p *Parser) stateNamesOf(key string) []gazetteer.Place {
	var out []gazetteer.Place
	for _, word := range divisionWords {
		if directions[key] || compassWords[key] {
			break
		}
		for _, q := range p.lookup(key+" "+word, false) {
			if isAdmin1(q) && gazetteer.Fold(q.Name) == key+" "+word {
				out = append(out, q)
			}
		}
	}
	for _, suffix := range []string{" ocean", " sea"} {
		for _, q := range p.lookup(key+suffix, false) {
			if q.Class == 'H' && gazetteer.Fold(q.Name) == key+suffix {
				out = append(out, q)
			}
		}
	}
	return out
}

// divisionWords are the generic words of division names that news drops ("Kano State" -> "Kano").
var divisionWords = []string{"state", "province", "region", "governorate", "department"}

// compassWords are French and English compass names that divisions take and that alone name none of them.
var compassWords = set("centre", "center", "nord", "sud", "est", "ouest", "nord-ouest", "nord-est", "sud-est",
	"sud-ouest", "north-west", "north-east", "south-west", "south-east", "far north", "littoral")

// divisionName reports whether the folded name n is key followed by a generic division word.
func divisionName(n, key string) bool {
	return hasWordPrefix(n, key) && slices.Contains(divisionWords, n[len(key)+1:])
}

// hasWordPrefix reports whether n starts with key and a space (strings.HasPrefix(n, key+" ") without the
// concatenation).
func hasWordPrefix(n, key string) bool {
	return len(n) > len(key) && n[len(key)] == ' ' && n[:len(key)] == key
}

// hasPlace reports whether ps holds p.
func hasPlace(ps []gazetteer.Place, p gazetteer.Place) bool {
	for _, q := range ps {
		if q == p {
			return true
		}
	}
	return false
}

// demonymBases returns the place names an adjective of place may derive from, for its last word:
// "european" -> "europe", "african" -> "africa", "central american" -> "central america", "mexican" ->
// "mexico", "kurdish" -> "kurdistan", "english" -> "england", "scottish" -> "scotland".
func demonymBases(k string) []string {
	head, w := "", k
	if i := strings.LastIndexByte(k, ' '); i >= 0 {
		head, w = k[:i+1], k[i+1:]
	}
	if len(w) < 4 {
		return nil
	}
	n := len(w)
	var out []string
	switch {
	case strings.HasSuffix(w, "an"):
		out = []string{w[:n-1], w[:n-2], w[:n-2] + "o", w[:n-2] + "a"}
	case strings.HasSuffix(w, "ish"):
		out = []string{w[:n-3] + "istan", w[:n-3] + "and", w[:n-4] + "land", w[:n-3]}
	case strings.HasSuffix(w, "ese"):
		out = []string{w[:n-3], w[:n-3] + "a"}
	case strings.HasSuffix(w, "i"):
		out = []string{w[:n-1], w[:n-1] + "istan"}
	default:
		out = []string{w + "ia", w + "a"}
	}
	for i := range out {
		out[i] = head + out[i]
	}
	return out
}
