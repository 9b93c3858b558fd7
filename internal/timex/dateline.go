package timex

import (
	"regexp"
	"strings"

	"sitrep/internal/event"
)

var (
	// datelinePlaceRe is what may stand before the date on a dateline: a capitalised place and regions,
	// comma-separated ("KHARTOUM,", "BUTEMBO, DR Congo,"), or nothing.
	datelinePlaceRe = regexp.MustCompile(`^\s*(?:\p{Lu}[\p{L}\p{M}.'’ -]{0,40}(?:,\s*\p{Lu}[\p{L}\p{M}.'’ -]{0,30}){0,2},\s*)?$`)
	// datelineTailRe is what follows the date: an optional year, a news agency in parentheses or slashes, then
	// a dash ("July 6 (Reuters) -", "Oct. 5 —", "October 5. /TASS/.").
	datelineTailRe = regexp.MustCompile(`^(?:,?\s+\d{4})?\.?\s*(?:(?:\([^()\n]{1,40}\)|/[^/\n]{1,20}/)\s*(?:--|[-–—:.])|--|[-–—])`)
)

// isDateline reports whether e heads a line as the date of a dateline.
func isDateline(text string, e Expr) bool {
	if e.Precision != event.PrecisionDay {
		return false
	}
	ls := strings.LastIndexByte(text[:e.Start], '\n') + 1
	if e.Start-ls > 80 || !mayBeTail(text[e.End:]) || !datelineTailRe.MatchString(text[e.End:]) {
		return false
	}
	return datelinePlaceRe.MatchString(text[ls:e.Start])
}

// mayBeTail is a cheap test that datelineTailRe can match s: after the commas, spaces, digits and periods its
// optional year and period take, a dateline's tail goes on with a parenthesis, a slash or a dash.
func mayBeTail(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ',', '.', ' ', '\t', '\n', '\f', '\r', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		default:
			return c == '(' || c == '/' || c == '-' || c == 0xe2 // – and — start with 0xe2
		}
	}
	return false
}

// Anchor returns the day relative dates of text are best resolved against: the date of its dateline when the
// text opens with one that lies in the week up to publication (a report filed the day before it was
// published), else published. It returns nil when published is nil.
func Anchor(text string, published *event.Date) *event.Date {
	if published == nil {
		return nil
	}
	head := text
	if len(head) > 400 {
		head = head[:400]
	}
	for _, e := range Find(head, published) {
		if !e.Dateline || !e.Resolved {
			continue
		}
		if d := e.From; !d.After(published.Time) && !d.Before(published.AddDays(-7).Time) {
			return &d
		}
		break
	}
	return published
}
