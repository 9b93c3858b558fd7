package geoparse

import (
	"strings"

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
	single := hi-lo == 1 || (hi-lo == 3 && d.punct(lo+1, "-") && d.is(lo, wcArabicArticle))
	var kc uint32 // the word classes of key, for a single name
	if hi-lo == 1 {
		kc = d.class(lo) // key is the token's folded word
	} else if single {
		kc = wordClasses[key]
	}
	if kc&(wcStopCap|wcTitle|wcOrgHead) != 0 {
		if kc&(wcFunctionWord|wcLocativeCue|wcWeekday|wcMonth) != 0 {
			return hi, "", rejectWord // "In Beijing", "On Monday Aleppo"
		}
		return hi, "", rejectRun // "Best Buy", "West Nile virus"
	}
	if kc&wcDirection != 0 && d.isCap(hi) && d.tight(hi-1) {
		return hi, "", rejectWord // "Central General Staff", "Central Aleppo": a direction word before a name
	}
	if single && d.initial[lo] && d.word(hi) == "of" && !d.isCap(hi) && !r.majorName(key) && r.otherNameOnly(key) {
		return hi, "", rejectWord // "Part of the roof": a common word some place has as another name
	}
	if single && r.dateWord(lo) {
		return hi, "", rejectWord // "KABUL, Nov. 5", "on 12 Dec", "Wed 4 Dec": a date, not a place
	}
	if nonPlaces[key] {
		return hi, "", rejectRun // "El Niño": a gazetteer name that in news is something else
	}
	if _, ok := r.g.CountryByDemonym(key); ok {
		if _, isName := r.g.CountryByName(key); !isName {
			return hi, "", rejectWord // an adjective or noun of nationality, not a place (see demonymAt)
		}
	}
	if p := d.prevWord(lo); p >= 0 && d.is(p, wcTitle) && d.isCap(p) {
		r.names[key] = true
		return hi, "", rejectRun // "President Jackson", "Gen. Lee"
	}
	if r.dateline(lo, hi) {
		return hi, "", accepted // "SAN ANTONIO Turner Sports analyst", "IMMOKALEE – Congressman"
	}
	if r.orgOf(lo) {
		return hi, "", rejectRun // "University of Manchester", "Chamber of Commerce"
	}
	if r.islamicStateProvince(lo) {
		return hi, "", rejectRun // "Islamic State Sahel Province": a branch of the group, not the place
	}
	if r.personBefore(lo) && (r.firstNameBefore(lo) || !r.countryName(key) && !(r.majorName(key) && d.initial[lo-1])) {
		r.names[key] = true
		return hi, "", rejectRun // "John Kerry", "Peter Cook"
	}
	noun := ""
	if d.isWord(hi) && isPossessive(d.toks[hi].Text) && d.isCap(hi+1) && d.tight(hi) &&
		d.is(hi+1, wcOrgHead|wcPlaceHead) && !r.majorName(key) {
		return hi, "", rejectRun // "St. Peter's Basilica", "Eva's Village"
	}
	if hi < len(d.toks) && d.isCap(hi) && d.tight(hi-1) {
		w, wc := d.folded[hi], d.class(hi)
		switch {
		case wc&wcPlaceHead != 0:
			hi++
			noun = headNoun(w)
		case wc&(wcWeekday|wcMonth|wcFunctionWord|wcTitle) != 0 || r.isRegionName(hi):
			// "Aleppo Monday", "LONDON The Latest", "US President", "Dallas Texas"
		case wc&wcMediaHead != 0 || r.outletAfter(hi):
			return hi, "", rejectRun // "New York Times", "Turkish Airlines", "Sahel Evening Ledger"
		case r.majorName(key) && !(single && r.isFirstName(lo)):
			// a country or large region naming an institution of its own: "Queensland Police"
		case wc&wcOrgHead != 0:
			return hi, "", rejectRun // "Oxford University", "Turkish Airlines"
		default:
			r.nameParts(hi)
			return hi, "", rejectRun // part of a longer name: "Jordan Henderson", "Paris Hilton"
		}
	}
	if single && d.toks[lo].IsAllCaps() && !r.capsContext(lo) && !r.majorName(key) {
		return hi, "", rejectWord // an acronym: "UNOSAT", "CA"
	}
	if single && !r.strongCue(lo) && !r.majorName(key) {
		if r.names[key] || d.inLower(key) || r.isFirstName(lo) && r.smallPlace(key) {
			return hi, "", rejectWord // a surname seen before, or a common word ("Mobile", "Reading")
		}
		if d.initial[lo] && r.smallPlace(key) {
			r.initials = append(r.initials, initialName{lo, hi, key, noun}) // see reviveInitials
			return hi, "", rejectWord
		}
	}
	return hi, noun, accepted
}

