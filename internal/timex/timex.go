package timex

import (
	"regexp"
	"sort"
	"strings"
	"time"

	"sitrep/internal/event"
)

// Expr is one date expression and the interval it denotes.
type Expr struct {
	Start, End int // UTF-8 byte offsets into the text given to Find (end exclusive)
	Text       string
	// From and To bound the interval, both days included; zero when not Resolved.
	From, To event.Date
	// Precision is event.PrecisionDay, PrecisionWeek, PrecisionMonth or PrecisionYear.
	Precision string
	// Resolved is false for a relative expression when no publication date is known.
	Resolved bool
	// Rule names the rule that matched, for --explain ("weekday", "last-month", "dmy"...).
	Rule string
	// Dateline marks the date of filing that heads a report ("KHARTOUM, July 6 (Reuters) -"): it dates the
	// report, not the events it tells of.
	Dateline bool
}

// When returns the expression as the event model's interval, or nil when it is not resolved.
func (e Expr) When() *event.When {
	if !e.Resolved {
		return nil
	}
	sp := event.Span{Start: e.Start, End: e.End, Text: e.Text}
	return &event.When{Start: e.From, End: e.To, Precision: e.Precision, Span: &sp}
}

// rule is one pattern and how its matches resolve.
type rule struct {
	name    string
	gate    func(string) bool // cheap test that the rule can match at all
	re      *regexp.Regexp
	resolve func(m []string, pub *event.Date) (Expr, bool)
	fold    bool // gate and match on ASCII-lower-cased text: literal bytes match faster than case folds
}

// Find returns every date expression of text, in order and without overlaps. published may be nil.
func Find(text string, published *event.Date) []Expr {
	var all []Expr
	if foldsToASCII(text) {
		all = findPlain(text, published)
	} else {
		all = findScanned(text, published)
	}
	out := nonOverlapping(all)
	for i := range out {
		out[i].Dateline = isDateline(text, out[i])
	}
	return refine(text, out, published)
}

// foldsToASCII reports a letter that folds to an ASCII one under (?i) ("K" Kelvin sign, "ſ"): such text takes
// the plain search, as the word scan does not see these letters.
func foldsToASCII(s string) bool {
	return strings.ContainsRune(s, '\u212a') || strings.ContainsRune(s, '\u017f')
}

// findPlain runs every rule whose gate passes over the whole text with the plain regexp search: the reference
// the word scan (findScanned) is checked against, and the search for text the scan cannot read (foldsToASCII).
func findPlain(text string, published *event.Date) []Expr {
	var all []Expr
	low := lowerASCII(text)
	for _, r := range rules {
		in := text
		if r.fold {
			in = low
		}
		if !r.gate(in) {
			continue
		}
		all = appendMatches(all, r, text, r.re.FindAllStringSubmatchIndex(in, -1), published)
	}
	return all
}

// appendMatches resolves the matches ix of r in text and appends those that resolve to all.
func appendMatches(all []Expr, r rule, text string, ixs [][]int, published *event.Date) []Expr {
	var m []string // the submatches of one match, reused for the next: no resolver keeps them
	for _, ix := range ixs {
		if n := len(ix) / 2; cap(m) < n {
			m = make([]string, n)
		} else {
			m = m[:n]
		}
		for k := range m {
			m[k] = ""
			if ix[2*k] >= 0 {
				m[k] = text[ix[2*k]:ix[2*k+1]]
			}
		}
		e, ok := r.resolve(m, published)
		if !ok {
			continue
		}
		e.Start, e.End, e.Text = ix[0], ix[1], text[ix[0]:ix[1]]
		if e.Rule == "" {
			e.Rule = r.name
		}
		all = append(all, e)
	}
	return all
}

func nonOverlapping(all []Expr) []Expr {
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].Start != all[j].Start {
			return all[i].Start < all[j].Start
		}
		return all[i].End > all[j].End
	})
	out := all[:0]
	end := -1
	for _, e := range all {
		if e.Start >= end {
			out = append(out, e)
			end = e.End
		} else if n := len(out); n > 0 && e.End-e.Start > out[n-1].End-out[n-1].Start && e.Start < out[n-1].End {
			// a longer expression overlapping the last one wins
			out[n-1] = e
			end = e.End
		}
	}
	return out
}

func day(d event.Date, rule string) Expr {
	return Expr{From: d, To: d, Precision: event.PrecisionDay, Resolved: true, Rule: rule}
}

func unresolved(prec, rule string) Expr { return Expr{Precision: prec, Rule: rule} }

func monthSpan(y int, m time.Month) (event.Date, event.Date) {
	first := event.NewDate(y, m, 1)
	return first, event.NewDate(y, m+1, 1).AddDays(-1)
}

// Refines reports whether e is a narrower interval inside coarse, both resolved: "on Thursday morning"
// refines "last week", "on 19 September" refines "in September". A date chooser can then keep the finer one.
func (e Expr) Refines(coarse Expr) bool {
	if !e.Resolved || !coarse.Resolved || e.From.Before(coarse.From.Time) || e.To.After(coarse.To.Time) {
		return false
	}
	return e.To.Sub(e.From.Time) < coarse.To.Sub(coarse.From.Time)
}
