package extract

import (
	"strings"

	"sitrep/internal/event"
	"sitrep/internal/timex"
)

// nearestDate returns the date expression of s nearest the cue that is not the date of a statement ("said on
// Tuesday"), or nil.
func nearestDate(s *sent, h hit, lo, hi int) *timex.Expr {
	var best *timex.Expr
	bestD := -1
	for i := range s.datesOf() {
		x := &s.dates[i]
		if !x.Resolved || x.Dateline || x.Start < lo || x.End > hi || s.speechAt(i) || s.otherActDate(x, h.info.class) {
			continue // a dateline dates the report, not the incident
		}
		d := x.Start - h.End
		if d < 0 {
			d = h.Start - x.End
		}
		if bestD < 0 || d < bestD {
			best, bestD = x, d
		}
	}
	return best
}

// otherActDate reports a date inside a relative clause that tells another act than the incident's (a cue of
// another class): "retaken the town from insurgents, who had seized it earlier this month" dates the seizure.
// "Clashes in Tripoli, which began on Monday" dates the clashes (no act of its own).
func (s *sent) otherActDate(x *timex.Expr, class string) bool {
	i := s.tokenAt(x.Start)
	if !s.inRelative(i) {
		return false
	}
	rel := i
	for rel > 0 && s.word(rel) != "which" && s.word(rel) != "who" {
		rel--
	}
	for _, o := range s.hits {
		if o.tok > rel && o.tok < i && o.info.trigger() && o.info.class != class {
			return true
		}
	}
	return false
}

// speechAt reports speechDate of the sentence's date i, read once: nearestDate asks it for every candidate,
// cluster and score that reads the sentence's dates.
func (s *sent) speechAt(i int) bool {
	if len(s.speech) != len(s.datesOf()) {
		s.speech = make([]int8, len(s.datesOf()))
	}
	if s.speech[i] == 0 {
		s.speech[i] = 1
		if s.speechDate(s.dates[i]) {
			s.speech[i] = 2
		}
	}
	return s.speech[i] == 2
}

// speechDate reports a date that dates a statement rather than the event: right after or right before a
// reporting verb ("said on Wednesday", "Moscow on Tuesday said"), or between a reporting verb and what it
// reports ("accused Russian forces on Wednesday of dropping grenades").
func (s *sent) speechDate(x timex.Expr) bool {
	i0, i1 := s.tokenAt(x.Start), s.tokenAt(x.End)
	return s.is(i0-1, wReport) || s.is(i0-2, wReport) && s.word(i0-1) != "," ||
		s.is(i1, wReport) || s.is(i1+1, wReport) && s.word(i1) != "," ||
		(s.word(i1) == "of" || s.word(i1) == "that") && s.anyWord(s.before(i0, 4), wReport)
}

// dateOf chooses the date of an event: the expression nearest a cue in the cue sentences, then any event
// date in the evidence, then the date of a statement about it, then a default from the publication date. A
// week or a month ("this week", "last month") gives way to a day inside it that the evidence names ("on
// Thursday night").
func (r *run) dateOf(c *cluster) (*event.When, string) {
	x, rule := dateExpr(c)
	if x == nil {
		return r.defaultDate(c)
	}
	if x.Precision == event.PrecisionWeek || x.Precision == event.PrecisionMonth {
		if f := refinement(c, x); f != nil {
			return f.When(), rule + "+refined:" + f.Rule
		}
	}
	return x.When(), rule
}

