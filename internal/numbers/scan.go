package numbers

import (
	"strings"

	"sitrep/internal/text"
)

// nextPhrase returns what phrasePattern, searched in low[pos:], finds (its submatch offsets shifted by pos),
// but tries the pattern (matchAt) only at word starts that can begin a number phrase (a digit or a word of
// startWords).
func nextPhrase(low string, pos int) []int {
	for p := pos; p < len(low); p++ {
		if !text.IsWordByte(low[p]) || (p > pos && text.IsWordByte(low[p-1])) {
			continue
		}
		e := p
		for e < len(low) && text.IsWordByte(low[e]) {
			e++
		}
		if isDigit(low[p]) || worthTrying(low, letterRun(low[p:e]), e) {
			if m := matchAt(low, p); m != nil {
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

// startWords holds every first word of a phrasePattern match that does not start with a digit: the first words
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

// worthTrying reports whether a phrase can start with word w (ending at e): a qualifier or "a" needs, within
// the next words, a word a number can start with.
func worthTrying(low, w string, e int) bool {
	switch {
	case !startWords[w]:
		return false
	case w == "a":
		_, next := nextWord(low, e)
		for _, x := range aWords {
			if strings.HasPrefix(next, x) {
				return true
			}
		}
		return false
	case !qualOnly[w]:
		return true
	}
	for k := 0; k < 3; k++ { // a qualifier has at most three words
		var next string
		e, next = nextWord(low, e)
		if next == "" {
			return false
		}
		if isDigit(next[0]) || atomWords[letterRun(next)] {
			return true
		}
	}
	return false
}

// nextWord returns the word after position e and where it ends; "" at the end of low.
func nextWord(low string, e int) (int, string) {
	for e < len(low) && !text.IsWordByte(low[e]) {
		e++
	}
	s := e
	for e < len(low) && text.IsWordByte(low[e]) {
		e++
	}
	return e, low[s:e]
}

// aWords are the words that follow "a" in a number phrase.
var aWords = []string{"dozen", "hundred", "thousand", "million", "handful", "few", "couple"}

// qualOnly holds the start words that can only begin a qualifier; atomWords those that begin a number, a
// vague plural or a "between" range.
var qualOnly, atomWords = map[string]bool{}, map[string]bool{}

func init() {
	for _, w := range strings.Fields(`some about around nearly almost roughly approximately approx an estimated
		close at no not more over upwards in fewer less under up as`) {
		qualOnly[w] = true
	}
	for w := range startWords {
		if !qualOnly[w] {
			atomWords[w] = true
		}
	}
}
