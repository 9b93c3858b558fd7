package extract

import (
	"sitrep/internal/casualty"
	"sitrep/internal/event"
)

// count reads the cluster's figure of one kind (killed or injured): the last "toll" if the text updates one,
// else the largest figure reported.
func (r *run) count(c *cluster, kind casualty.Kind, x *explainer, field string) *event.Count {
	var best *casualty.Mention
	for _, s := range c.sents {
		lo, hi := c.bounds(s)
		for i := range s.counts {
			m := &s.counts[i]
			if m.Kind != kind || m.Start < lo || m.End > hi {
				continue
			}
			switch {
			case best == nil:
				best = m
			case m.Rule == "toll":
				best = m
			case best.Rule != "toll" && value(m) > value(best):
				best = m
			}
		}
	}
	if best == nil {
		return nil
	}
	q := best.Count
	sp := event.Span{Start: best.Start, End: best.End, Text: best.Text}
	out := &event.Count{Low: q.Low, Best: q.Best, High: q.High, Qualifier: q.Qualifier, Span: &sp}
	if v, ok := q.Value(); ok {
		x.add(field, itoa(v), "casualty-"+best.Rule+"/"+q.Rule, "", &sp)
	}
	return out
}

// value is the mention's best figure, else its low or high one.
func value(m *casualty.Mention) int {
	v, _ := m.Count.Value()
	return v
}
