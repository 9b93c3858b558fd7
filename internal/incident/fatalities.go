package incident

import (
	"slices"

	"sitrep/internal/event"
	"sitrep/internal/numbers"
)

// figure is one report's fatality count read as a range.
type figure struct {
	low, best, high int
	// floor is set when the report states a minimum ("at least 20", "more than 20").
	floor bool
	// at is the report's index in the independent reports, for recency.
	at int
	// revised is set when the report gives an updated toll ("the death toll has risen to 27").
	revised bool
}

// figureOf reads a report's fatality count; ok is false when it has no figure.
func figureOf(c *event.Count, at int) (figure, bool) {
	if c == nil {
		return figure{}, false
	}
	v := func(ps ...*int) (int, bool) {
		for _, p := range ps {
			if p != nil {
				return *p, true
			}
		}
		return 0, false
	}
	best, ok := v(c.Best, c.Low, c.High)
	if !ok {
		return figure{}, false
	}
	low, _ := v(c.Low, c.Best, c.High)
	high, _ := v(c.High, c.Best, c.Low)
	floor := c.Qualifier == numbers.AtLeast || c.Qualifier == numbers.MoreThan
	return figure{low: min(low, best), best: best, high: max(high, best), floor: floor, at: at,
		revised: c.Revised}, true
}

// reconcileFatalities computes the incident's fatalities from its independent reports (docs/incidents.md):
// per source, the latest figure counts. A revised toll ("the death toll has risen to 27") supersedes every
// figure reported before it, from any source. best is the latest figure when it is the highest (tolls rise) or
// revised, else the lower median of the sources' figures; low is the lowest source figure, raised to the
// highest minimum any standing report states ("at least 20"); high is the highest figure; low <= best <= high.
func reconcileFatalities(rs []event.Report) *event.Count {
	figs := latestFigures(rs)
	if len(figs) == 0 {
		return nil
	}
	rev, revised := newestRevised(rs, figs)
	if revised {
		figs = slices.DeleteFunc(figs, func(f figure) bool { return newer(rs[rev.at], rev.at, rs[f.at], f.at) })
	}
	floor := 0
	for i, r := range rs {
		f, ok := figureOf(r.Event.Fatalities, i)
		if ok && f.floor && (!revised || !newer(rs[rev.at], rev.at, r, i)) {
			floor = max(floor, f.low)
		}
	}
	low, best, high := spread(rs, figs)
	low = max(low, floor)
	best = max(best, low)
	high = max(high, best)
	c := &event.Count{Low: &low, Best: &best, High: &high, Revised: revised}
	if low != high {
		c.Qualifier = numbers.Range
	}
	return c
}

// latestFigures returns each source's latest figure, in the order the sources first appear.
func latestFigures(rs []event.Report) []figure {
	latest := map[string]figure{}
	var order []string
	for i, r := range rs {
		f, ok := figureOf(r.Event.Fatalities, i)
		if !ok {
			continue
		}
		k := sourceKey(r)
		prev, seen := latest[k]
		if !seen {
			order = append(order, k)
		}
		if !seen || newer(r, i, rs[prev.at], prev.at) {
			latest[k] = f
		}
	}
	figs := make([]figure, len(order))
	for i, k := range order {
		figs[i] = latest[k]
	}
	return figs
}

// newestRevised returns the newest of figs that is a revised toll; ok is false when none is.
func newestRevised(rs []event.Report, figs []figure) (rev figure, ok bool) {
	for _, f := range figs {
		if f.revised && (!ok || newer(rs[f.at], f.at, rs[rev.at], rev.at)) {
			rev, ok = f, true
		}
	}
	return rev, ok
}

// spread returns the lowest low, the best estimate and the highest high of the sources' latest figures.
func spread(rs []event.Report, figs []figure) (low, best, high int) {
	last := figs[0]
	low, high = last.low, last.high
	bests := make([]int, 0, len(figs))
	for _, f := range figs {
		low, high = min(low, f.low), max(high, f.high)
		bests = append(bests, f.best)
		if newer(rs[f.at], f.at, rs[last.at], last.at) {
			last = f
		}
	}
	slices.Sort(bests)
	if last.revised || last.best >= bests[len(bests)-1] {
		return low, last.best, high
	}
	return low, bests[(len(bests)-1)/2], high
}
