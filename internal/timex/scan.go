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

// starter picks the word starts where a rule's pattern is tried, and holds the pattern anchored there.
type starter struct {
	words map[string]bool
	digit bool
	at    *regexp.Regexp
}

var starters = map[string]*starter{}

func init() {
	for _, r := range rules {
		st := &starter{words: map[string]bool{}, at: regexp.MustCompile(`^(?:` + r.re.String() + `)`)}
		for _, w := range strings.Fields(ruleStarts[r.name]) {
			if w == "#" {
				st.digit = true
			}
			st.words[w] = true
		}
		starters[r.name] = st
	}
	initWords()
}

// findAll returns what r.re.FindAllStringSubmatchIndex(in, -1) returns, trying the pattern only at word starts
// that can begin it. Text with a letter that folds to an ASCII one ("K" Kelvin sign, "ſ") takes the plain search.
func findAll(r rule, in string) [][]int {
	st := starters[r.name]
	if st == nil || foldsToASCII(in) {
		return r.re.FindAllStringSubmatchIndex(in, -1)
	}
	var out [][]int
	var buf [16]byte
	for p := 0; p < len(in); p++ {
		if !isWordByte(in[p]) || (p > 0 && isWordByte(in[p-1])) {
			continue
		}
		e, n := p, 0
		for e < len(in) && isWordByte(in[e]) {
			if n < len(buf) && in[e] >= 'A' {
				buf[n] = in[e] | 0x20
				n++
			}
			e++
		}
		if (st.digit && isDigitByte(in[p])) || (n > 0 && n < len(buf) && st.words[string(buf[:n])]) {
			if m := st.at.FindStringSubmatchIndex(in[p:]); m != nil && m[1] > 0 {
				for k := range m {
					if m[k] >= 0 {
						m[k] += p
					}
				}
				out = append(out, m)
				p = m[1] - 1
				continue
			}
		}
		p = e - 1 // no word boundary inside a word
	}
	return out
}

func isWordByte(c byte) bool {
	return c == '_' || isDigitByte(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}
