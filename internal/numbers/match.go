package numbers

import (
	"strings"

	"sitrep/internal/text"
)

// matchAt is phrasePattern anchored at position p of low (ASCII-lower-cased text), written out by hand: it
// tries the pattern's alternatives and repetitions in the order a backtracking search does, so that it returns
// the same leftmost-first match and submatch offsets as the compiled pattern, anchored, on low[p:] (shifted by
// p), or nil. The word boundaries it tests all lie after p, where low[p:] and low see the same bytes.
// reference_test.go checks it against the regular expression.
func matchAt(low string, p int) []int {
	x := matcher{s: low}
	if p >= len(low) {
		return nil
	}
	for _, q := range qualWords[low[p]] {
		qe, ok := x.phrase(p, q)
		if !ok {
			continue
		}
		b := x.spaces(qe)
		if b == qe {
			continue
		}
		if e, ok := x.body(b); ok {
			x.m[0], x.m[1], x.m[2], x.m[3] = p, e, p, qe
			return x.result()
		}
	}
	if e, ok := x.body(p); ok {
		x.m[0], x.m[1], x.m[2], x.m[3] = p, e, -1, -1
		return x.result()
	}
	return nil
}

// Word lists of phrasePattern, each in the order of its alternation, by first byte; a space stands for \s+.
var (
	qualWords = byFirst("some", "about", "around", "nearly", "almost", "roughly", "approximately", "approx.",
		"an estimated", "estimated", "close to", "at least", "no fewer than", "no less than", "not less than",
		"more than", "over", "upwards of", "in excess of", "fewer than", "less than", "under", "at most",
		"no more than", "up to", "as many as")
	vagueWords = byFirst("tens of thousands", "hundreds of thousands", "dozens", "scores", "hundreds",
		"thousands", "a handful", "several", "a few", "a couple")
	tensList    = byFirst(strings.Split(tensWords, "|")...)
	teenUnits   = byFirst(strings.Split("eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"+unitWords, "|")...)
	otherAtoms  = byFirst("half a dozen", "a dozen", "dozen", "a hundred", "a thousand", "a million")
	onesList    = strings.Split("one|two|three|four|five|six|seven|eight|nine", "|")
	scaleList   = strings.Split(scaleWords, "|")
	rangeJoins  = []string{"-", "–", "to", "or"}
	wordBounded = map[string]bool{"to": true, "or": true} // \bto\b, \bor\b
)

// byFirst files the words of an alternation by their first byte, keeping their order.
func byFirst(ws ...string) *[256][]string {
	var t [256][]string
	for _, w := range ws {
		t[w[0]] = append(t[w[0]], w)
	}
	return &t
}

// matcher holds the text and the submatch offsets of the path being tried.
type matcher struct {
	s string
	m [16]int
}

// result copies the submatch offsets out, so that a matcher stays on the stack.
func (x *matcher) result() []int {
	m := make([]int, len(x.m))
	copy(m, x.m[:])
	return m
}

// spaces is the end of the run of \s bytes at i.
func (x *matcher) spaces(i int) int {
	return text.SkipSpaces(x.s, i)
}

// boundary is \b at i (i > 0).
func (x *matcher) boundary(i int) bool {
	return text.IsWordByte(x.s[i-1]) != (i < len(x.s) && text.IsWordByte(x.s[i]))
}

// phrase matches the words of w at i, each space of w standing for \s+, and returns the end.
func (x *matcher) phrase(i int, w string) (int, bool) {
	for {
		sp := strings.IndexByte(w, ' ')
		word := w
		if sp >= 0 {
			word = w[:sp]
		}
		if !strings.HasPrefix(x.s[i:], word) {
			return 0, false
		}
		i += len(word)
		if sp < 0 {
			return i, true
		}
		j := x.spaces(i)
		if j == i {
			return 0, false
		}
		i, w = j, w[sp+1:]
	}
}

