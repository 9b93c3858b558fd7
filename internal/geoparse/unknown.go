package geoparse

import (
	"sitrep/internal/gazetteer"
	"sitrep/internal/text"
)

// unknownRun handles a capitalised word at i where no gazetteer name starts: after a locative cue ("in",
// "at", "the village of") the run of capitalised words is looked up as a transliteration variant
// ("Urem al-Kubra"), and an unknown run followed by "near Y" is kept to resolve near Y. A run of several
// words is looked up also after a weaker cue ("attacked Um Kadada", "retook Bulo Burte") or, when it holds
// an Arabic article, with none ("advanced on Deir al-Balah"); a single word also when it continues a list of
// places after a cue ("in Sanaa and Saada"). It returns the index to continue from.
func (r *run) unknownRun(i int) int {
	d := r.d
	cue := r.strongCue(i) || r.prevIs(i, "at")
	if !cue && !(d.tight(i) && (d.isCap(i+1) || d.punct(i+1, "-") || d.is(i+1, wcNameParticle))) &&
		!r.continuesList(i) && !(i > 0 && d.isWord(i-1) && isPossessive(d.toks[i-1].Text)) {
		return i + 1 // one word, no cue: none of the readings below can apply (most unknown words, cheaply)
	}
	j := r.capRun(i)
	if !cue {
		if r.weakCueRun(i, j) {
			if ps := r.variantsOf(d.joinKey(i, j)); len(ps) > 0 {
				r.addVariant(i, j, ps)
				return j
			}
		}
		if r.partAfterPossessive(i, j) {
			return j
		}
		return i + 1
	}
	key := d.joinKey(i, j)
	if w := d.word(j); w != "" && !d.isCap(j) && divisionHeads[w] {
		if ps := r.divisionVariants(key + " " + w); len(ps) > 0 {
			r.addVariant(i, j, ps) // "in Hiraan region": Hiiraan region, not a town Hiran abroad
			r.ms[len(r.ms)-1].noun = w
			return j
		}
	}
	if ps := r.variantsOf(key); len(ps) > 0 {
		r.addVariant(i, j, ps)
		return j
	}
	if w := d.word(j); w == "near" || w == "outside" || d.punct(j, ",") && r.isRegionName(j+1) {
		r.addMention(i, j, key, "")
		r.ms[len(r.ms)-1].near = true // "at X near Aleppo", "in X, Taiwan": placed by what follows
	} else if w != "" && !d.isCap(j) && (districtNouns[w] || cityNouns[w]) && j-i <= 3 && !r.personBefore(i) {
		r.addMention(i, j, key, headNoun(w))
		r.ms[len(r.ms)-1].orphan = true // "in the Hodan district of Mogadishu": placed by its neighbours
	}
	return j
}

// partAfterPossessive handles an unknown run [i, j) written as a district or neighbourhood of the place
// named right before it with a possessive: "Mogadishu's Hodan district". The run is kept as an orphan,
// placed near its owner (nearLinks). It reports whether it did.
func (r *run) partAfterPossessive(i, j int) bool {
	d := r.d
	w := d.word(j)
	n := len(r.ms)
	if w == "" || d.isCap(j) || !(districtNouns[w] || cityNouns[w]) || j-i > 3 || n == 0 || r.ms[n-1].hi != i-1 ||
		!isPossessive(d.toks[i-1].Text) {
		return false
	}
	r.addMention(i, j, d.joinKey(i, j), headNoun(w))
	r.ms[len(r.ms)-1].orphan = true
	return true
}

// variantsOf returns the places of which key, a run of capitalised words, is a close transliteration variant;
// nil for a short key, a demonym or a common capitalised word.
func (r *run) variantsOf(key string) []gazetteer.Place {
	if _, dem := r.g.CountryByDemonym(key); len(key) < 5 || stopCaps[key] || dem {
		return nil
	}
	return r.closeVariants(key, r.lookupLoose(key))
}

// divisionVariants returns the divisions of which key, a name and its division word ("hiraan region"), is a
// transliteration variant, the closest spelled only: "Bakol region" is Bakool region, not Bicol Region.
func (r *run) divisionVariants(key string) []gazetteer.Place {
	if _, dem := r.g.CountryByDemonym(key); len(key) < 5 || dem {
		return nil
	}
	var ds []gazetteer.Place
	for _, p := range r.lookupLoose(key) {
		if isDivision(p) {
			ds = append(ds, p)
		}
	}
	return r.closestVariants(key, ds)
}

// addVariant records the name at tokens [i, j) with the places of which it is a transliteration variant.
func (r *run) addVariant(i, j int, ps []gazetteer.Place) {
	r.addMention(i, j, r.d.joinKey(i, j), "")
	r.ms[len(r.ms)-1].preset, r.ms[len(r.ms)-1].loose = ps, true
}

