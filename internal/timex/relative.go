package timex

import (
	"strconv"
	"strings"
	"time"

	"sitrep/internal/event"
)

var weekdays = map[string]time.Weekday{"Sunday": time.Sunday, "Monday": time.Monday, "Tuesday": time.Tuesday,
	"Wednesday": time.Wednesday, "Thursday": time.Thursday, "Friday": time.Friday, "Saturday": time.Saturday}

// resolveWeekday: the most recent such weekday on or before publication; the publication weekday itself is
// the publication day unless "last"; "next Tuesday" is after publication; "since Friday" runs to publication.
func resolveWeekday(m []string, pub *event.Date) (Expr, bool) {
	prep := strings.ToLower(strings.Join(strings.Fields(m[1]), " "))
	if prep == "every" || prep == "each" {
		return Expr{}, false
	}
	rule := "weekday-past"
	switch prep {
	case "last", "next", "since", "this":
		rule = "weekday-" + prep
	}
	if m[3] == "night" {
		rule += "-night"
	}
	if pub == nil {
		return unresolved(event.PrecisionDay, rule), true
	}
	wd := weekdays[m[2]]
	back := (int(pub.Weekday()) - int(wd) + 7) % 7
	if prep == "last" && back == 0 {
		back = 7
	}
	if prep == "next" {
		return day(pub.AddDays((int(wd)-int(pub.Weekday())+6)%7+1), rule), true
	}
	d := pub.AddDays(-back)
	e := day(d, rule)
	if prep == "since" {
		e.To, e.Precision = *pub, event.PrecisionWeek
	}
	return e, true
}

// weekStart is the Monday of d's week.
func weekStart(d event.Date) event.Date { return d.AddDays(-((int(d.Weekday()) + 6) % 7)) }

func resolveRelative(m []string, pub *event.Date) (Expr, bool) {
	p := strings.ToLower(strings.Join(strings.Fields(m[1]), " "))
	rule := strings.ReplaceAll(p, " ", "-")
	p = strings.Replace(p, " in the ", " this ", 1) // "earlier in the week" is "earlier this week"
	if pub == nil {
		return unresolved(relPrecision(p), rule), true
	}
	d := *pub
	e := Expr{From: d, To: d, Precision: event.PrecisionDay, Resolved: true, Rule: rule}
	switch {
	case p == "the day before yesterday":
		e.From, e.To = d.AddDays(-2), d.AddDays(-2)
	case p == "yesterday" || p == "last night" || p == "the day before":
		e.From, e.To = d.AddDays(-1), d.AddDays(-1)
	case p == "overnight":
		e.From = d.AddDays(-1)
	case strings.HasSuffix(p, "weekend"):
		sat := d.AddDays(-((int(d.Weekday()) + 1) % 7)) // latest Saturday on or before d
		if p == "last weekend" && d.Sub(sat.Time) < 48*time.Hour {
			sat = sat.AddDays(-7)
		}
		e.From, e.To, e.Precision = sat, minDate(sat.AddDays(1), d), event.PrecisionWeek
	case p == "last week":
		ws := weekStart(d).AddDays(-7)
		e.From, e.To, e.Precision = ws, ws.AddDays(6), event.PrecisionWeek
	case strings.HasSuffix(p, "week"):
		e.From, e.Precision = weekStart(d), event.PrecisionWeek
	case p == "last month":
		e.From, e.To = monthSpan(d.Year(), d.Month()-1)
		e.Precision = event.PrecisionMonth
	case strings.HasSuffix(p, "month"):
		e.From, e.Precision = event.NewDate(d.Year(), d.Month(), 1), event.PrecisionMonth
	case p == "last year":
		e.From, e.To, e.Precision = event.NewDate(d.Year()-1, 1, 1), event.NewDate(d.Year()-1, 12, 31), event.PrecisionYear
	case strings.HasSuffix(p, "year"):
		e.From, e.Precision = event.NewDate(d.Year(), 1, 1), event.PrecisionYear
	}
	return e, true
}

func relPrecision(p string) string {
	switch {
	case strings.HasSuffix(p, "week"), strings.HasSuffix(p, "weekend"):
		return event.PrecisionWeek
	case strings.HasSuffix(p, "month"):
		return event.PrecisionMonth
	case strings.HasSuffix(p, "year"):
		return event.PrecisionYear
	}
	return event.PrecisionDay
}

func minDate(a, b event.Date) event.Date {
	if a.Before(b.Time) {
		return a
	}
	return b
}

var smallNums = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

// resolveAgo: "three days ago" is that day; "two weeks ago" the week around that day; months and years likewise.
func resolveAgo(m []string, pub *event.Date) (Expr, bool) {
	n, ok := smallNums[strings.ToLower(m[1])]
	if !ok {
		var err error
		if n, err = strconv.Atoi(m[1]); err != nil {
			return Expr{}, false
		}
	}
	unit := strings.ToLower(m[2])
	rule := unit + "s-ago"
	if pub == nil {
		return unresolved(relPrecision(unit), rule), true
	}
	d := *pub
	switch unit {
	case "day":
		return day(d.AddDays(-n), rule), true
	case "week":
		c := d.AddDays(-7 * n)
		return Expr{From: c.AddDays(-3), To: minDate(c.AddDays(3), d), Precision: event.PrecisionWeek, Resolved: true, Rule: rule}, true
	case "month":
		from, to := monthSpan(d.Year(), d.Month()-time.Month(n))
		return Expr{From: from, To: to, Precision: event.PrecisionMonth, Resolved: true, Rule: rule}, true
	}
	y := d.Year() - n
	return Expr{From: event.NewDate(y, 1, 1), To: event.NewDate(y, 12, 31), Precision: event.PrecisionYear, Resolved: true, Rule: rule}, true
}
