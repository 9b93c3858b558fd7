package geoparse

import (
	"math"
	"strings"

	"sitrep/internal/gazetteer"
)

// commaPairs resolves "X, Y" where Y is a country or a division ("Paris, Texas", "Atlanta, Georgia"): the best
// pair of candidates where X lies in Y.
func (r *run) commaPairs() {
	for k := 0; k+1 < len(r.ms); k++ {
		x, y := &r.ms[k], &r.ms[k+1]
		if x.choice < 0 || y.choice < 0 || x.country != nil || x.end > y.start ||
			strings.TrimSpace(r.d.s[x.end:y.start]) != "," || (x.alsoAdmin1 || r.inList(k)) && !abbreviated(y.text) {
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

// abbreviated reports whether a name is written as an abbreviation ("D.C.", "Wash.", "Ga."): after a comma it
// locates the name before it, even one that is also a division ("Washington, D.C."), and never continues a list.
func abbreviated(s string) bool { return strings.HasSuffix(s, ".") }

// contains reports whether region y (a country or a division) holds place x.
func contains(y, x gazetteer.Place) bool {
	if y.Class != 'A' || x.Country != y.Country || x == y {
		return false
	}
	return isCountry(y) || isAdmin1(y) && x.Admin1 == y.Admin1 && !isAdmin1(x)
}

// nearLinks places the names the gazetteer does not know by the place written after them: "X near Y" and
// "X, Y" (X at Y, precision near), and for spans given to Resolve also "X in Y" and, failing that, the
// division the document centres on or its main country (precision region or country). A name whose only
// readings are small foreign homonyms (orphan) is placed the same way, or by a possessive before it
// ("Kharkiv's X district"), when the words around it say it is a place.
func (r *run) nearLinks() {
	for k := range r.ms {
		m := &r.ms[k]
		if m.street {
			m.nearOf = r.cityOf(k)
			continue
		}
		if !m.near && !m.orphan && (len(m.cands) > 0 || !r.keepUnresolved) {
			continue
		}
		for j := k + 1; j < len(r.ms) && r.ms[j].start-m.end < 80; j++ {
			if y := &r.ms[j]; y.choice >= 0 && y.locational && !y.near && (m.near || r.orphanLink(m, y)) {
				m.nearOf, m.near = j, true
				break
			}
		}
		if m.nearOf < 0 && m.orphan {
			j := r.possessor(k)
			if j < 0 {
				j = r.holder(k) // "the Hodan district of Mogadishu"
			}
			if j >= 0 {
				m.nearOf, m.near = j, true
			}
		}
		if m.nearOf < 0 && (r.keepUnresolved || m.orphan && r.placeEvidence(m)) {
			if r.mainCC == nil {
				cc := r.mainCountry()
				r.mainCC, r.mainA1 = &cc, r.mainDivision(cc)
			}
			if !r.keepUnresolved && r.f != nil && r.f.totalC[*r.mainCC] == 0 {
				continue // no name reads clearly in the country most names were placed in: too weak to place by
			}
			m.fallbackCC, m.fallbackA1 = *r.mainCC, r.mainA1
		}
	}
}

// orphanLink reports whether the text between an orphan and the known name y after it places the orphan in
// y (linkGap). A bare comma does so only before a division or a country ("Tin-Hama, Gao region"), not before
// a town, which continues a list ("Tessit, Ber, Niono") and would make a place of a word nothing else says is
// one.
func (r *run) orphanLink(m, y *mention) bool {
	g := r.d.s[m.end:y.start]
	if !linkGap(g) {
		return false
	}
	if strings.TrimSpace(g) == "," {
		p := y.cands[y.choice].p
		return p.Class == 'A'
	}
	return true
}

// placeEvidence reports whether the words around a name say it is a place: a locative preposition before it
// ("in Léré"), a place noun ("the town of Tawila", "Hodan district"), or a name of several words. A list
// ("attacked Palma, Mocimboa and Macomia") is no such evidence: lists of people and brands look alike.
func (r *run) placeEvidence(m *mention) bool {
	return strongCues[m.cue] || m.cue == "at" || m.cue == "from" || m.noun != "" || m.hi-m.lo > 1
}

// possessor returns the mention that owns mention k by a possessive right before it ("Mogadishu's Hodan",
// "Sagaing region's Kani"), or the major name before a district or town word and "of" ("the Nairobi suburb
// of Eastleigh"), or -1.
func (r *run) possessor(k int) int {
	if k == 0 || r.ms[k].lo < 1 {
		return -1
	}
	d := r.d
	y := &r.ms[k-1]
	if y.choice < 0 || y.near || !y.locational {
		return -1
	}
	pos := y.hi
	if w := d.word(pos); pos+2 == r.ms[k].lo && w != "" && !d.isCap(pos) && (districtNouns[w] || cityNouns[w]) &&
		d.word(pos+1) == "of" && r.majorName(y.key) {
		return k - 1 // "the Nairobi suburb of Eastleigh": a major name holds the part named after it (holder)
	}
	if pos+2 == r.ms[k].lo && d.isWord(pos) && !d.isCap(pos) && d.is(pos, wcPlaceHead) {
		pos++ // "Sagaing region's"
	}
	if pos != r.ms[k].lo-1 || !d.isWord(pos) || !isPossessive(d.toks[pos].Text) {
		return -1
	}
	return k - 1
}

// holder returns the mention of the first-order division or city written after mention k as what holds it,
// when k is written with a lower-case district or town word: "Kani township in Sagaing region", "the Hodan
// district of Mogadishu". -1 when there is none, when k is a major name ("the Nairobi suburb of Eastleigh" is
// Nairobi's suburb, not a Nairobi inside some Eastleigh), and when the name after it, written with a division
// word, reads as a town ("the Northwest region" read at Northwest, a town abroad).
func (r *run) holder(k int) int {
	m := &r.ms[k]
	if k+1 >= len(r.ms) || m.lo < 0 || m.hi >= len(r.d.toks) || r.majorName(m.key) {
		return -1
	}
	end := m.end // after the head word: "Kani Township" holds it, "Kani township" has it after
	if w := r.d.word(m.hi - 1); m.hi-m.lo < 2 || !r.d.isCap(m.hi-1) || !(districtNouns[w] || cityNouns[w]) {
		if w := r.d.word(m.hi); r.d.isCap(m.hi) || !(districtNouns[w] || cityNouns[w]) {
			return -1
		}
		end = r.d.toks[m.hi].End
	}
	y := &r.ms[k+1]
	if y.choice < 0 || y.near || !(isAdmin1(y.cands[y.choice].p) || y.cands[y.choice].p.Class == 'P') || y.start < end {
		return -1
	}
	if w := r.d.word(y.hi); w != "" && !r.d.isCap(y.hi) && regionNouns[w] && y.cands[y.choice].p.Class != 'A' {
		return -1 // "Bamenda town of the Northwest region" read at a town called Northwest: the holder's reading is wrong
	}
	switch strings.TrimSpace(r.d.s[end:y.start]) {
	case "in", "in the", "of", "of the":
		return k + 1
	}
	return -1
}

// maxCityPartKm is how far from a city a place written as its part ("Mogadishu's Hodan district") may lie.
const maxCityPartKm = 100

// owner returns the place of the division or city that owns mention k: by a possessive before it ("Sagaing
// region's Kani township", "Mogadishu's Hodan district") or as the holder written after it (holder). A country
// owner does not count: "Israel's Gaza offensive" does not put Gaza in Israel.
func (r *run) owner(k int) (gazetteer.Place, bool) {
	if r.ms[k].country != nil {
		return gazetteer.Place{}, false
	}
	j := r.possessor(k)
	if j < 0 {
		j = r.holder(k)
	}
	if j < 0 {
		return gazetteer.Place{}, false
	}
	o := r.ms[j].cands[r.ms[j].choice].p
	return o, isAdmin1(o) || o.Class == 'P'
}

// outside reports whether a town or division p lies outside the division o or away from the city o that owns
// its name (owner): "Sagaing region's Kani township" is not Kani, Japan.
func outside(o, p gazetteer.Place) bool {
	if p.Class != 'P' && !isDivision(p) {
		return false
	}
	if isAdmin1(o) {
		return p.Country != o.Country || p.Admin1 != "" && p.Admin1 != o.Admin1
	}
	return gazetteer.DistanceKm(o.Lat, o.Lon, p.Lat, p.Lon) > maxCityPartKm
}

// linkGap reports whether the text between an unknown name and a known one places the first in the second:
// ", ", " in ", " near ", " outside ", ", in ".
func linkGap(g string) bool {
	switch strings.TrimSpace(g) {
	case ",", "in", ", in", "in the", ", in the", "near", "outside", "of", "district of", "province of", "region of",
		", near":
		return true
	}
	return false
}

// mainCountry returns the country of the most mentions of the document, or "".
func (r *run) mainCountry() string {
	best := ""
	counts := map[string]int{}
	for k := range r.ms {
		m := &r.ms[k]
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

// mainDivision returns the first-order division of country cc the document centres on: the one that holds
// at least two thirds of the weight of cc's places, and at least a name's worth (a division named, or two
// places in it); "" when none does.
func (r *run) mainDivision(cc string) string {
	if r.f == nil || cc == "" {
		return ""
	}
	best, bestW, all := "", 0.0, 0.0
	for a, w := range r.f.totalA {
		if a.country != cc {
			continue
		}
		all += w
		if w > bestW || w == bestW && a.admin1 < best {
			best, bestW = a.admin1, w
		}
	}
	if bestW < 1 || bestW*3 < all*2 {
		return ""
	}
	if _, ok := r.g.Admin1(cc, best); !ok {
		return ""
	}
	return best
}

// cityOf returns the mention of the city the streets of the document most likely lie in: the city it names
// most often (the first named among equals); -1 when it names no city. Computed once per run.
func (r *run) cityOf(_ int) int {
	if r.mainCity != 0 {
		return r.mainCity - 1
	}
	counts := map[int64]int{}
	best, bestN := -1, 0
	for j := range r.ms {
		m := &r.ms[j]
		if m.choice < 0 || m.near || m.cands[m.choice].p.Class != 'P' {
			continue
		}
		id := m.cands[m.choice].p.ID
		counts[id]++
		if counts[id] > bestN {
			best, bestN = j, counts[id]
		}
	}
	if best >= 0 {
		best = r.firstOf(best)
	}
	r.mainCity = best + 1
	return best
}

// firstOf returns the first mention resolved to the same place as mention k.
func (r *run) firstOf(k int) int {
	p := r.ms[k].cands[r.ms[k].choice].p
	for j := range r.ms[:k] {
		if m := &r.ms[j]; m.choice >= 0 && !m.near && m.cands[m.choice].p == p {
			return j
		}
	}
	return k
}
