package extract

import (
	"strings"

	"sitrep/internal/casualty"
	"sitrep/internal/event"
)

// count reads the cluster's figure of one kind (killed or injured): the last revised toll if the text updates
// one ("the death toll has risen to 27"), else the last "toll", else the largest figure reported. A figure the
// text gives as superseded (the 12 of "from 12 to 27") is read only when there is nothing else.
func (r *run) count(c *cluster, kind casualty.Kind, x *explainer, field string) *event.Count {
	var best *casualty.Mention
	for _, s := range c.sents {
		if s.background() {
			continue // "a group that has killed thousands over the past decade": not this incident's toll
		}
		lo, hi := c.bounds(s)
		motives := -2 // the sentence's motive phrases are looked for once, at its first count of the kind
		for i := range s.countsOf() {
			m := &s.counts[i]
			if m.Kind != kind || m.Start < lo || m.End > hi {
				continue
			}
			if motives == -2 {
				motives = s.firstMotive()
			}
			if motives >= 0 && s.motiveToll(m.Start) {
				continue
			}
			if better(m, best) {
				best = m
			}
		}
	}
	if best == nil {
		return nil
	}
	q := best.Count
	sp := event.Span{Start: best.Start, End: best.End, Text: best.Text}
	out := &event.Count{Low: q.Low, Best: q.Best, High: q.High, Qualifier: q.Qualifier, Span: &sp, Revised: best.Revised}
	if v, ok := q.Value(); ok && x.on {
		x.add(field, itoa(v), "casualty-"+best.Rule+"/"+q.Rule, "", &sp)
	}
	return out
}

// motiveToll reports a figure at byte offset off (in the document) inside a phrase that gives the incident's
// motive, another incident: "in response to the killing of one of its commanders", "to avenge the deaths of
// 12 fighters", "after the killing of two protesters". A comma after the phrase ends it (", killing 10").
func (s *sent) motiveToll(off int) bool {
	low := s.low[:off-s.Start]
	best := -1
	for _, p := range motivePhrases {
		if i := strings.LastIndex(low, p); i > best {
			best = i
		}
	}
	return best >= 0 && !strings.ContainsAny(low[best:], ",;:")
}

// firstMotive is the byte offset in the sentence of its first motive phrase, -1 when it has none.
func (s *sent) firstMotive() int {
	first := -1
	for _, p := range motivePhrases {
		if i := strings.Index(s.low, p); i >= 0 && (first < 0 || i < first) {
			first = i
		}
	}
	return first
}

// motivePhrases introduce another incident that the reported one answers.
var motivePhrases = []string{"in response to ", "in retaliation for ", "in revenge for ", "in reprisal for ",
	"to avenge ", "retaliation for the ", "revenge for the ", "after the killing of ", "following the killing of ",
	"over the killing of ", "after the deaths of ", "following the deaths of ", "over the deaths of "}

// better reports whether m, read after best in text order, should replace it: a standing figure beats a
// superseded one, a revised toll beats an unrevised one, and among equals a later toll or a larger figure wins.
func better(m, best *casualty.Mention) bool {
	switch {
	case best == nil:
		return true
	case m.Superseded != best.Superseded:
		return best.Superseded
	case m.Revised != best.Revised:
		return m.Revised
	case m.Revised:
		return true // the last update stands
	case m.Rule == "toll":
		return true
	default:
		return best.Rule != "toll" && value(m) > value(best)
	}
}

// value is the mention's best figure, else its low or high one.
func value(m *casualty.Mention) int {
	v, _ := m.Count.Value()
	return v
}
