package actors

import (
	"strings"

	"sitrep/internal/event"
	"sitrep/internal/lexicon"
	"sitrep/internal/text"
)

// Claims returns who says what in s: one claim per speech, accusation, denial, doubt or report verb of the
// claim_verbs lexicon that has a claimant (a mention, preferably by its canonical name, or a noun phrase such
// as "local residents"). A plain speech verb of a news medium or a monitor reports; "called the reports
// fabricated" denies. Span is the sentence.
func (f *Finder) Claims(s text.Sentence, ms []Mention) []event.Claim {
	if f.lex == nil || len(s.Tokens) == 0 {
		return nil
	}
	hits := f.lex.Find(s.Text, s.Start, catClaims)
	if len(hits) == 0 {
		return nil
	}
	keys, _ := f.wordsOf(s, "")
	cr := claimReader{f: f, s: s, keys: keys, ms: ms, pos: mentionTokens(s.Tokens, ms)}
	starts := map[int]bool{}
	for _, m := range hits {
		starts[tokenAt(s.Tokens, m.Start)] = true
	}
	var out []event.Claim
	var last *found
	for _, m := range hits {
		if m.Entry.Attr("claimant") == "mod" {
			continue
		}
		vi, ve := tokenAt(s.Tokens, m.Start), tokenEndingAt(s.Tokens, m.End)
		if vi >= ve || cr.isNoun(vi, ve, starts) || cr.modifier(m.Entry.Attr("claimant"), vi, ve) {
			continue
		}
		c, ok := cr.claimant(m.Entry.Attr("claimant"), vi, ve)
		if !ok && last != nil && vi > 0 && cr.keys[vi-1] == "and" {
			c, ok = *last, true // "Moscow denies the charge and says ..."
		}
		if !ok {
			continue
		}
		last = &c
		stance := cr.stance(m.Entry, c, ve, hits)
		cl := event.Claim{Claimant: c.claimant, Stance: stance, About: about(stance),
			Span: event.Span{Start: s.Start, End: s.End, Text: s.Text}}
		if !hasClaim(out, cl) {
			out = append(out, cl)
		}
	}
	return out
}

// about says what a claim of a stance bears on: accusations and denials are about the perpetrator.
func about(stance string) string {
	if stance == event.StanceAccuses || stance == event.StanceDenies {
		return "actor1"
	}
	return ""
}

func hasClaim(cs []event.Claim, c event.Claim) bool {
	for _, x := range cs {
		if x.Claimant.Name == c.Claimant.Name && x.Stance == c.Stance {
			return true
		}
	}
	return false
}

// claimReader holds the state of one Claims call.
type claimReader struct {
	f    *Finder
	s    text.Sentence
	keys []string
	ms   []Mention
	pos  [][2]int
}

// found is a claimant and the mention behind it (nil for a noun phrase).
type found struct {
	claimant event.Claimant
	mention  *Mention
}

// isNoun reports whether the verb match at [vi, ve) is a noun: after a determiner ("the reports") or right
// before another claim verb ("a UN report said").
func (cr *claimReader) isNoun(vi, ve int, starts map[int]bool) bool {
	if vi > 0 && determiners[cr.keys[vi-1]] {
		return true
	}
	return ve < len(cr.keys) && starts[ve]
}

// claimant finds the speaker on the side the lexicon gives.
func (cr *claimReader) claimant(side string, vi, ve int) (found, bool) {
	switch side {
	case "after":
		return cr.after(ve)
	case "both":
		if vi > 0 && (cr.keys[vi-1] == "," || isQuote(cr.keys[vi-1])) {
			if c, ok := cr.after(ve); ok {
				return c, true
			}
		}
		if c, ok := cr.before(vi); ok || vi > 0 {
			return c, ok
		}
		return cr.after(ve)
	}
	return cr.before(vi)
}

// stance is the entry's stance, turned to reports for a plain speech verb of a medium or monitor and to a
// modifier's stance when one follows ("called the claims baseless").
func (cr *claimReader) stance(e *lexicon.Entry, c found, ve int, all []lexicon.Match) string {
	st := e.Attr("stance")
	neutral := e.Attr("neutral") == "yes"
	if neutral || st == event.StanceAsserts {
		for _, m := range all {
			if m.Entry.Attr("claimant") == "mod" && tokenAt(cr.s.Tokens, m.Start) >= ve {
				return m.Entry.Attr("stance")
			}
		}
	}
	if neutral && c.mention != nil && c.mention.Entry != nil {
		if r := c.mention.Entry.Attr("role"); r == "media" || r == "monitor" {
			return event.StanceReports
		}
	}
	if st == "" {
		return event.StanceAsserts
	}
	return st
}

func isQuote(k string) bool {
	return k == "\"" || k == "“" || k == "”" || k == "'" || k == "’" || k == "‘"
}

// determiners make the next word a noun.
var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "these": true, "those": true, "its": true, "his": true,
	"her": true, "their": true, "our": true, "such": true, "any": true, "no": true, "'s": true, "of": true,
}

// modifier reports a verb form that modifies the noun before it rather than has a speaker: "a man accused of
// theft", "a group blamed for the attack", "the figures disputed by".
func (cr *claimReader) modifier(side string, vi, ve int) bool {
	if side != "before" || vi == 0 || ve >= len(cr.keys) || !strings.HasSuffix(cr.keys[ve-1], "ed") {
		return false
	}
	switch cr.keys[ve] {
	case "of", "for", "with", "by":
		return cr.s.Tokens[vi-1].Kind == text.Word && !cr.f.verbs[cr.keys[vi-1]]
	}
	return false
}