// dateExpr is dateOf's choice among the evidence's own date expressions, or nil.
func dateExpr(c *cluster) (*timex.Expr, string) {
	for _, updates := range []bool{false, true} { // a toll update is often dated when the figure was given
		for _, k := range c.cands {
			if tollDated(k) != updates {
				continue
			}
			if x := nearestDate(k.s, k.h, k.lo, k.hi); x != nil && !backgroundYear(k, x) {
				return x, "cue-date:" + x.Rule
			}
		}
	}
	for _, k := range c.cands {
		if x := nearestDate(k.s, k.h, k.s.Start, k.s.End); x != nil && !backgroundYear(k, x) {
			return x, "sentence-date:" + x.Rule
		}
	}
	var speech *timex.Expr
	for _, s := range c.sents {
		if s.modal() {
			continue // "the Council will meet on Tuesday to discuss the fighting"
		}
		lo, hi := c.bounds(s)
		for i := range s.datesOf() {
			x := &s.dates[i]
			if !x.Resolved || x.Dateline || x.Start < lo || x.End > hi {
				continue // a dateline dates the report, not even a statement in it
			}
			if x.Precision == event.PrecisionYear && c.joinedOnly(s) {
				continue // "the accusation was an invention, having destroyed its stockpile in 2017": background
			}
			if !s.speechAt(i) && !s.otherActDate(x, c.top().h.info.class) {
				return x, "evidence-date:" + x.Rule
			}
			if speech == nil {
				speech = x
			}
		}
	}
	if speech != nil {
		return speech, "statement-date:" + speech.Rule
	}
	return nil, ""
}

// refinement returns the first date of the evidence, in text order, that lies inside coarse and is narrower:
// not a dateline, not the date of a statement or of a toll update, not in a sentence about plans; nil when
// there is none.
func refinement(c *cluster, coarse *timex.Expr) *timex.Expr {
	for _, s := range c.sents {
		if s.modal() {
			continue
		}
		lo, hi := c.bounds(s)
		for i := range s.datesOf() {
			x := &s.dates[i]
			if x.Start < lo || x.End > hi || x.Dateline || s.speechAt(i) || s.afterToll(*x) {
				continue
			}
			if x.Refines(*coarse) {
				return x
			}
		}
	}
	return nil
}

// modal reports a sentence about plans or possibilities ("the Council will meet on Tuesday"); the month May
// inside a date is no modal.
func (s *sent) modal() bool {
	for i, t := range s.Tokens {
		if s.is(i, wModal) && !s.inDate(t.Start) {
			return true
		}
	}
	return false
}

// inDate reports whether byte offset at lies inside one of the sentence's date expressions.
func (s *sent) inDate(at int) bool {
	for _, x := range s.datesOf() {
		if at >= x.Start && at < x.End {
			return true
		}
	}
	return false
}

// afterToll reports a date that follows a toll figure in its sentence ("rose to 23 on Wednesday"): it dates
// the update, not the event.
func (s *sent) afterToll(x timex.Expr) bool {
	for _, m := range s.countsOf() {
		if (m.Revised || m.Rule == "toll") && x.Start >= m.Count.Start {
			return true
		}
	}
	return false
}

// defaultDate is the rule for an event the text does not date: the publication day when a cue is in the
// present tense ("forces are advancing") or in a headline, else the week ending on the publication day; nil
// when the publication date is unknown.
func (r *run) defaultDate(c *cluster) (*event.When, string) {
	if r.pub == nil {
		return nil, ""
	}
	for _, k := range c.cands {
		if k.s.anyWord(k.s.before(k.h.tok, 2), wPresentAux) || k.s.headline() {
			return &event.When{Start: *r.pub, End: *r.pub, Precision: event.PrecisionDay}, "default-present"
		}
	}
	return &event.When{Start: r.pub.AddDays(-6), End: *r.pub, Precision: event.PrecisionWeek}, "default-week"
}

// headline reports a sentence that is a line of its own without final punctuation.
func (s *sent) headline() bool {
	t := strings.TrimRight(s.Text, "\"'’”) ")
	return t != "" && !strings.ContainsAny(t[len(t)-1:], ".!?:")
}

// joinedOnly reports a sentence that joined the cluster by reference ("the accusation", "the attack", a toll)
// without a cue of its own: a bare year in it is the background of a statement about the incident, not its date.
func (c *cluster) joinedOnly(s *sent) bool {
	for _, k := range c.cands {
		if k.s == s && !k.h.inner {
			return false
		}
	}
	return true
}

// backgroundYear reports a bare year near an anaphor ("the attack was the work of a group it had outlawed in
// 2019"): the sentence refers back to the incident, and a year in it is background, not the incident's date.
func backgroundYear(k *cand, x *timex.Expr) bool {
	return k.h.inner && x.Precision == event.PrecisionYear
}
