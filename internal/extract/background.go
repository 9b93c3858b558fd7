package extract

import "sitrep/internal/event"

// Background sums up a conflict rather than reporting an incident: "Boko Haram has killed thousands over the
// past decade", "air strikes have killed 150 civilians in the past month", "armed groups have killed more than
// 1,000 civilians this year". News reports give such sums as context around the incident they report; the
// present perfect and a span of a month or more, or a toll in the thousands, mark them.

// spanUnits are the units of a span long enough to hold many incidents.
var spanUnits = set("month", "months", "year", "years", "decade", "decades")

// summarises reports a cue in the present perfect ("has killed", "have carried out ... bombings") in a
// sentence that covers a span of a month or more, or counts dead in the thousands (a toll update excepted).
func (s *sent) summarises(h hit) bool {
	if !s.perfect(h) {
		return false
	}
	if s.longSpan() || s.anyWord(s.before(h.tok, 4), wExperience) {
		return true // "the area has seen heavy fighting": what a place went through, not one incident
	}
	if s.partyRelative(h.tok) {
		return true // "the RSF, which have besieged the city": the record of a party the sentence names
	}
	if tollWords(s.Text) && s.sentenceHas(wTollUpdate) {
		return false // "the toll from Saturday's massacre has risen to 1,050"
	}
	for _, x := range s.datesOf() {
		if x.Precision == event.PrecisionDay && !x.Dateline {
			return false // "fighting that began on Saturday has killed 1,200": one dated battle
		}
	}
	for _, m := range s.countsOf() {
		if v, ok := m.Count.Value(); ok && v >= 1000 {
			return true
		}
	}
	return false
}

// experienceVerbs say what a place or people went through over time.
var experienceVerbs = set("seen", "witnessed", "experienced", "endured", "suffered", "known")

// tollUpdateWords say that a toll was revised.
var tollUpdateWords = set("toll", "risen", "rose", "climbed", "reached")

// perfect reports "has", "have" or "'ve" in the five tokens before the cue, in its clause, or right after a
// noun cue that is the subject ("air strikes have killed").
func (s *sent) perfect(h hit) bool {
	aux := func(i int) bool {
		switch s.word(i) {
		case "has", "have", "'ve":
			return true
		}
		return false
	}
	idx := s.before(h.tok, 5)
	for k := range idx.n {
		if aux(idx.at(k)) {
			return true
		}
	}
	if h.info.noun {
		end := s.tokenAt(h.End)
		return aux(end) || aux(end+1)
	}
	return false
}

// longSpan reports a span of a month or more: "over the past decade", "in the last six months", "during the
// previous two years", "in recent years", "this year", "so far this year".
func (s *sent) longSpan() bool {
	for i := range s.Tokens {
		switch w := s.word(i); w {
		case "past", "last", "previous":
			if !s.is(i-1, wSpanPrep) && !(s.word(i-1) == "the" && s.is(i-2, wSpanPrep)) {
				continue
			}
			for j := i + 1; j <= i+3 && j < len(s.Tokens); j++ {
				if s.is(j, wSpanUnit) {
					return true
				}
			}
		case "recent":
			if s.word(i-1) == "in" && s.is(i+1, wSpanUnit) {
				return true
			}
		case "this":
			if s.word(i+1) == "year" && !s.anyWord(s.before(i, 3), wRank) {
				return true // not "the deadliest attack this year"
			}
		}
	}
	return false
}

// rankWords rank an incident within a span instead of summing the span up.
var rankWords = set("deadliest", "worst", "biggest", "largest", "heaviest", "bloodiest", "first", "second", "third",
	"latest", "fiercest", "most", "highest")

// spanPreps open a span ("over the past", "in the last", "during the previous", "for the past").
var spanPreps = set("over", "in", "during", "for", "within", "throughout")

// background reports a sentence one of whose triggers sums up a span of the conflict.
func (s *sent) background() bool {
	for _, h := range s.hits {
		if h.info.trigger() && s.summarises(h) {
			return true
		}
	}
	return false
}

// partyRelative reports token i in a relative clause (", which", ", who") whose antecedent is a party the
// sentence names: "the RSF, which have besieged the city" tells the party's record, while "clashes in
// Tripoli, which have killed 27 people" tells the incident's toll.
func (s *sent) partyRelative(i int) bool {
	if !s.inRelative(i) {
		return false
	}
	for j := i - 1; j > 1; j-- {
		if w := s.word(j); w != "which" && w != "who" {
			continue
		}
		end := s.Tokens[j-2].End // the word before the comma
		for _, m := range s.mentions {
			if m.End == end && !m.Metonym && m.Actor.Kind != event.KindCivilians {
				return true
			}
		}
		return false
	}
	return false
}
