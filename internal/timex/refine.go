package timex

import (
	"regexp"
	"strings"
	"time"

	"sitrep/internal/event"
)

// futureRe ends the clause before a weekday when it is said of a coming day: "the council will meet on
// Tuesday", "the truce takes effect on Tuesday", "talks are due to resume on Monday".
var futureRe = regexp.MustCompile(`(?i)(?:\b(?:will|shall|won't|is\s+due|are\s+due|due\s+to|expected\s+to|scheduled\s+(?:to|for)|planned\s+for|plans?\s+to|set\s+to|going\s+to|to\s+be\s+held|takes?\s+effect|comes?\s+into\s+(?:force|effect)|to\s+take\s+effect|to\s+come\s+into\s+(?:force|effect))|'ll)\b[^.;!?]*$`)

// refine adjusts weekdays to their context: said of the future they are the next such day; "on Tuesday
// last week" is the Tuesday of last week.
func refine(text string, xs []Expr, pub *event.Date) []Expr {
	if pub == nil {
		return xs
	}
	for i := range xs {
		x := &xs[i]
		if !strings.HasPrefix(x.Rule, "weekday-past") {
			continue
		}
		wd, ok := weekdayIn(x.Text)
		if !ok {
			continue
		}
		switch {
		case future(text, x.Start):
			d := pub.AddDays((int(wd) - int(pub.Weekday()) + 7) % 7)
			x.From, x.To, x.Rule = d, d, strings.Replace(x.Rule, "weekday-past", "weekday-future", 1)
		case i+1 < len(xs) && xs[i+1].Rule == "last-week" && strings.Trim(text[x.End:xs[i+1].Start], " ,") == "":
			d := xs[i+1].From.AddDays((int(wd) + 6) % 7) // From is a Monday
			x.From, x.To, x.Rule = d, d, strings.Replace(x.Rule, "weekday-past", "weekday-last-week", 1)
		}
	}
	return xs
}

// future reports a future-tense marker in the clause before pos (at most 60 bytes back): it is what
// futureRe.MatchString(text[max(0, pos-60):pos]) reports. A match of futureRe lies after the last . ; ! or ? of
// its input, as it holds none of them and none may follow it, so only that last clause is searched.
func future(text string, pos int) bool {
	w := text[max(0, pos-60):pos]
	w = w[strings.LastIndexAny(w, ".;!?")+1:]
	return mayBeFuture(w) && futureRe.MatchString(w)
}

// futureAnchors holds a word of every form of futureRe that begins a word wherever the form matches (after
// \b or \s+).
var futureAnchors = []string{"will", "shall", "won't", "due", "expected", "scheduled", "plan", "set", "going",
	"held", "effect", "into"}

// mayBeFuture is a cheap test that futureRe can match s: "'ll" or an anchor at the start of a word. Text with a
// letter that folds to an ASCII one ("K" Kelvin sign, "ſ") may always match.
func mayBeFuture(s string) bool {
	if foldsToASCII(s) || strings.Contains(s, "'ll") || strings.Contains(s, "'LL") || strings.Contains(s, "'lL") ||
		strings.Contains(s, "'Ll") {
		return true
	}
	for p := 0; p < len(s); p++ {
		if !isWordByte(s[p]) || (p > 0 && isWordByte(s[p-1])) {
			continue
		}
		for _, a := range futureAnchors {
			if s[p]|0x20 == a[0] && len(s)-p >= len(a) && strings.EqualFold(s[p:p+len(a)], a) {
				return true
			}
		}
	}
	return false
}

// weekdayIn returns the weekday named in s.
func weekdayIn(s string) (wd time.Weekday, ok bool) {
	for name, d := range weekdays {
		if strings.Contains(s, name) {
			return d, true
		}
	}
	return 0, false
}
