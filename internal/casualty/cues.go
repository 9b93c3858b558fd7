package casualty

import (
	"regexp"
	"strings"
)

// cueAtRe is cueRe anchored at the start of its input, for the word starts cueSpans picks.
var cueAtRe = regexp.MustCompile(`^(?:` + cueRe.String() + `)`)

// cueFirstWords holds the first word of every alternative of cueRe.
var cueFirstWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`death casualty fatality toll claimed lost bodies deaths shot gunned lives killed
		killing kills kill dead died dies fatalities slain perished executed massacred slaughtered murdered
		beheaded wounded wounding wounds injured injuring injuries injures hurt hurting maimed casualties`) {
		cueFirstWords[w] = true
	}
}

// cueSpans returns what cueRe.FindAllStringIndex(s, -1) returns, trying the expression only at word starts
// whose word begins a cue. Text with a letter that folds to an ASCII one ("K" Kelvin sign, "ſ") takes the
// plain search.
func cueSpans(s string) [][]int {
	if strings.ContainsRune(s, '\u212a') || strings.ContainsRune(s, '\u017f') {
		return cueRe.FindAllStringIndex(s, -1)
	}
	var out [][]int
	var buf [16]byte
	for p := 0; p < len(s); p++ {
		if !isWordByte(s[p]) || (p > 0 && isWordByte(s[p-1])) {
			continue
		}
		e, n := p, 0
		for e < len(s) && isWordByte(s[e]) {
			if n < len(buf) {
				buf[n] = s[e] | 0x20
				n++
			}
			e++
		}
		if e-p <= len(buf) && cueFirstWords[string(buf[:n])] {
			if m := cueAtRe.FindStringIndex(s[p:]); m != nil {
				out = append(out, []int{p, p + m[1]})
				p = p + m[1] - 1
				continue
			}
		}
		p = e - 1 // no word boundary inside a word
	}
	return out
}

func isWordByte(c byte) bool {
	return c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}
