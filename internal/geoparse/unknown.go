package geoparse

import "sitrep/internal/text"

// unknownRun handles a capitalised word at i where no gazetteer name starts: after a locative cue ("in",
// "at", "the village of") the run of capitalised words is looked up as a transliteration variant
// ("Urem al-Kubra"), and an unknown run followed by "near Y" is kept to resolve near Y. It returns the
// index to continue from.
func (r *run) unknownRun(i int) int {
	d := r.d
	if !r.strongCue(i) && !r.prevIs(i, "at") {
		return i + 1
	}
	j := r.capRun(i)
	key := d.joinKey(i, j)
	if _, dem := r.g.CountryByDemonym(key); len(key) >= 5 && !stopCaps[key] && !dem {
		if ps := closeVariants(key, r.lookupLoose(key)); len(ps) > 0 {
			r.addMention(i, j, key, "")
			r.ms[len(r.ms)-1].preset, r.ms[len(r.ms)-1].loose = ps, true
			return j
		}
	}
	if w := d.word(j); w == "near" || w == "outside" || d.punct(j, ",") && r.isRegionName(j+1) {
		r.addMention(i, j, key, "")
		r.ms[len(r.ms)-1].near = true // "at X near Aleppo", "in X, Taiwan": placed by what follows
	}
	return j
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
