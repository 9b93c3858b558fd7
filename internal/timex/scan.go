package timex

import (
	"regexp"
	"strings"

	"sitrep/internal/text"
)

// ruleStarts lists, per rule, every first word its pattern can start with (lower case); "#" stands for a digit.
var ruleStarts = map[string]string{
	"iso":        "#",
	"dmy":        "#",
	"mdy":        monthWords,
	"month-year": monthWords,
	"month": "in on last next this early late mid since during until by from through throughout earlier " +
		monthWords,
	"year":   "in since during by until from throughout through early late mid of before after",
	"decade": "the",
	"weekday": "every each last on this early late since past next until by " +
		"monday tuesday wednesday thursday friday saturday sunday",
	"relative": "yesterday today tonight overnight last this earlier the later late early at over during",
	"ago":      "# an a one two three four five six seven eight nine ten eleven twelve",
}

const monthWords = "january february march april may june july august september october november december " +
	"jan feb mar apr jun jul aug sep sept oct nov dec"

// starter holds a rule's pattern anchored at a word start, tried by the word scan (findAt) only where the rule
// can begin (ruleStarts); or the pattern read by hand (match: the fixed phrases, iso, weekday, mdy and
// month-year), without the regexp.
type starter struct {
	at *regexp.Regexp
	// match, when set, is at written out: it returns the submatch offsets of at on in[p:], shifted by p.
	match func(in string, p int) []int
	// may, when set, is a cheap test that at can match at p: false spares the regexp.
	may func(in string, p int) bool
}

var starters = map[string]*starter{}

func init() {
	for _, r := range rules {
		starters[r.name] = &starter{at: regexp.MustCompile(`^(?:` + r.re.String() + `)`)}
	}
	starters["relative"].match = relativePhrases.at
	starters["weekday"].match = weekdayAt
	starters["iso"].match = isoAt
	starters["mdy"].match = mdyAt
	starters["month-year"].match = monthYearAt
	for _, r := range []string{"dmy", "month"} {
		starters[r].may = monthSoon // "5th of September", "earlier in September", "mid-September"
	}
	starters["year"].may = yearNext // "in 2014", "mid-2015"
	starters["ago"].may = agoThird  // "three days ago"
	initWords()
}

// relativePhrases are the alternatives of the relative rule's pattern, \b(alternatives)\b, in its order.
var relativePhrases = newPhrases("yesterday", "today", "tonight", "overnight", "last night",
	"this morning|afternoon|evening", "earlier today", "the day before yesterday", "the day before",
	"earlier|later|late|early this week|month|year", "earlier|later in the week|month|year",
	"this week|month|year", "last week|month|year", "at|over|during the weekend", "this|last weekend")

// phrases holds the alternatives of a pattern \b(alt1|alt2|...)\b, each words apart by \s+, on lower-case
// text, by their first word and in the pattern's order.
type phrases map[string][][]string

// newPhrases expands each form, words apart by a space, a word "a|b" a choice (the first choice varying
// slowest, as a backtracking search tries them), into the phrases.
func newPhrases(forms ...string) phrases {
	ps := phrases{}
	var expand func(done, rest []string)
	expand = func(done, rest []string) {
		if len(rest) == 0 {
			ps[done[0]] = append(ps[done[0]], done)
			return
		}
		for _, w := range strings.Split(rest[0], "|") {
			expand(append(done[:len(done):len(done)], w), rest[1:])
		}
	}
	for _, f := range forms {
		expand(nil, strings.Fields(f))
	}
	return ps
}

// at returns what the pattern anchored at p of lowerASCII(in) returns as submatch offsets, the whole match and
// its one group, or nil: it ignores ASCII case.
func (ps phrases) at(in string, p int) []int {
	var key [16]byte
	e := p
	for e < len(in) && text.IsWordByte(in[e]) {
		if e-p == len(key) {
			return nil // longer than any phrase word
		}
		c := in[e]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		key[e-p] = c
		e++
	}
	for _, ws := range ps[string(key[:e-p])] {
		if i := text.WordsAt(in, p, ws); i >= 0 {
			return []int{p, i, p, i}
		}
	}
	return nil
}

