package incident

import (
	"fmt"

	"sitrep/internal/event"
)

// precisionRank orders date precisions from finest to coarsest; unknown precisions rank coarsest.
var precisionRank = map[string]int{
	event.PrecisionDay: 0, event.PrecisionWeek: 1, event.PrecisionMonth: 2, event.PrecisionYear: 3,
}

// datePrecisionValue is what an overlap is worth when the coarser of the two dates has this precision.
var datePrecisionValue = map[string]float64{
	event.PrecisionDay: 1, event.PrecisionWeek: 0.7, event.PrecisionMonth: 0.4, event.PrecisionYear: 0.15,
}

// interval returns a date's first and last day (End defaults to Start).
func interval(w *event.When) (event.Date, event.Date) {
	if w.End.IsZero() || w.End.Before(w.Start.Time) {
		return w.Start, w.Start
	}
	return w.Start, w.End
}

// coarserDate returns the coarser of two date precisions.
func coarserDate(a, b string) string {
	ra, ok := precisionRank[a]
	if !ok {
		ra = 4
	}
	rb, ok := precisionRank[b]
	if !ok {
		rb = 4
	}
	if rb > ra {
		return b
	}
	return a
}

// compareDates compares two date intervals: they must overlap, or miss by no more than the slack of the
// coarser precision. A coarse date matches a fine one inside it, for a lower value.
func compareDates(o Options, a, b *event.When) criterion {
	if a == nil || b == nil || a.Start.IsZero() || b.Start.IsZero() {
		return criterion{value: 0.2, reason: "date unknown on one side"}
	}
	as, ae := interval(a)
	bs, be := interval(b)
	prec := coarserDate(a.Precision, b.Precision)
	v, ok := datePrecisionValue[prec]
	if !ok {
		v = 0.15
	}
	lo, hi := later(as, bs), earlier(ae, be)
	if !lo.After(hi.Time) {
		return criterion{value: v, reason: fmt.Sprintf("dates overlap %s..%s", lo, hi)}
	}
	gap, slack := dateGap(o, a, b)
	if gap <= slack {
		return criterion{value: v * 0.75, reason: fmt.Sprintf("dates %d day(s) apart, within the slack of %d", gap, slack)}
	}
	return criterion{reason: fmt.Sprintf("dates %d day(s) apart (%s..%s vs %s..%s)", gap, as, ae, bs, be), veto: true}
}

// later returns the later of two dates.
func later(a, b event.Date) event.Date {
	if b.After(a.Time) {
		return b
	}
	return a
}

// earlier returns the earlier of two dates.
func earlier(a, b event.Date) event.Date {
	if b.Before(a.Time) {
		return b
	}
	return a
}

// dateGap returns the days between two known date intervals (0 when they overlap) and the slack allowed.
func dateGap(o Options, a, b *event.When) (gap, slack int) {
	as, ae := interval(a)
	bs, be := interval(b)
	lo, hi := later(as, bs), earlier(ae, be)
	if lo.After(hi.Time) {
		gap = int(lo.Sub(hi.Time).Hours()/24 + 0.5)
	}
	return gap, max(o.slackDays(a.Precision), o.slackDays(b.Precision))
}
