package timex

import (
	"regexp"
	"strings"
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
// can begin (ruleStarts); or, for a rule of fixed phrases, the phrases read without the regexp.
type starter struct {
	at   *regexp.Regexp
	alts phrases
}

var starters = map[string]*starter{}

func init() {
	for _, r := range rules {
		starters[r.name] = &starter{at: regexp.MustCompile(`^(?:` + r.re.String() + `)`)}
	}
	starters["relative"].alts = relativePhrases
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

// at returns what the pattern anchored at p of in returns as submatch offsets, the whole match and its one
// group, or nil.
func (ps phrases) at(in string, p int) []int {
	e := p
	for e < len(in) && isWordByte(in[e]) {
		e++
	}
next:
	for _, ws := range ps[in[p:e]] {
		i := e
		for _, w := range ws[1:] {
			j := i
			for j < len(in) && isSpace(in[j]) {
				j++
			}
			if j == i || !strings.HasPrefix(in[j:], w) {
				continue next
			}
			i = j + len(w)
		}
		if i == len(in) || !isWordByte(in[i]) {
			return []int{p, i, p, i}
		}
	}
	return nil
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

func isWordByte(c byte) bool {
	return c == '_' || isDigitByte(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}
