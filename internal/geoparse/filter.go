package geoparse

import (
	"strings"

	"sitrep/internal/gazetteer"
	"sitrep/internal/text"
)

// verdict is what recognition does with a gazetteer name.
type verdict uint8

const (
	accepted   verdict = iota
	rejectWord         // not a place here; the next word may start one ("In Beijing")
	rejectRun          // part of a longer name; skip the rest of its capitalised run ("Paris Hilton")
)

// accept decides whether the gazetteer name at tokens [lo, hi) is a place name here. It may extend hi over a
// place head ("Tartus Province"), returned with the noun it implies ("region", "city", "feature").
func (r *run) accept(lo, hi int, key string) (int, string, verdict) {
	d := r.d
	single := hi-lo == 1 || (hi-lo == 3 && d.punct(lo+1, "-") && arabicArticles[d.folded[lo]])
	if single && (stopCaps[key] || titles[key] || orgHeads[key]) {
		if functionWords[key] || locativeCues[key] || weekdays[key] || months[key] {
			return hi, "", rejectWord // "In Beijing", "On Monday Aleppo"
		}
		return hi, "", rejectRun // "Best Buy", "West Nile virus"
	}
	if _, ok := r.g.CountryByDemonym(key); ok {
		if _, isName := r.g.CountryByName(key); !isName {
			return hi, "", rejectWord // an adjective or noun of nationality, not a place (see demonymAt)
		}
	}
	if p := d.prevWord(lo); p >= 0 && titles[d.folded[p]] && d.isCap(p) {
		r.names[key] = true
		return hi, "", rejectRun // "President Jackson", "Gen. Lee"
	}
	if r.dateline(lo, hi) {
		return hi, "", accepted // "SAN ANTONIO Turner Sports analyst", "IMMOKALEE – Congressman"
	}
	if r.orgOf(lo) {
		return hi, "", rejectRun // "University of Manchester", "Chamber of Commerce"
	}
	if r.personBefore(lo) && (r.firstNameBefore(lo) || !r.countryName(key) && !(r.majorName(key) && d.initial[lo-1])) {
		r.names[key] = true
		return hi, "", rejectRun // "John Kerry", "Peter Cook"
	}
	noun := ""
	if d.isWord(hi) && isPossessive(d.toks[hi].Text) && d.isCap(hi+1) && d.tight(hi) &&
		(orgHeads[d.folded[hi+1]] || placeHeads[d.folded[hi+1]]) && !r.majorName(key) {
		return hi, "", rejectRun // "St. Peter's Basilica", "Eva's Village"
	}
	if hi < len(d.toks) && d.isCap(hi) && d.tight(hi-1) {
		w := d.folded[hi]
		switch {
		case placeHeads[w]:
			hi++
			noun = headNoun(w)
		case orgHeads[w]:
			return hi, "", rejectRun // "New York Times", "Turkish Airlines"
		case weekdays[w] || months[w] || functionWords[w] || titles[w] || r.isRegionName(hi):
			// "Aleppo Monday", "LONDON The Latest", "US President", "Dallas Texas"
		case r.majorName(key) && !(single && r.isFirstName(lo)):
			// a country or large region naming an institution of its own: "Queensland Health Minister"
		default:
			r.nameParts(hi)
			return hi, "", rejectRun // part of a longer name: "Jordan Henderson", "Paris Hilton"
		}
	}
	if single && d.toks[lo].IsAllCaps() && !r.capsContext(lo) && !r.majorName(key) {
		return hi, "", rejectWord // an acronym: "UNOSAT", "CA"
	}
	if single && !r.strongCue(lo) && !r.majorName(key) {
		if r.names[key] || d.lower[key] || d.initial[lo] && r.smallPlace(key) || r.isFirstName(lo) && r.smallPlace(key) {
			return hi, "", rejectWord // a surname seen before, or a common word ("Mobile", "Reading")
		}
	}
	return hi, noun, accepted
}

// headNoun returns the kind of place a place head implies.
func headNoun(w string) string {
	switch {
	case cityNouns[w]:
		return "city"
	case regionNouns[w]:
		return "region"
	}
	return "feature"
}

// personBefore reports whether token lo follows another capitalised word that cannot belong to a place
// name: the first name of a person ("John Kerry"). Sentence-initial cues, function words, directions,
// demonyms and the end of another place name do not count.
func (r *run) personBefore(lo int) bool {
	d := r.d
	p := lo - 1
	if d.punct(p, ".") && d.isCap(p-1) && len(d.toks[p-1].Text) == 1 {
		return true // an initial: "Johnathan J. Dunbar"
	}
	if d.isWord(p) && particles[d.folded[p]] && !d.isCap(p) && d.tight(p-1) {
		p-- // a name particle: "Mike de Kock", "Ahmed bin Ali"
	}
	if p < 0 || !d.isCap(p) || !d.tight(p) {
		return false
	}
	w := d.folded[p]
	if stopCaps[w] || locativeCues[w] || directions[w] || placeNouns[w] || placeHeads[w] {
		return false
	}
	if _, ok := r.g.CountryByDemonym(w); ok {
		return false
	}
	if n := len(r.ms); n > 0 && r.ms[n-1].hi == lo {
		return false
	}
	if d.toks[p].IsAllCaps() && d.toks[lo].IsAllCaps() {
		return false // a headline in capitals
	}
	return true
}

