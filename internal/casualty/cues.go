package casualty

import (
	"regexp"
	"strings"

	"sitrep/internal/text"
)

// wordFinder finds what re.FindAllStringIndex(s, -1) finds, trying a match only at the word starts whose word
// can begin one: every alternative of re starts with a whole word (a run of \w bytes) of firsts.
type wordFinder struct {
	re, at *regexp.Regexp // at is re anchored at the start of its input
	firsts map[string]bool
	// alts, when set, holds the alternatives of re, a pattern \b(?:alt1|alt2|...)\b of words apart by \s+, by
	// their first word, in the order of re: a match is then read from them without the regexp.
	alts map[string][][]string
	// lens holds, by the first byte of a word (lower case), a bit for each length up to 15 of a first word:
	// most words are passed over without a map lookup.
	lens [256]uint16
}

// newWordFinder makes a wordFinder that tries re at the words of firsts.
func newWordFinder(re *regexp.Regexp, firsts string) *wordFinder {
	f := &wordFinder{re: re, at: regexp.MustCompile(`^(?:` + re.String() + `)`), firsts: map[string]bool{}}
	for _, w := range strings.Fields(firsts) {
		if len(w) >= 16 {
			panic("casualty: first word too long for wordFinder: " + w)
		}
		f.firsts[w] = true
		f.lens[w[0]] |= 1 << len(w)
	}
	return f
}

// newAltFinder makes a wordFinder for re of the form \b(?:alt1|alt2|...)\b, alts listing its alternatives
// in order, one a line, with a space for \s+.
func newAltFinder(re *regexp.Regexp, alts string) *wordFinder {
	var firsts []string
	m := map[string][][]string{}
	for line := range strings.Lines(alts) {
		ws := strings.Fields(line)
		if len(ws) == 0 {
			continue
		}
		k := 0
		for k < len(ws[0]) && text.IsWordByte(ws[0][k]) {
			k++
		}
		key := ws[0][:k]
		if m[key] == nil {
			firsts = append(firsts, key)
		}
		m[key] = append(m[key], ws)
	}
	f := newWordFinder(re, strings.Join(firsts, " "))
	f.alts = m
	return f
}

var (
	cueFinder = newAltFinder(cueRe, `death toll
		casualty toll
		fatality toll
		toll
		claimed the lives of
		lost their lives
		bodies of
		bodies
		deaths of
		death of
		shot dead
		gunned down
		lives
		killed
		killing
		kills
		kill
		dead
		died
		dies
		deaths
		fatalities
		slain
		perished
		executed
		massacred
		slaughtered
		murdered
		beheaded
		wounded
		wounding
		wounds
		injured
		injuring
		injuries
		injures
		hurt
		hurting
		maimed
		casualties`)
	tollSubjectFinder = newWordFinder(tollSubjectRe, "death casualty fatality civilian toll tolls number body deaths fatalities")
	noneFinder        = newAltFinder(noneRe, `no one
		no-one
		nobody
		none
		no people
		no person
		no civilians
		no soldiers
		no deaths
		no fatalities
		no injuries
		no casualties
		no lives`)
)

// altAt returns the end of the first alternative of f.alts[key] that matches at p and ends a word, or -1.
func (f *wordFinder) altAt(s, key string, p int) int {
	for _, ws := range f.alts[key] {
		if i := text.WordsAt(s, p, ws); i >= 0 {
			return i
		}
	}
	return -1
}

// cueSpans returns what cueRe.FindAllStringIndex(s, -1) returns.
func cueSpans(s string) [][]int { return cueFinder.find(s) }

// find returns what f.re.FindAllStringIndex(s, -1) returns. Text with a letter that folds to an ASCII one
// ("K" Kelvin sign, "ſ") takes the plain search.
func (f *wordFinder) find(s string) [][]int {
	if foldsToASCII(s) {
		return f.re.FindAllStringIndex(s, -1)
	}
	var out [][]int
	var buf [16]byte
	for p := 0; p < len(s); p++ {
		if !text.IsWordByte(s[p]) || (p > 0 && text.IsWordByte(s[p-1])) {
			continue
		}
		e := p
		for e < len(s) && text.IsWordByte(s[e]) {
			e++
		}
		if n := e - p; n < len(buf) && f.lens[s[p]|0x20]&(1<<n) != 0 {
			for k := range n {
				buf[k] = s[p+k] | 0x20
			}
			if key := buf[:n]; f.firsts[string(key)] {
				end := -1
				if f.alts != nil {
					end = f.altAt(s, string(key), p)
				} else if m := f.at.FindStringIndex(s[p:]); m != nil {
					end = p + m[1]
				}
				if end >= 0 {
					out = append(out, []int{p, end})
					p = end - 1
					continue
				}
			}
		}
		p = e - 1 // no word boundary inside a word
	}
	return out
}

// foldsToASCII reports a letter that folds to an ASCII one under (?i): the Kelvin sign and the long s.
func foldsToASCII(s string) bool {
	return strings.ContainsRune(s, '\u212a') || strings.ContainsRune(s, '\u017f')
}
