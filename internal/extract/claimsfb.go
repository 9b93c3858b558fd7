package extract

import (
	"sitrep/internal/actors"
	"sitrep/internal/event"
	"sitrep/internal/lexicon"
)

// catClaimVerbs is the lexicon of speech and claim verbs (claim_verbs.tsv: stance, claimant side, neutral).
const catClaimVerbs lexicon.Category = "claim_verbs"

// Words a speaker phrase cannot hold: pronouns (the speaker is named elsewhere), prepositions (the words
// before "showed" in "analysis of the attack in Syria showed" are no speaker) and auxiliaries (a passive
// "was accused" has no speaker before it).
var (
	pronouns     = set("he", "she", "it", "they", "we", "i", "you", "who", "which", "that")
	prepositions = set("in", "of", "on", "at", "for", "from", "with", "by", "to", "into", "near", "after", "since")
	auxiliaries  = set("been", "was", "were", "is", "are", "be", "being", "has", "have", "had")
)

// fallbackClaims reads the claims of s from claim_verbs.tsv when the actor finder gives none: the speaker is
// the actor mention next to the verb on the side the verb's row says, else the words there ("officials",
// "a UN expert"). A plain speech verb of a news medium or a monitor reports rather than asserts.
func (r *run) fallbackClaims(s *sent) []event.Claim {
	var out []event.Claim
	for _, m := range r.e.lex.Find(s.Text, s.Start, catClaimVerbs) {
		stance, side := m.Entry.Attr("stance"), m.Entry.Attr("claimant")
		if stance == "" || side == "mod" {
			continue
		}
		c, ok := s.claimant(m, side)
		if !ok {
			continue
		}
		if m.Entry.Attr("neutral") == "yes" && c.role != "" {
			stance = event.StanceReports
		}
		out = append(out, event.Claim{Claimant: event.Claimant{Name: c.name, Span: &c.span}, Stance: stance,
			Span: event.Span{Start: s.Start, End: s.End, Text: s.Text}})
	}
	return out
}

// speaker is who makes a claim.
type speaker struct {
	name string
	span event.Span
	role string // "media" or "monitor" when the speaker relays rather than asserts
}

// claimant finds the speaker of the verb m: before it ("Moscow denied"), after it ("according to activists",
// "said the SOHR"), or either for "both".
func (s *sent) claimant(m lexicon.Match, side string) (speaker, bool) {
	vi, ve := s.tokenAt(m.Start), s.tokenAt(m.End)
	switch {
	case auxiliaries[s.word(vi-1)], determiners[s.word(vi-1)], s.word(vi-1) == "a", s.word(vi-1) == "an":
		return speaker{}, false // "was accused", "a disputed count"
	case side == "before" && (s.word(ve) == "of" || s.word(ve) == "for" || s.word(ve) == "with"):
		return speaker{}, false // "a man accused of theft": a participle, not a claim
	}
	if side == "before" || side == "both" {
		if c, ok := s.speakerBefore(vi); ok {
			return c, true
		}
	}
	if side == "after" || side == "both" {
		return s.speakerAfter(ve, side == "after")
	}
	return speaker{}, false
}

// speakerBefore is the mention or noun phrase ending right before token i.
func (s *sent) speakerBefore(i int) (speaker, bool) {
	back := s.before(i, 6)
	if len(back) == 0 {
		return speaker{}, false
	}
	lo := s.Tokens[back[len(back)-1]].Start
	for j := len(s.mentions) - 1; j >= 0; j-- {
		if m := &s.mentions[j]; m.End <= s.Tokens[i].Start && m.Start >= lo {
			return mentionSpeaker(m), true
		}
	}
	switch w := s.word(i - 1); {
	case w == "and" || w == "but":
		return s.subject(i) // "Cook said ... and questioned why"
	case pronouns[w] || w == ",":
		return speaker{}, false
	}
	first := back[len(back)-1]
	for _, j := range back {
		if s.Tokens[j].Kind != 0 || determiners[s.word(j)] && j != first {
			first = j + 1
			break
		}
	}
	return s.phrase(first, i)
}

// speakerAfter is the mention or noun phrase starting at token i (after an article).
func (s *sent) speakerAfter(i int, anyWord bool) (speaker, bool) {
	if i >= len(s.Tokens) || !anyWord && !s.Tokens[i].IsCap() && !determiners[s.word(i)] && s.word(i) != "a" {
		return speaker{}, false
	}
	for j := range s.mentions {
		if m := &s.mentions[j]; m.Start >= s.Tokens[i].Start && m.Start <= s.tokenEnd(i+1) {
			return mentionSpeaker(m), true
		}
	}
	end := i
	for end < len(s.Tokens) && end < i+5 && s.Tokens[end].Kind == 0 && !s.clauseBreak(end) {
		end++
	}
	return s.phrase(i, end)
}

// phrase is tokens [i, j) as a speaker, when they hold a word that is not a pronoun.
func (s *sent) phrase(i, j int) (speaker, bool) {
	if i >= j || i < 0 || j > len(s.Tokens) || j-i > 5 || pronouns[s.word(i)] && j-i == 1 {
		return speaker{}, false
	}
	content := false
	for k := i; k < j; k++ {
		w := s.word(k)
		if prepositions[w] || auxiliaries[w] {
			return speaker{}, false
		}
		content = content || len(w) > 2 && !determiners[w] && !pronouns[w]
	}
	if !content {
		return speaker{}, false
	}
	sp := event.Span{Start: s.Tokens[i].Start, End: s.Tokens[j-1].End}
	sp.Text = s.Text[sp.Start-s.Start : sp.End-s.Start]
	return speaker{name: sp.Text, span: sp}, true
}

// subject is the first actor mention of the sentence before token i.
func (s *sent) subject(i int) (speaker, bool) {
	for j := range s.mentions {
		if m := &s.mentions[j]; m.End <= s.Tokens[i].Start {
			return mentionSpeaker(m), true
		}
	}
	return speaker{}, false
}

// mentionSpeaker is an actor mention as a speaker, with the relaying role of media and monitors.
func mentionSpeaker(m *actors.Mention) speaker {
	c := speaker{name: m.Actor.Name, span: event.Span{Start: m.Start, End: m.End, Text: m.Text}}
	if m.Entry != nil {
		if role := m.Entry.Attr("role"); role == "media" || role == "monitor" {
			c.role = role
		}
	}
	return c
}