// strongCue reports whether the name at lo follows a word that makes a place reading likely: "in", "near",
// "the city of".
func (r *run) strongCue(lo int) bool {
	d := r.d
	p := d.prevWord(lo)
	if p >= 0 && d.folded[p] == "the" {
		p = d.prevWord(p)
	}
	if p < 0 {
		return false
	}
	w := d.folded[p]
	if strongCues[w] {
		return true
	}
	if w == "of" {
		q := d.prevWord(p)
		return q >= 0 && (placeNouns[d.folded[q]] || directions[d.folded[q]] || d.folded[q] == "outskirts")
	}
	return false
}

// majorName reports whether a key names a country, or a place so large that a common-word reading is
// unlikely (a first-order division with a population, a city of a million).
func (r *run) majorName(key string) bool {
	if _, ok := r.g.CountryByName(key); ok {
		return true
	}
	for _, p := range r.lookup(key) {
		if n := gazetteer.Fold(p.Name); n != key && withoutArticle(n) != key && !strings.HasPrefix(n, key+" ") {
			continue // known by this name only as an alternate one
		}
		if p.Population >= 1_000_000 || p.Class == 'L' && p.Code == "CONT" || isAdmin1(p) && p.Population > 0 {
			return true
		}
	}
	return false
}

// isRegionName reports whether the name starting at token i is a country or a first-order division
// ("Dallas Texas", "Aleppo Syria").
func (r *run) isRegionName(i int) bool {
	hi, key := r.longest(i)
	if hi < 0 {
		return false
	}
	if _, ok := r.g.CountryByName(key); ok {
		return true
	}
	for _, p := range r.lookup(key) {
		if p.Class == 'A' && (p.Code == "ADM1" || len(p.Code) > 3 && p.Code[:3] == "PCL") {
			return true
		}
	}
	return false
}

// nameParts records the capitalised words from i on as parts of a person's or organisation's name.
func (r *run) nameParts(i int) {
	d := r.d
	for ; d.isCap(i); i++ {
		r.names[d.folded[i]] = true
		if !d.tight(i) {
			break
		}
	}
}

// capsContext reports whether the word at i stands among words written in capitals (a headline or
// dateline), so that capitals do not mark an acronym.
func (r *run) capsContext(i int) bool {
	d := r.d
	for _, k := range []int{i - 2, i - 1, i + 1, i + 2} {
		if d.isWord(k) && len(d.toks[k].Text) > 1 && d.toks[k].IsAllCaps() {
			return true
		}
	}
	if p := d.prevWord(i); p < 0 || d.initial[i] {
		return d.word(i+1) == "" // a dateline: "BEIRUT (Reuters)", "KABUL -"
	}
	return false
}

// smallPlace reports whether no reading of key is a sizeable place (100,000 people), a division or a
// feature: a sentence-initial capital on such a name is more likely an ordinary word.
func (r *run) smallPlace(key string) bool {
	for _, p := range r.lookup(key) {
		if p.Population >= 100_000 || p.Class != 'P' {
			return false
		}
	}
	return true
}

// isPossessive reports whether a token is the possessive "'s".
func isPossessive(t string) bool { return t == "'s" || t == "’s" || t == "'S" || t == "’S" }

// addDemonym records an adjective of nationality used as a modifier ("Syrian forces") as a non-locational
// mention of its country (Options.Demonyms).
func (r *run) addDemonym(lo, hi int, c gazetteer.Country) {
	r.addMention(lo, hi, r.d.folded[lo], "")
	m := &r.ms[len(r.ms)-1]
	m.preset = withCountry(nil, c)
	m.locational = false
	m.demonym = true
}

// orgOf reports whether the name at lo completes an organisation's name of the form "<Head> of X":
// "University of Manchester", "Bank of England", "Chamber of Commerce".
func (r *run) orgOf(lo int) bool {
	d := r.d
	p := d.prevWord(lo)
	if p < 0 || d.folded[p] != "of" {
		return false
	}
	q := d.prevWord(p)
	return q >= 0 && d.isCap(q) && orgHeads[d.folded[q]] && !placeNouns[d.folded[q]]
}

// dateline reports whether the name at [lo, hi) is a dateline: written in capitals at the start of a
// sentence or line, and followed by a comma, a dash, a parenthesis or a word not in capitals.
func (r *run) dateline(lo, hi int) bool {
	d := r.d
	if !d.initial[lo] {
		return false
	}
	letters := 0
	for k := lo; k < hi; k++ {
		if d.isWord(k) {
			if !d.toks[k].IsAllCaps() {
				return false
			}
			letters += len(d.toks[k].Text)
		}
	}
	if letters < 4 || hi >= len(d.toks) {
		return false
	}
	switch t := d.toks[hi]; {
	case t.Kind == text.Punct:
		return strings.Contains(",-–—(", t.Text)
	case t.Kind == text.Word:
		return !t.IsAllCaps()
	}
	return false
}

// countryName reports whether key names a country.
func (r *run) countryName(key string) bool {
	_, ok := r.g.CountryByName(key)
	return ok
}

// firstNameBefore reports whether the word before lo is a given name (Options.FirstName): "Andrew Jordan".
func (r *run) firstNameBefore(lo int) bool { return lo > 0 && r.d.isCap(lo-1) && r.isFirstName(lo-1) }

// isFirstName reports whether token i is a given name (Options.FirstName): "Victoria Rowell", "Sam".
func (r *run) isFirstName(i int) bool {
	return r.p.opts.FirstName != nil && r.d.isWord(i) && r.p.opts.FirstName(r.d.toks[i].Text)
}
