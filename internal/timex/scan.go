package timex

import "regexp"

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
// can begin (ruleStarts).
type starter struct {
	at *regexp.Regexp
}

var starters = map[string]*starter{}

func init() {
	for _, r := range rules {
		starters[r.name] = &starter{at: regexp.MustCompile(`^(?:` + r.re.String() + `)`)}
	}
	initWords()
}

func isWordByte(c byte) bool {
	return c == '_' || isDigitByte(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}