// outletAfter reports whether the capitalised words from token i on end, within three words, in the head
// noun of a news outlet's or institution's name (mediaHeads): "(Niger Delta Evening Courier)". A date,
// a function word or a title ends the run first ("Aleppo Monday", "LONDON The Times").
func (r *run) outletAfter(i int) bool {
	d := r.d
	for k := i; k < i+3 && d.isWord(k) && d.isCap(k) && d.tight(k-1); k++ {
		if d.is(k, wcMediaHead) {
			return true
		}
		if d.is(k, wcWeekday|wcMonth|wcFunctionWord|wcTitle) {
			return false
		}
	}
	return false
}

// dateAbbrevs are the abbreviations of months and weekdays that datelines and dates write.
var dateAbbrevs = set("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")

// dateWord reports whether token i is a month or weekday name or abbreviation used in a date: followed by a
// number (after an optional abbreviation dot), or after a number ("5 Nov").
func (r *run) dateWord(i int) bool {
	d := r.d
	if !d.is(i, wcDateAbbrev|wcMonth|wcWeekday) {
		return false
	}
	j := i + 1
	if d.punct(j, ".") && d.gap(i, j) == "" {
		j++
	}
	isNum := func(k int) bool { return k >= 0 && k < len(d.toks) && d.toks[k].Kind == text.Number }
	return isNum(j) || isNum(i-1)
}

// headNoun returns the kind of place a place head implies: the word itself for a word that names an
// administrative division (divisionHeads, see mention.head), "city", "district" or "municipality"
// (districtNouns), "region",
// "part" for a word that names what lies around or along a place rather than the place's kind ("the
// outskirts of X", "the border of X"), or "feature".
func headNoun(w string) string {
	switch {
	case divisionHeads[w]:
		return w
	case cityNouns[w]:
		return "city"
	case w == "municipality":
		return w // most often the town itself: no "near" precision (see toponyms)
	case districtNouns[w]:
		return "district"
	case regionNouns[w]:
		return "region"
	case partNouns[w]:
		return "part"
	}
	return "feature"
}

// partNouns name what lies around, along or inside a place: "the outskirts of Aleppo" is the city's.
var partNouns = set("outskirts", "border", "enclave", "stronghold", "area", "camp")

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
	if d.is(p, wcStrongCue) {
		return true
	}
	if d.folded[p] == "of" {
		q := d.prevWord(p)
		return q >= 0 && (d.is(q, wcPlaceNoun|wcDirection) || d.folded[q] == "outskirts")
	}
	return false
}

// islamicStateProvince reports whether the name at lo follows "Islamic State" written as one name with it:
// the group names its branches after regions ("Islamic State Sahel Province", "Islamic State West Africa
// Province", "Islamic State Khorasan").
func (r *run) islamicStateProvince(lo int) bool {
	d := r.d
	return lo >= 2 && d.folded[lo-1] == "state" && d.folded[lo-2] == "islamic" && d.isCap(lo-1) && d.isCap(lo-2) &&
		d.tight(lo-1) && d.tight(lo-2)
}

// otherNameOnly reports whether every place of key has it only as an alternate name (not its main name, nor
// the main name without its article or generic word).
func (r *run) otherNameOnly(key string) bool { return r.p.other.get(key, r.p.otherNameOnlyOf) }

// otherNameOnlyOf computes otherNameOnly.
func (p *Parser) otherNameOnlyOf(key string) bool {
	for _, q := range p.lookup(key, false) {
		if n := p.fold(q.Name); n == key || withoutArticle(n) == key || strings.HasPrefix(n, key+" ") {
			return false
		}
	}
	return true
}

// majorName reports whether a key names a country, or a place so large that a common-word reading is
// unlikely (a first-order division with a population, a city of a million).
func (r *run) majorName(key string) bool { return r.p.major.get(key, r.p.majorNameOf) }

// majorNameOf computes majorName.
func (p *Parser) majorNameOf(key string) bool {
	if _, ok := p.g.CountryByName(key); ok {
		return true
	}
	for _, q := range p.lookup(key, false) {
		if n := p.fold(q.Name); q.Class != 'A' && n != key && withoutArticle(n) != key && !strings.HasPrefix(n, key+" ") {
			continue // a town known by this name only as an alternate one
		}
		if q.Population >= 1_000_000 || q.Class == 'L' && q.Code == "CONT" || isAdmin1(q) && q.Population > 0 {
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
