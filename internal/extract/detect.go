package extract

import "sitrep/internal/event"

// cand is a candidate event: one sentence and the cue that makes it an event.
type cand struct {
	s         *sent
	h         hit
	sub       string // resolved sub-event type
	rule      string // how the sub-type was decided
	entry     string // lexicon entry behind the sub-type
	spec      int    // 3 the cue names the sub-type, 2 decided from context, 1 a class default
	anaphoric bool   // the sentence refers back to an event ("the attack")
	fresh     bool   // the sentence announces another incident ("in a separate attack")
	actor1    []event.Actor
	actor2    []event.Actor
	lo, hi    int // the part of the sentence that reports this event (a clause when it reports two)
}

// detect returns the candidate events of the document in text order: one per sentence, two when a sentence
// reports two incidents in clauses of their own.
func (r *run) detect() []*cand {
	var out []*cand
	for _, s := range r.sents {
		if !s.hasTrigger() {
			continue
		}
		if s.sentenceHas(wGeneric) || s.question() || !s.plausible() {
			continue
		}
		r.load(s)
		var all []*cand
		n := 0
		for _, h := range s.hits {
			if !h.info.trigger() {
				continue
			}
			if n++; n > maxCues {
				break
			}
			if r.accept(s, h) {
				all = append(all, r.candidate(s, h))
			}
		}
		out = append(out, pick(s, all)...)
	}
	return out
}

// pick chooses the sentence's event: the best-ranked cue. A second cue with a sub-type of its own in a clause
// of its own ("...; meanwhile a roadside bomb killed...") makes a second event.
func pick(s *sent, all []*cand) []*cand {
	var best *cand
	for _, c := range all {
		if best == nil || c.rank() > best.rank() {
			best = c
		}
	}
	if best == nil {
		return nil
	}
	if best.sub == subLooting {
		best = attackOver(best, all)
	}
	if o := victimAsAgent(all, best); o != nil {
		best.actor1 = o.actor1 // "soldiers killed five members of the Clan del Golfo in a firefight"
		if len(best.actor2) == 0 {
			best.actor2 = o.actor2
		}
	}
	bt, _ := event.TypeOf(best.sub)
	for _, c := range all {
		t, _ := event.TypeOf(c.sub)
		if c == best || c.sub == best.sub || t == bt && c.generic() || c.rank() < 1 || !s.clauseBetween(best.h, c.h) {
			continue
		}
		first, second := best, c
		if c.h.Start < best.h.Start {
			first, second = c, best
		}
		cut := s.boundaryAfter(first.h)
		first.hi, second.lo = cut, cut
		second.actor1, second.actor2 = inClause(second.actor1, cut), inClause(second.actor2, cut)
		return []*cand{first, second}
	}
	return []*cand{best}
}

// victimAsAgent returns another candidate of from's sentence whose victim from takes as its agent, when that
// candidate names an agent of its own: in "Colombian soldiers killed five members of the Clan del Golfo in a
// firefight" the noun cue "firefight" reads the nearest name before it, the killed, as its subject.
func victimAsAgent(cands []*cand, from *cand) *cand {
	if from == nil || len(from.actor1) == 0 {
		return nil
	}
	for _, o := range cands {
		if o == from || o.s != from.s || len(o.actor1) == 0 || o.actor1[0].Name == from.actor1[0].Name {
			continue
		}
		for _, a := range o.actor2 {
			if a.Name == from.actor1[0].Name && o.h.Start < from.h.Start {
				return o
			}
		}
	}
	return nil
}

// inClause drops the actors named before the second clause of a sentence that reports two incidents
// ("Ukrainian air defences intercepted 15 drones, while a missile strike damaged a terminal"): who acted in the
// first clause is not the second's party.
func inClause(as []event.Actor, lo int) []event.Actor {
	var out []event.Actor
	for _, a := range as {
		if a.Span == nil || a.Span.Start >= lo {
			out = append(out, a)
		}
	}
	return out
}

// attackOver returns the best-ranked candidate of armed violence or rioting in all when there is one, else
// looting: houses burned in the attack that killed ("shot dead eight people and set fire to houses") are part
// of the attack, and cars a crowd torched part of its riot, which ACLED codes, not an event of property
// destruction of their own.
func attackOver(looting *cand, all []*cand) *cand {
	best := looting
	for _, c := range all {
		if t, _ := event.TypeOf(c.sub); (violent(t) || t == event.TypeRiots) && (best == looting || c.rank() > best.rank()) {
			best = c
		}
	}
	return best
}

// boundaryAfter returns the byte offset of the first clause boundary after the cue.
func (s *sent) boundaryAfter(h hit) int {
	for i := h.tok + 1; i < len(s.Tokens); i++ {
		switch s.word(i) {
		case ";", "while", "whereas", "meanwhile":
			return s.Tokens[i].Start
		}
	}
	return s.End
}

// clauseBetween reports a clause boundary between two cues: a semicolon, "while", "whereas", "meanwhile".
func (s *sent) clauseBetween(a, b hit) bool {
	if a.tok > b.tok {
		a, b = b, a
	}
	for i := a.tok + 1; i < b.tok; i++ {
		switch s.word(i) {
		case ";", "while", "whereas", "meanwhile":
			return true
		}
	}
	return false
}

// maxCues bounds the cues read in one sentence: natural sentences have a handful, and the bound keeps a
// pathological input (one endless "sentence" of cue words) linear.
const maxCues = 32

// plausible reports a trigger that passes the context checks that need no counts, dates or actors, so that
// the costly steps run only on sentences that can report an event.
func (s *sent) plausible() bool {
	n := 0
	for _, h := range s.hits {
		if !h.info.trigger() {
			continue
		}
		if n++; n > maxCues {
			return false
		}
		if !s.contextRejects(h) {
			return true
		}
	}
	return false
}

// hasTrigger reports whether s has a cue that can start an event.
func (s *sent) hasTrigger() bool {
	for _, h := range s.hits {
		if h.info.trigger() {
			return true
		}
	}
	return false
}

// question reports whether s ends in a question mark.
func (s *sent) question() bool {
	t := s.Text
	for len(t) > 0 && (t[len(t)-1] == '"' || t[len(t)-1] == '\'' || t[len(t)-1] == ')') {
		t = t[:len(t)-1]
	}
	return len(t) > 0 && t[len(t)-1] == '?'
}

// generic reports a cue whose class leaves the kind of violence open (attack, explosion, strike).
func (c *cand) generic() bool {
	switch c.h.info.class {
	case classViolence, classExplosion, classStrike:
		return true
	}
	return false
}

// rank orders the cues of one sentence: a strong cue naming its sub-type first, a weak class cue last.
func (c *cand) rank() int {
	n := 0
	if c.h.info.strong {
		n += 2
	}
	if c.h.info.literal() {
		n++
	}
	if c.spec >= 2 && !c.h.info.strong && !c.h.info.literal() {
		n++ // a weak class cue made specific by its weapon or victims
	}
	if c.h.info.class == classViolence {
		n-- // "killed", "attack" say least about how: a strike or a blast in the same sentence names the method
	}
	if c.h.info.class == classProtest {
		n += 2 // a protest sentence is about the protest, whatever else happens in it
	}
	return n
}
