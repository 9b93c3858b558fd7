package eval

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"sitrep/internal/event"
)

// Event matching. Each gold event is paired with at most one predicted event and the other way round. A pair
// is a candidate when the predicted event's evidence (or, without evidence, the spans of its values) overlaps
// at least one of the gold event's evidence lines. Candidates are ranked by tier: 3 when the predicted
// sub-event type is one the gold accepts, 2 when only the event type agrees, 1 when neither does (the type
// fields then score incorrect); then by the number of gold evidence lines overlapped, then required gold
// events before optional ones, then file order. Pairs are taken greedily in that order. A predicted event
// left over is a false event.

// ScoreEvents scores the predicted events of the article text against the gold.
func ScoreEvents(g *EventGold, text string, pred []event.Event) EventsReport {
	lines := lineSpans(text)
	r := EventsReport{Doc: g.Doc.ID}
	pairs := matchEvents(g, lines, pred)
	matched := make([]bool, len(pred))
	for gi, ge := range g.Events {
		m := EventMatch{Gold: ge.ID, Required: ge.Required, EventType: ge.EventType}
		if pi, ok := pairs[gi]; ok {
			matched[pi] = true
			m.Pred = predID(pred[pi], pi)
			m.Fields = scoreFields(ge, pred[pi])
		}
		r.Matches = append(r.Matches, m)
	}
	for pi, pe := range pred {
		if !matched[pi] {
			r.FalseEvents = append(r.FalseEvents, falseEvent(g, lines, pe, pi))
		}
	}
	r.total()
	return r
}

func matchEvents(g *EventGold, lines []Interval, pred []event.Event) map[int]int {
	type cand struct{ g, p, tier, ov int }
	var cs []cand
	for gi, ge := range g.Events {
		gl := goldLines(ge.EvidenceLines, lines)
		for pi, pe := range pred {
			if ov := linesOverlapped(gl, predSpans(pe)); ov > 0 {
				cs = append(cs, cand{gi, pi, tier(ge, pe), ov})
			}
		}
	}
	req := func(c cand) int {
		if g.Events[c.g].Required {
			return 1
		}
		return 0
	}
	slices.SortFunc(cs, func(a, b cand) int {
		return cmp.Or(cmp.Compare(b.tier, a.tier), cmp.Compare(b.ov, a.ov), cmp.Compare(req(b), req(a)),
			cmp.Compare(a.g, b.g), cmp.Compare(a.p, b.p))
	})
	pairs := map[int]int{}
	used := make([]bool, len(pred))
	for _, c := range cs {
		if _, done := pairs[c.g]; done || used[c.p] {
			continue
		}
		pairs[c.g], used[c.p] = c.p, true
	}
	return pairs
}

func tier(g GoldEvent, p event.Event) int {
	switch {
	case slices.Contains(g.SubEventType, p.SubEventType):
		return 3
	case g.EventType == p.EventType:
		return 2
	}
	return 1
}

// lineSpans returns the byte range of every line of text: line n (1-based) is at index n-1.
func lineSpans(text string) []Interval {
	var out []Interval
	start := 0
	for {
		i := strings.IndexByte(text[start:], '\n')
		if i < 0 {
			return append(out, Interval{start, len(text)})
		}
		out = append(out, Interval{start, start + i})
		start += i + 1
	}
}

// goldLines maps 1-based line numbers to byte ranges, dropping numbers past the end of the text.
func goldLines(nums []int, lines []Interval) []Interval {
	var out []Interval
	for _, n := range nums {
		if n >= 1 && n <= len(lines) {
			out = append(out, lines[n-1])
		}
	}
	return out
}

// predSpans is a predicted event's evidence, or the spans of its values when it lists no evidence.
func predSpans(e event.Event) []Interval {
	var out []Interval
	add := func(s *event.Span) {
		if s != nil {
			out = append(out, Interval{s.Start, s.End})
		}
	}
	for i := range e.Evidence {
		add(&e.Evidence[i])
	}
	if len(out) > 0 {
		return out
	}
	if e.Date != nil {
		add(e.Date.Span)
	}
	if e.Location != nil {
		add(e.Location.Span)
	}
	if e.Fatalities != nil {
		add(e.Fatalities.Span)
	}
	for i := range e.Actors {
		add(e.Actors[i].Span)
	}
	for i := range e.Claims {
		add(&e.Claims[i].Span)
	}
	return out
}

// linesOverlapped counts the gold lines that some predicted span overlaps.
func linesOverlapped(gold, pred []Interval) int {
	n := 0
	for _, g := range gold {
		for _, p := range pred {
			if overlap(g, p) > 0 {
				n++
				break
			}
		}
	}
	return n
}

// lineNumbers lists the 1-based lines that the spans touch.
func lineNumbers(spans []Interval, lines []Interval) []int {
	var out []int
	for i, l := range lines {
		for _, s := range spans {
			if overlap(l, s) > 0 || (s.Start == s.End && s.Start >= l.Start && s.Start < l.End) {
				out = append(out, i+1)
				break
			}
		}
	}
	return out
}

func falseEvent(g *EventGold, lines []Interval, e event.Event, i int) FalseEvent {
	f := FalseEvent{Pred: predID(e, i), EventType: e.EventType, SubEventType: e.SubEventType,
		Lines: lineNumbers(predSpans(e), lines)}
	for _, ne := range g.NotEvents {
		if slices.Contains(f.Lines, ne.Line) {
			f.NotEventLines = append(f.NotEventLines, ne.Line)
		}
	}
	return f
}

func predID(e event.Event, i int) string {
	if e.ID != "" {
		return e.ID
	}
	return "#" + strconv.Itoa(i+1)
}
