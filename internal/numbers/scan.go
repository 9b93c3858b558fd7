package numbers

import (
	"regexp"
	"strings"
)

// anchoredRe is phraseRe anchored at the start of its input, for the positions nextPhrase picks.
var anchoredRe = regexp.MustCompile(`^(?:` + phraseRe.String() + `)`)

// nextPhrase returns what phraseRe.FindStringSubmatchIndex(low[pos:]) returns, shifted by pos, but tries the
// expression only at word starts that can begin a number phrase (a digit or a word of startWords).
func nextPhrase(low string, pos int) []int {
	for p := pos; p < len(low); p++ {
		if !isWordByte(low[p]) || (p > pos && isWordByte(low[p-1])) {
			continue
		}
		e := p
		for e < len(low) && isWordByte(low[e]) {
			e++
		}
		if isDigit(low[p]) || startWords[letterRun(low[p:e])] {
			if m := anchoredRe.FindStringSubmatchIndex(low[p:]); m != nil {
				for k := range m {
					if m[k] >= 0 {
						m[k] += p
					}
				}
				return m
			}
		}
		p = e - 1 // no word boundary inside a word
	}
	return nil
}

// letterRun is the leading run of lower-case ASCII letters of s.
func letterRun(s string) string {
	i := 0
	for i < len(s) && s[i] >= 'a' && s[i] <= 'z' {
		i++
	}
	return s[:i]
}

func isWordByte(c byte) bool {
	return c == '_' || isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

// startWords holds every first word of a phraseRe match that does not start with a digit: the first words
// of qual, "between", wordAtom and vague.
var startWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`some about around nearly almost roughly approximately approx an estimated
		close at no not more over upwards in fewer less under up as between half a dozen tens hundreds dozens
		scores thousands several`) {
		startWords[w] = true
	}
	for _, list := range []string{unitWords, tensWords, scaleWords} {
		for _, w := range strings.Split(list, "|") {
			startWords[w] = true
		}
	}
}
