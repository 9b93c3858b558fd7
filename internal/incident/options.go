package incident

import "sitrep/internal/event"

// Options are the thresholds of a Merger. A zero field takes its default (DefaultOptions).
type Options struct {
	// ExactKm, NearKm and RegionKm are the largest distances between two places for a merge, chosen by the
	// coarser of the two places' precisions. Country-precision places merge only within the same country.
	ExactKm, NearKm, RegionKm float64
	// DaySlack, WeekSlack, MonthSlack and YearSlack are the days by which two date intervals may miss each other
	// and still match, chosen by the coarser precision ("last night" vs "yesterday" is one day off). Negative
	// means no slack.
	DaySlack, WeekSlack, MonthSlack, YearSlack int
	// MinScore is the lowest score at which Assign merges.
	MinScore float64
}

// DefaultOptions are the thresholds documented in docs/incidents.md.
func DefaultOptions() Options {
	return Options{
		ExactKm: 10, NearKm: 25, RegionKm: 100,
		DaySlack: 1, WeekSlack: 1, MonthSlack: -1, YearSlack: -1,
		MinScore: 0.6,
	}
}

// filled returns o with its zero fields set to the defaults.
func (o Options) filled() Options {
	d := DefaultOptions()
	pick := func(v, def float64) float64 {
		if v == 0 {
			return def
		}
		return v
	}
	pickInt := func(v, def int) int {
		if v == 0 {
			return def
		}
		return v
	}
	return Options{
		ExactKm: pick(o.ExactKm, d.ExactKm), NearKm: pick(o.NearKm, d.NearKm), RegionKm: pick(o.RegionKm, d.RegionKm),
		DaySlack: pickInt(o.DaySlack, d.DaySlack), WeekSlack: pickInt(o.WeekSlack, d.WeekSlack),
		MonthSlack: pickInt(o.MonthSlack, d.MonthSlack), YearSlack: pickInt(o.YearSlack, d.YearSlack),
		MinScore: pick(o.MinScore, d.MinScore),
	}
}

// slackDays is the date slack for a precision (never negative).
func (o Options) slackDays(precision string) int {
	s := 0
	switch precision {
	case event.PrecisionDay:
		s = o.DaySlack
	case event.PrecisionWeek:
		s = o.WeekSlack
	case event.PrecisionMonth:
		s = o.MonthSlack
	case event.PrecisionYear:
		s = o.YearSlack
	}
	return max(s, 0)
}

// limitKm is the merge distance for a place precision; 0 for country precision (same country only).
func (o Options) limitKm(precision string) float64 {
	switch precision {
	case event.LocExact:
		return o.ExactKm
	case event.LocNear:
		return o.NearKm
	case event.LocCountry:
		return 0
	}
	return o.RegionKm
}

// MaxDateSlack is the most days by which two date intervals may miss each other and still merge, over every
// precision: a store looking for candidates needs no incident further away in time.
func (o Options) MaxDateSlack() int {
	f := o.filled()
	return max(f.slackDays(event.PrecisionDay), f.slackDays(event.PrecisionWeek),
		f.slackDays(event.PrecisionMonth), f.slackDays(event.PrecisionYear))
}
