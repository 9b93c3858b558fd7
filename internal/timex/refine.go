package timex

import (
	"regexp"
	"strings"
	"time"

	"sitrep/internal/event"

	"sitrep/internal/text"
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
	return futureIn(w[strings.LastIndexAny(w, ".;!?")+1:])
}

// futureForms are the forms of futureRe after \b, by first letter, words apart by \s+.
var futureForms = func() (t [256][][]string) {
	for _, f := range []string{"will", "shall", "won't", "is due", "are due", "due to", "expected to",
		"scheduled to", "scheduled for", "planned for", "plans to", "plan to", "set to", "going to", "to be held",
		"takes effect", "take effect", "comes into force", "comes into effect", "come into force",
		"come into effect", "to take effect", "to come into force", "to come into effect"} {
		t[f[0]] = append(t[f[0]], strings.Fields(f))
	}
	return t
}()

// futureIn is futureRe.MatchString(s) for s without . ; ! or ?: a form of futureRe at a word start, or "'ll",
// then a word end, in any case. Text with a letter that folds to an ASCII one ("K" Kelvin sign, "ſ") takes
// the regexp.
func futureIn(s string) bool {
	if foldsToASCII(s) {
		return futureRe.MatchString(s)
	}
	for p := 0; p < len(s); p++ {
		c := s[p]
		if c == '\'' && text.HasPrefixLower(s[p+1:], "ll") && endsWord(s, p+3) {
			return true
		}
		if !text.IsWordByte(c) || (p > 0 && text.IsWordByte(s[p-1])) {
			continue
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		for _, ws := range futureForms[c] {
			if text.WordsAt(s, p, ws) >= 0 {
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