// weekdayPreps are the words that may come before a weekday in the weekday rule, in its pattern's order.
var weekdayPreps = [][]string{{"every"}, {"each"}, {"last"}, {"on"}, {"this"}, {"early"}, {"late"}, {"early", "on"},
	{"late", "on"}, {"since"}, {"past"}, {"next"}, {"until"}, {"by"}}

// weekdayNames and dayParts as the weekday rule writes them.
var (
	weekdayNames = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	dayParts     = []string{"morning", "afternoon", "evening", "night"}
)

// weekdayAt is the weekday rule's pattern anchored at p of in, read by hand in the order a backtracking search
// takes: a preposition in any case (then \s+) or none, a weekday, then \s+ and a part of the day or none, and
// \b. The submatches are the preposition, the weekday and the part of the day.
func weekdayAt(in string, p int) []int {
	for _, ws := range weekdayPreps {
		i := p
		for k, w := range ws {
			if k > 0 {
				j := text.SkipSpaces(in, i)
				if j == i {
					i = -1
					break
				}
				i = j
			}
			if !text.HasPrefixLower(in[i:], w) {
				i = -1
				break
			}
			i += len(w)
		}
		if i < 0 {
			continue
		}
		if j := text.SkipSpaces(in, i); j > i {
			if m := weekdayTail(in, j); m != nil {
				m[0], m[2], m[3] = p, p, i
				return m
			}
		}
	}
	if m := weekdayTail(in, p); m != nil {
		m[2], m[3] = -1, -1
		return m
	}
	return nil
}

// weekdayTail reads a weekday and an optional part of the day at i, and sets m[0:2] and m[4:8].
func weekdayTail(in string, i int) []int {
	for _, d := range weekdayNames {
		if !strings.HasPrefix(in[i:], d) {
			continue
		}
		e := i + len(d)
		if k := text.SkipSpaces(in, e); k > e {
			for _, part := range dayParts {
				if pe := k + len(part); strings.HasPrefix(in[k:], part) && endsWord(in, pe) {
					return []int{i, pe, 0, 0, i, e, k, pe}
				}
			}
		}
		if endsWord(in, e) {
			return []int{i, e, 0, 0, i, e, -1, -1}
		}
		return nil // no weekday name begins another
	}
	return nil
}

// endsWord is \b at i after a word byte.
func endsWord(in string, i int) bool { return i == len(in) || !text.IsWordByte(in[i]) }

// isoAt is the iso rule's pattern anchored at p of in, \b(\d{4})-(\d{2})-(\d{2})\b, read by hand.
func isoAt(in string, p int) []int {
	if len(in)-p < 10 || in[p+4] != '-' || in[p+7] != '-' || !endsWord(in, p+10) ||
		!digitsAt(in, p, 4) || !digitsAt(in, p+5, 2) || !digitsAt(in, p+8, 2) {
		return nil
	}
	return []int{p, p + 10, p, p + 4, p + 5, p + 7, p + 8, p + 10}
}

// monthAlts are the alternatives of monthRe in its order, each optional period or letter present first (a
// backtracking search tries "Jan." before "Jan", "Sept." and "Sept" before "Sep." and "Sep").
var monthAlts = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September",
	"October", "November", "December", "Jan.", "Jan", "Feb.", "Feb", "Mar.", "Mar", "Apr.", "Apr", "Jun.", "Jun",
	"Jul.", "Jul", "Aug.", "Aug", "Sept.", "Sept", "Sep.", "Sep", "Oct.", "Oct", "Nov.", "Nov", "Dec.", "Dec"}