// weakCueRun reports whether the unknown capitalised run [i, j) is likely enough a place name, without a
// strong cue before it, to be looked up as a transliteration variant: a run of several words after a weaker
// locative word ("attacked", "retook", "to") or holding an Arabic article ("Deir al-Balah"), not after a
// title; or a word that continues a list of places after a cue ("in Sanaa and Saada", "in Sanaa, Saada").
func (r *run) weakCueRun(i, j int) bool {
	d := r.d
	if j-i >= 2 && !r.personBefore(i) {
		if p := d.prevWord(i); p >= 0 && d.is(p, wcTitle) {
			return false
		}
		if r.articleIn(i, j) {
			return true
		}
		if p := d.prevWord(i); p >= 0 && !d.isCap(p) && (d.is(p, wcLocativeCue) && d.folded[p] != "of" || takeVerbs[d.folded[p]]) {
			return true
		}
	}
	return r.continuesList(i)
}

// takeVerbs are verbs of attack and capture whose object is often a place: "attacked Um Kadada", "retook
// Bulo Burte".
var takeVerbs = set("attacked", "attack", "attacks", "stormed", "raided", "retook", "recaptured", "besieged",
	"overran", "targeted", "shelled", "bombed", "seized", "captured", "took", "entered", "reached", "fled",
	"surrounded", "encircled", "liberated", "occupied", "abandoned", "evacuated")

// articleIn reports whether tokens [i, j) hold an Arabic article written as a word of its own or joined by
// a hyphen: "Deir al-Balah", "Tell el Sultan".
func (r *run) articleIn(i, j int) bool {
	for k := i + 1; k < j; k++ {
		if r.d.isWord(k) && !r.d.isCap(k) && r.d.is(k, wcArabicArticle) {
			return true
		}
	}
	return false
}

// continuesList reports whether token i follows "and", "or" or a comma right after a place name that
// itself follows a locative cue: "in Sanaa and Saada".
func (r *run) continuesList(i int) bool {
	d := r.d
	n := len(r.ms)
	if n == 0 || i < 2 {
		return false
	}
	k := i - 1
	if !(d.punct(k, ",") || d.isWord(k) && (d.folded[k] == "and" || d.folded[k] == "or")) {
		return false
	}
	last := &r.ms[n-1]
	if last.hi != k || last.lo < 0 || last.near {
		return false
	}
	for n > 1 && r.ms[n-2].hi < last.lo && last.lo >= 1 && (d.punct(last.lo-1, ",") || d.word(last.lo-1) == "and") &&
		r.ms[n-2].hi == last.lo-1 {
		n--
		last = &r.ms[n-1] // "in Sanaa, Taiz and Saada": the list's first name has the cue
	}
	return r.strongCue(last.lo) || r.prevIs(last.lo, "at")
}

// prevIs reports whether the word before token i is w.
func (r *run) prevIs(i int, w string) bool {
	p := r.d.prevWord(i)
	return p >= 0 && r.d.folded[p] == w
}

// capRun returns the end of the run of capitalised words (with connectors and hyphens, ending on a
// capitalised word) that starts at i. A weekday or a month ends the run.
func (r *run) capRun(i int) int {
	d := r.d
	end := i + 1
	for j, words := i+1, 1; j < len(d.toks) && words < maxWords; j++ {
		if g := d.gap(j-1, j); g != "" && g != " " {
			break
		}
		t := d.toks[j]
		if t.Kind == text.Punct {
			if joiner(d, j) {
				continue
			}
			break
		}
		if t.Kind != text.Word {
			break
		}
		if d.caps[j] {
			if d.is(j, wcWeekday|wcMonth) {
				break // "Maarat al-Numan on Monday": a date after the name, not a word of it
			}
			words++
			end = j + 1
			continue
		}
		if !d.is(j, wcNameParticle) {
			break
		}
	}
	return end
}

// streetNouns end the names of streets and roads: "Royal Street", "Eglinton Avenue West" excepted.
var streetNouns = set("street", "avenue", "road", "boulevard", "drive", "lane", "highway", "st", "ave", "rd",
	"blvd")

// streetRun recognises a street name at i ("Press Street", "Royal St."), which the gazetteer does not hold:
// it is placed at the city the document names (see nearLinks). It returns the end of the name, or -1.
func (r *run) streetRun(i int) int {
	d := r.d
	if d.initial[i] && d.is(i, wcFunctionWord) {
		return -1
	}
	j := r.capRun(i)
	if j-i < 2 || !d.is(j-1, wcStreetNoun) || d.is(i, wcStopCap) && !d.isCap(i+1) {
		return -1
	}
	end := j
	if d.punct(j, ".") && len(d.toks[j-1].Text) <= 4 {
		end = j + 1 // "St."
	}
	r.addMention(i, j, d.joinKey(i, j), "")
	m := &r.ms[len(r.ms)-1]
	m.near, m.street = true, true
	return end
}

// nameParticles are the lower-case words inside the unknown names capRun collects: articles and
// prepositions of names ("Deir ez-Zor", "Mukuru kwa Njenga"), not "and" or "in", which join names.
var nameParticles = set("al", "el", "ad", "ar", "as", "at", "az", "an", "ash", "ed", "er", "es", "et", "ez",
	"en", "de", "del", "della", "la", "le", "du", "des", "di", "da", "do", "dos", "das", "van", "von", "der",
	"den", "bin", "ibn", "bani", "kwa", "sur", "am", "upon", "on")
