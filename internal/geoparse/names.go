package geoparse

import (
	"strings"

	"sitrep/internal/gazetteer"
	"sitrep/internal/text"
)

// personBefore reports whether token lo follows another capitalised word that cannot belong to a place
// name: the first name of a person ("John Kerry"). Sentence-initial cues, function words, directions,
// demonyms and the end of another place name do not count.
func (r *run) personBefore(lo int) bool {
	d := r.d
	p := lo - 1
	if d.punct(p, ".") && d.isCap(p-1) && len(d.toks[p-1].Text) == 1 {
		return true // an initial: "Johnathan J. Dunbar"
	}
	if d.isWord(p) && d.is(p, wcParticle) && !d.isCap(p) && d.tight(p-1) {
		p-- // a name particle: "Mike de Kock", "Ahmed bin Ali"
	}
	if p < 0 || !d.isCap(p) || !d.tight(p) {
		return false
	}
	w := d.folded[p]
	if d.is(p, wcStopCap|wcLocativeCue|wcDirection|wcPlaceNoun|wcPlaceHead) {
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
	if d.punct(i-1, "(") && d.punct(i+1, ")") {
		return false // an acronym given after its name: "the Arakan Army (AA)"
	}
	if p := d.prevWord(i); p < 0 || d.initial[i] {
		return d.word(i+1) == "" // a dateline: "BEIRUT (Reuters)", "KABUL -"
	}
	return false
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
	return q >= 0 && d.isCap(q) && orgHeads[d.folded[q]] && !placeNouns[d.folded[q]] && !legalForms[d.folded[q]]
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

// legalForms end company names; "of" after one gives the company's seat: "Boskovich Farms Inc. of Oxnard".
var legalForms = set("inc", "ltd", "llc", "plc", "corp", "co", "company", "corporation", "group", "sa", "ag",
	"gmbh")

// isDateline reports whether the mention at tokens [lo, hi) heads a dateline: it starts a line or the text
// and is followed by a news agency in parentheses or a dash, with at most a date or a region between
// ("BEIRUT (Reuters) -", "Kabul, Oct. 5 (AP) —", "MOSCOW -").
func (r *run) isDateline(lo, hi int) bool {
	d := r.d
	if lo < 0 || !d.initial[lo] || (d.toks[lo].Start > 0 && !strings.Contains(d.s[max(0, d.toks[lo].Start-2):d.toks[lo].Start], "\n")) {
		return false
	}
	for k := hi; k < len(d.toks) && k < hi+8; k++ {
		t := d.toks[k]
		switch {
		case t.Kind == text.Number || t.Text == "," || t.Text == ".":
		case t.Kind == text.Word && (d.caps[k] || d.is(k, wcMonth)):
		case t.Text == "(":
			return d.isCap(k+1) && (d.punct(k+2, ")") || d.punct(k+3, ")"))
		case t.Text == "-" || t.Text == "–":
			return d.gap(k-1, k) != ""
		case t.Text == "—":
			return true // "PORT SUDAN —", and unspaced as American papers write it: "PORT SUDAN—"
		default:
			return false
		}
	}
	return false
}