// mdyAt is the mdy rule's pattern anchored at p of in, read by hand in the order a backtracking search takes:
// \b, a month (monthAlts), \s+, one or two digits (two first), an ordinal suffix or none, \b, then a year
// (an optional comma, \s+, four digits, \b) or none. The submatches are the month, the day and the year. The
// regexp took about 2.5 us a call, at the month names of most sentences that report an event.
func mdyAt(in string, p int) []int {
	for _, m := range monthAlts {
		if !strings.HasPrefix(in[p:], m) {
			continue
		}
		q := p + len(m)
		ds := text.SkipSpaces(in, q)
		if ds == q {
			continue
		}
		for n := 2; n >= 1; n-- {
			de := ds + n
			if !digitsAt(in, ds, n) {
				continue
			}
			for _, e := range [...]int{ordinalEnd(in, de), de} {
				if e < 0 || !endsWord(in, e) {
					continue
				}
				if ys, ye := yearAfter(in, e); ys >= 0 {
					return []int{p, ye, p, q, ds, de, ys, ye}
				}
				return []int{p, e, p, q, ds, de, -1, -1}
			}
		}
	}
	return nil
}

// monthYearAt is the month-year rule's pattern anchored at p of in, read by hand: \b, a month (monthAlts), an
// optional comma, \s+, four digits, \b. The submatches are the month and the year.
func monthYearAt(in string, p int) []int {
	for _, m := range monthAlts {
		if !strings.HasPrefix(in[p:], m) {
			continue
		}
		q := p + len(m)
		if ys, ye := yearAfter(in, q); ys >= 0 {
			return []int{p, ye, p, q, ys, ye}
		}
	}
	return nil
}

// yearAfter reads ,?\s+(\d{4})\b at i of in and returns the digits' bounds, or -1. The comma is taken when
// present: without it, \s+ would have to match the comma.
func yearAfter(in string, i int) (int, int) {
	j := i
	if j < len(in) && in[j] == ',' {
		j++
	}
	ys := text.SkipSpaces(in, j)
	if ys == j || !digitsAt(in, ys, 4) || !endsWord(in, ys+4) {
		return -1, -1
	}
	return ys, ys + 4
}

// digitsAt reports n ASCII digits at i of in.
func digitsAt(in string, i, n int) bool {
	if len(in)-i < n {
		return false
	}
	for k := i; k < i+n; k++ {
		if !isDigitByte(in[k]) {
			return false
		}
	}
	return true
}

// ordinalEnd returns the end of the ordinal suffix (st, nd, rd, th) at i of in, or -1.
func ordinalEnd(in string, i int) int {
	if len(in)-i >= 2 {
		switch in[i : i+2] {
		case "st", "nd", "rd", "th":
			return i + 2
		}
	}
	return -1
}

// nextWord returns where the word after the word at p starts, past a run of \s and '-', or -1 when another
// byte comes first or the text ends.
func nextWord(in string, p int) int {
	for p < len(in) && text.IsWordByte(in[p]) {
		p++
	}
	for p < len(in) && (text.IsSpaceByte(in[p]) || in[p] == '-') {
		p++
	}
	if p == len(in) || !text.IsWordByte(in[p]) {
		return -1
	}
	return p
}

// monthSoon: the second or third word from p starts as a month name of monthRe does. In the dmy and month
// rules the words before the month (a day and "of", a preposition of one or two words) are apart by \s+ or
// [\s-]+.
func monthSoon(in string, p int) bool {
	for k := 0; k < 2; k++ {
		if p = nextWord(in, p); p < 0 {
			return false
		}
		if len(in)-p >= 3 {
			if _, ok := monthNums[in[p:p+3]]; ok {
				return true
			}
		}
	}
	return false
}

// yearNext: the word after the preposition at p starts with 19 or 20.
func yearNext(in string, p int) bool {
	p = nextWord(in, p)
	return p >= 0 && len(in)-p >= 2 && (in[p] == '1' && in[p+1] == '9' || in[p] == '2' && in[p+1] == '0')
}

// agoThird: the third word from p is "ago" in any case.
func agoThird(in string, p int) bool {
	for k := 0; k < 2 && p >= 0; k++ {
		p = nextWord(in, p)
	}
	return p >= 0 && text.HasPrefixLower(in[p:], "ago")
}
