package timex

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"sitrep/internal/event"
)

const (
	monthRe   = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)`
	weekdayRe = `(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`
	numRe     = `(\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`
)

// rules in order; fold marks the rules run on ASCII-lower-cased text (their patterns are written in lower case).
var rules = []rule{
	{"iso", hasDigitDash, regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`), resolveISO, false},
	{"dmy", hasMonth, regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?` + monthRe + `(?:,?\s+(\d{4}))?\b`), resolveDMY, false},
	{"mdy", hasMonth, regexp.MustCompile(`\b` + monthRe + `\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?`), resolveMDY, false},
	{"month-year", hasMonth, regexp.MustCompile(`\b` + monthRe + `,?\s+(\d{4})\b`), resolveMonthYear, false},
	{"month", hasMonth, regexp.MustCompile(`\b(?i:(in|on|last|next|this|early|late|mid|since|during|until|by|from|through|throughout|earlier\s+in|late\s+in|early\s+in|in\s+early|in\s+late|in\s+mid))[\s-]+` + monthRe + `(?:,?\s+(\d{4})|\s+(\d{1,2})(?:st|nd|rd|th)?)?\b`), resolveMonth, false},
	{"year", hasYear, regexp.MustCompile(`\b(in|since|during|by|until|from|throughout|through|early|late|mid|of|before|after)[\s-]+((?:19|20)\d\d)\b`), resolveYear, true},
	{"decade", hasDecade, regexp.MustCompile(`\bthe\s+((?:19|20)\d)0s\b`), resolveDecade, false},
	{"weekday", hasWeekday, regexp.MustCompile(`\b(?:(?i:(every|each|last|on|this|early|late|early\s+on|late\s+on|since|past|next|until|by))\s+)?` + weekdayRe + `(?:\s+(morning|afternoon|evening|night))?\b`), resolveWeekday, false},
	{"relative", hasRelative, regexp.MustCompile(`\b(yesterday|today|tonight|overnight|last\s+night|this\s+(?:morning|afternoon|evening)|earlier\s+today|the\s+day\s+before\s+yesterday|the\s+day\s+before|(?:earlier|later|late|early)\s+this\s+(?:week|month|year)|(?:earlier|later)\s+in\s+the\s+(?:week|month|year)|this\s+(?:week|month|year)|last\s+(?:week|month|year)|(?:at|over|during)\s+the\s+weekend|(?:this|last)\s+weekend)\b`), resolveRelative, true},
	{"ago", hasAgo, regexp.MustCompile(`(?i)\b` + numRe + `\s+(day|week|month|year)s?\s+ago\b`), resolveAgo, false},
}

var monthNums = map[string]time.Month{}

func init() {
	for m := time.January; m <= time.December; m++ {
		n := m.String()
		monthNums[n] = m
		monthNums[n[:3]] = m
	}
	monthNums["Sept"] = time.September
}

func monthOf(s string) time.Month { return monthNums[strings.TrimSuffix(s, ".")] }

func validDay(y int, m time.Month, d int) bool {
	return d >= 1 && d <= 31 && event.NewDate(y, m, d).Day() == d
}

func resolveISO(m []string, _ *event.Date) (Expr, bool) {
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	if mo < 1 || mo > 12 || !validDay(y, time.Month(mo), d) {
		return Expr{}, false
	}
	return day(event.NewDate(y, time.Month(mo), d), "iso"), true
}

func resolveDMY(m []string, pub *event.Date) (Expr, bool) {
	d, _ := strconv.Atoi(m[1])
	return dayMonth(d, monthOf(m[2]), m[3], pub, "dmy")
}

func resolveMDY(m []string, pub *event.Date) (Expr, bool) {
	d, _ := strconv.Atoi(m[2])
	return dayMonth(d, monthOf(m[1]), m[3], pub, "mdy")
}

// dayMonth resolves a day of a month; without a year, the year that puts the date closest before publication
// (up to a month after it, for announced dates).
func dayMonth(d int, mo time.Month, year string, pub *event.Date, rule string) (Expr, bool) {
	if mo == 0 || d < 1 || d > 31 {
		return Expr{}, false
	}
	if year != "" {
		y, _ := strconv.Atoi(year)
		if !validDay(y, mo, d) {
			return Expr{}, false
		}
		return day(event.NewDate(y, mo, d), rule), true
	}
	if pub == nil {
		return unresolved(event.PrecisionDay, rule), true
	}
	y := pub.Year()
	if event.NewDate(y, mo, d).After(pub.AddDays(31).Time) {
		y--
	}
	if !validDay(y, mo, d) {
		return Expr{}, false
	}
	return day(event.NewDate(y, mo, d), rule), true
}

func resolveMonthYear(m []string, _ *event.Date) (Expr, bool) {
	mo := monthOf(m[1])
	y, _ := strconv.Atoi(m[2])
	if mo == 0 || y < 1800 || y > 2200 {
		return Expr{}, false
	}
	from, to := monthSpan(y, mo)
	return Expr{From: from, To: to, Precision: event.PrecisionMonth, Resolved: true}, true
}

// resolveMonth: "in September" is the latest September on or before publication; "last September" the latest
// before the publication month; "next September" the first after it.
func resolveMonth(m []string, pub *event.Date) (Expr, bool) {
	mo := monthOf(m[2])
	if mo == 0 {
		return Expr{}, false
	}
	if len(m[2]) <= 4 && !strings.HasSuffix(m[2], ".") && m[2] != "May" && m[2] != "June" && m[2] != "July" {
		return Expr{}, false // "in Mar" is too rare to trust
	}
	if m[4] != "" {
		return Expr{}, false // "on October 4" is a day (rule mdy)
	}
	if m[3] != "" { // "until May 2025": the year given
		e, ok := resolveMonthYear([]string{m[0], m[2], m[3]}, pub)
		e.Rule = "month-year"
		return e, ok
	}
	prep := strings.ToLower(m[1])
	rule := "month"
	if prep == "last" || prep == "next" {
		rule = prep + "-month-name"
	}
	if pub == nil {
		return unresolved(event.PrecisionMonth, rule), true
	}
	y := pub.Year()
	switch {
	case prep == "next":
		if mo <= pub.Month() {
			y++
		}
	case prep == "last":
		if mo >= pub.Month() {
			y--
		}
	case mo > pub.Month()+1:
		y--
	}
	from, to := monthSpan(y, mo)
	return Expr{From: from, To: to, Precision: event.PrecisionMonth, Resolved: true, Rule: rule}, true
}

func resolveYear(m []string, _ *event.Date) (Expr, bool) {
	y, _ := strconv.Atoi(m[2])
	return Expr{From: event.NewDate(y, 1, 1), To: event.NewDate(y, 12, 31), Precision: event.PrecisionYear,
		Resolved: true}, true
}

func resolveDecade(m []string, _ *event.Date) (Expr, bool) {
	y, _ := strconv.Atoi(m[1])
	y *= 10
	return Expr{From: event.NewDate(y, 1, 1), To: event.NewDate(y+9, 12, 31), Precision: event.PrecisionYear,
		Resolved: true}, true
}
