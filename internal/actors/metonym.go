package actors

import (
	"strings"

	"sitrep/internal/event"
	"sitrep/internal/text"
)

// metonym reads a capital, country, seat or plural demonym at tokens [i, end) as its government when it is
// the subject of a verb ("Moscow denies", "Russia, which ..., has sent") or the object of blame ("blaming
// Washington"), and is not a place after a locative preposition ("in Moscow") or part of a compound
// ("US-led", "Moscow's").
func (f *Finder) metonym(s text.Sentence, keys []string, i, end int, pl placeName) (Mention, bool) {
	prev, prev2 := "", ""
	if i > 0 {
		prev = keys[i-1]
	}
	if i > 1 {
		prev2 = keys[i-2]
	}
	if pl.kind == pkDemonym && (prev != "the" || !strings.HasSuffix(keys[end-1], "s")) {
		return Mention{}, false // only "the Russians said"
	}
	if locatives[prev] || (prev == "the" && locatives[prev2]) {
		return Mention{}, false
	}
	if end < len(keys) && (keys[end] == "-" || keys[end] == "'s") {
		return Mention{}, false
	}
	if !accusers[prev] && !f.subjectOfVerb(keys, s.Tokens, end) && !f.coordinateSubject(keys, s.Tokens, end, pl) {
		return Mention{}, false
	}
	name := f.governmentName(pl.country)
	if name == "" {
		return Mention{}, false
	}
	var rule string
	switch pl.kind {
	case pkCountry:
		rule = "metonym-country"
	case pkCapital:
		rule = "metonym-capital"
	case pkSeat:
		rule = "metonym-seat"
	case pkDemonym:
		rule = "metonym-demonym"
	}
	m := f.mention(s, s.Tokens[i].Start, s.Tokens[end-1].End, name, event.KindStateForces, pl.country, rule)
	m.Metonym = true
	return m, true
}

// subjectOfVerb reports whether a verb follows token j, across time words ("on Tuesday"), auxiliaries and
// one relative clause or parenthesis set off by commas or brackets.
func (f *Finder) subjectOfVerb(keys []string, toks []text.Token, j int) bool {
	skips := 0
	for j < len(keys) && skips < 6 {
		w := keys[j]
		switch {
		case w == "," || w == "(":
			close := ","
			if w == "(" {
				close = ")"
			}
			k := j + 1
			for k < len(keys) && k-j < 30 && keys[k] != close {
				k++
			}
			if k >= len(keys) || k-j >= 30 || k == j+1 {
				return false
			}
			j = k + 1
			skips++
			continue
		case timeWords[w]:
			j++
			skips++
			continue
		}
		if toks[j].Kind != text.Word || toks[j].IsCap() {
			return false
		}
		return f.verbs[w] || auxiliaries[w] || (len(w) > 4 && strings.HasSuffix(w, "ed"))
	}
	return false
}

// coordinateSubject reports a capital or country joined by "and" to another name, the two the subject of a
// verb: "Khartoum and the SPLM-N signed", "Russia and Ukraine exchanged prisoners".
func (f *Finder) coordinateSubject(keys []string, toks []text.Token, j int, pl placeName) bool {
	if pl.kind != pkCountry && pl.kind != pkCapital || j >= len(keys) || keys[j] != "and" {
		return false
	}
	j++
	if j < len(keys) && keys[j] == "the" {
		j++
	}
	start := j
	for j < len(keys) && j-start < 6 && (toks[j].IsCap() || keys[j] == "-" || keys[j] == "'s" && j > start) {
		j++
	}
	return j > start && f.subjectOfVerb(keys, toks, j)
}