// body matches the part of phrasePattern after the qualifier, and the final \b, at i; it sets m[4:16].
func (x *matcher) body(i int) (int, bool) {
	if i >= len(x.s) {
		return 0, false
	}
	for k := 4; k < 16; k++ {
		x.m[k] = -1
	}
	// between\s+(ATOM)\s+and\s+(ATOM)
	if j, ok := x.phrase(i, "between"); ok {
		if a := x.spaces(j); a > j {
			end := -1
			x.atom(a, func(e1 int) bool {
				b, ok := x.phrase(e1, " and ")
				if !ok {
					return false
				}
				return x.atom(b, func(e2 int) bool {
					if !x.boundary(e2) {
						return false
					}
					x.m[4], x.m[5], x.m[6], x.m[7], end = a, e1, b, e2, e2
					return true
				})
			})
			if end >= 0 {
				return end, true
			}
		}
	}
	// (ATOM)(?:\s*(-|–|\bto\b|\bor\b)\s*(ATOM))?
	end := -1
	x.atom(i, func(e1 int) bool {
		j := x.spaces(e1)
		for _, sep := range rangeJoins {
			if !strings.HasPrefix(x.s[j:], sep) || wordBounded[sep] && (!x.boundary(j) || !x.boundary(j+len(sep))) {
				continue
			}
			b := x.spaces(j + len(sep))
			if x.atom(b, func(e2 int) bool {
				if !x.boundary(e2) {
					return false
				}
				x.m[10], x.m[11], x.m[12], x.m[13], end = j, j+len(sep), b, e2, e2
				return true
			}) {
				x.m[8], x.m[9] = i, e1
				return true
			}
		}
		if !x.boundary(e1) {
			return false
		}
		x.m[8], x.m[9], end = i, e1, e1
		return true
	})
	if end >= 0 {
		return end, true
	}
	// (VAGUE)
	for _, v := range vagueWords[x.s[i]] {
		if e, ok := x.phrase(i, v); ok && x.boundary(e) {
			x.m[14], x.m[15] = i, e
			return e, true
		}
	}
	return 0, false
}

// atom calls k with each end of an atom (digitAtom or wordAtom) at i, in the order of the backtracking
// search, until k returns true; it reports whether k did.
func (x *matcher) atom(i int, k func(e int) bool) bool {
	if i >= len(x.s) {
		return false
	}
	if isDigit(x.s[i]) {
		return x.digitAtom(i, k)
	}
	return x.wordAtom(i, k)
}

// scaled calls k with the end of a core atom followed by \s+ and a scale word, then with e itself.
func (x *matcher) scaled(e int, k func(e int) bool) bool {
	if j := x.spaces(e); j > e {
		for _, w := range scaleList {
			if strings.HasPrefix(x.s[j:], w) {
				if k(j + len(w)) {
					return true
				}
				break // no scale word begins another
			}
		}
	}
	return k(e)
}

// digitAtom: (?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?:scale))?
func (x *matcher) digitAtom(i int, k func(e int) bool) bool {
	s := x.s
	d := x.digits(i)
	n := d - i
	if n <= 3 && d < len(s) && s[d] == ',' {
		g := 0
		for e := d; e+4 <= len(s) && s[e] == ',' && x.digits(e+1) >= e+4; e += 4 {
			g++
		}
		for r := g; r >= 1; r-- {
			if x.scaled(d+4*r, k) {
				return true
			}
		}
	}
	if d+1 < len(s) && s[d] == '.' && isDigit(s[d+1]) {
		for e := x.digits(d + 1); e > d+1; e-- {
			if x.scaled(e, k) {
				return true
			}
		}
	}
	for e := d; e > i; e-- {
		if x.scaled(e, k) {
			return true
		}
	}
	return false
}

// digits is the end of the run of digits at i.
func (x *matcher) digits(i int) int {
	for i < len(x.s) && isDigit(x.s[i]) {
		i++
	}
	return i
}

// wordAtom: (?:tens(?:[- ]ones\b)?|teens and units|half\s+a\s+dozen|a\s+dozen|dozen|a\s+hundred|a\s+thousand|
// a\s+million)(?:\s+(?:scale))?
func (x *matcher) wordAtom(i int, k func(e int) bool) bool {
	s := x.s[i:]
	for _, t := range tensList[s[0]] {
		if !strings.HasPrefix(s, t) {
			continue
		}
		te := i + len(t)
		if te < len(x.s) && (x.s[te] == '-' || x.s[te] == ' ') {
			for _, o := range onesList {
				if oe := te + 1 + len(o); strings.HasPrefix(x.s[te+1:], o) && x.boundary(oe) {
					if x.scaled(oe, k) {
						return true
					}
					break
				}
			}
		}
		if x.scaled(te, k) {
			return true
		}
		break // no tens word begins another
	}
	for _, w := range teenUnits[s[0]] {
		if strings.HasPrefix(s, w) && x.scaled(i+len(w), k) {
			return true
		}
	}
	for _, w := range otherAtoms[s[0]] {
		if e, ok := x.phrase(i, w); ok && x.scaled(e, k) {
			return true
		}
	}
	return false
}
