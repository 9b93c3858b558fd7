package actors

import (
	"strings"

	"sitrep/internal/event"
	"sitrep/internal/text"
)

// before finds the speaker before a verb at token vi: a mention, the organisation of an appositive
// ("Lars Bromley, an adviser at UNOSAT, said"), or a noun phrase ("local residents").
func (cr *claimReader) before(vi int) (found, bool) {
	k := vi - 1
	for n := 0; k >= 0 && n < 4 && timeWords[cr.keys[k]]; n++ {
		k--
	}
	if k < 0 {
		return found{}, false
	}
	if cr.keys[k] == "," {
		k2 := k - 1
		for k2 >= 0 && k-k2 < 20 && cr.keys[k2] != "," {
			k2--
		}
		if k2 <= 0 || cr.keys[k2] != "," {
			return found{}, false
		}
		if i := cr.lastMention(k2+1, k); i >= 0 {
			return cr.fromMention(i), true
		}
		k = k2 - 1
	}
	if i := cr.endingAt(k + 1); i >= 0 {
		return cr.fromMention(i), true
	}
	j := k
	for j >= 0 && k-j < 8 && cr.npWord(j) {
		j--
	}
	return cr.nounPhrase(j+1, k+1)
}

// after finds the speaker after a verb ending before token ve: "said a UN expert", "according to SOHR".
func (cr *claimReader) after(ve int) (found, bool) {
	j := ve
	for j < len(cr.keys) && (cr.keys[j] == "the" || cr.keys[j] == "a" || cr.keys[j] == "an") {
		j++
	}
	for i, p := range cr.pos {
		if p[0] == j || p[0] == ve {
			return cr.fromMention(i), true
		}
	}
	k := ve
	for k < len(cr.keys) && k-ve < 8 && cr.npWord(k) {
		k++
	}
	return cr.nounPhrase(ve, k)
}

// nounPhrase names the speaker of tokens [i, j): a mention inside it, the country of a demonym inside it
// ("a US official"), or its own words without a leading article.
func (cr *claimReader) nounPhrase(i, j int) (found, bool) {
	for i < j && (cr.keys[i] == "the" || cr.keys[i] == "a" || cr.keys[i] == "an") {
		i++
	}
	for j > i && cr.s.Tokens[j-1].Kind == text.Punct {
		j-- // "according to local sources."
	}
	if i >= j || pronouns[cr.keys[j-1]] || cr.s.Tokens[j-1].Kind != text.Word {
		return found{}, false
	}
	if cr.keys[i] == "no" || cr.keys[i] == "nobody" || cr.keys[i] == "none" {
		return found{}, false // "No group has claimed the attack": no one speaks
	}
	if i > 0 && placePreps[cr.keys[i-1]] {
		return found{}, false // "an attack in Syria last month showed": a place, not a speaker
	}
	if m := cr.lastMention(i, j); m >= 0 {
		return cr.fromMention(m), true
	}
	toks := cr.s.Tokens
	for t := i; t < j; t++ {
		if pl, _, ok := cr.f.places.match(cr.keys, nil, t, pkDemonym, pkCountry); ok {
			if n := cr.f.countryName(pl.country); n != "" {
				return found{claimant: event.Claimant{Name: n, Span: cr.span(toks[i].Start, toks[j-1].End)}}, true
			}
		}
	}
	for k := j - 1; k > i; k-- { // "I think multiple other sources": the phrase starts after a pronoun or verb
		if pronouns[cr.keys[k-1]] || cognition[cr.keys[k-1]] || adverb(cr.keys[k-1]) {
			i = k
			break
		}
	}
	if !speakerHead(toks[j-1], cr.keys[j-1]) || adverb(cr.keys[i]) {
		return found{}, false // "such an attack", "also", "once": no speaker
	}
	sp := cr.span(toks[i].Start, toks[j-1].End)
	return found{claimant: event.Claimant{Name: sp.Text, Span: sp}}, true
}

// npWord reports whether token k may belong to a speaker's noun phrase.
func (cr *claimReader) npWord(k int) bool {
	t := cr.s.Tokens[k]
	w := cr.keys[k]
	if t.Kind == text.Punct {
		return w == "-" || w == "." || w == "&"
	}
	if w == "'s" {
		return true
	}
	return !npStops[w] && !cr.f.verbs[w] && !auxiliaries[w]
}

// npStops end a speaker's noun phrase.
var npStops = map[string]bool{
	"that": true, "which": true, "who": true, "whom": true, "and": true, "or": true, "but": true,
	"while": true, "as": true, "because": true, "after": true, "before": true, "when": true, "if": true,
	"were": true, "are": true, "been": true, "on": true, "in": true, "to": true, "by": true, "told": true,
	"saying": true, "since": true, "than": true, "not": true, "also": true, "it": true, "had": true,
}

// pronouns are speakers the sentence alone cannot name.
var pronouns = map[string]bool{
	"he": true, "she": true, "they": true, "it": true, "we": true, "i": true, "you": true, "who": true,
	"which": true, "that": true, "this": true, "one": true, "him": true, "her": true, "them": true, "us": true,
}

// lastMention returns the last mention inside tokens [i, j), -1 when none.
func (cr *claimReader) lastMention(i, j int) int {
	best := -1
	for m, p := range cr.pos {
		if p[0] >= i && p[1] <= j {
			best = m
		}
	}
	return best
}

// endingAt returns the mention whose last token is k-1, -1 when none.
func (cr *claimReader) endingAt(k int) int {
	for i, p := range cr.pos {
		if p[1] == k {
			return i
		}
	}
	return -1
}

// fromMention names the speaker of mention i: a government by its country ("Moscow" -> "Russia"), anything
// else by its canonical name.
func (cr *claimReader) fromMention(i int) found {
	m := &cr.ms[i]
	name := m.Actor.Name
	if isVictim(*m) {
		name = m.Text // "local residents" speak for themselves
	}
	if m.Entry == nil && (m.Metonym || strings.HasSuffix(m.Rule, "-government")) {
		if n := cr.f.countryName(m.Actor.Country); n != "" {
			name = n
		}
	}
	sp := cr.span(m.Start, m.End)
	return found{claimant: event.Claimant{Name: name, Span: sp}, mention: m}
}

// span returns the document span [start, end) within the sentence.
func (cr *claimReader) span(start, end int) *event.Span {
	return &event.Span{Start: start, End: end, Text: cr.s.Text[start-cr.s.Start : end-cr.s.Start]}
}

// placePreps make the noun after them a place ("in Syria"), never a speaker.
var placePreps = map[string]bool{
	"in": true, "at": true, "near": true, "inside": true, "outside": true, "across": true, "around": true,
	"within": true, "throughout": true, "over": true,
}
