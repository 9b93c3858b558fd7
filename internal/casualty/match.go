package casualty

import (
	"regexp"
	"strings"

	"sitrep/internal/numbers"
)

// finder holds one sentence, its number phrases and which of them are taken.
type finder struct {
	s    string
	qs   []numbers.Quantity
	used map[int]bool
}

var subgroupRe = regexp.MustCompile(`(?i)(?:among\s+them|among\s+whom|among\s+the\s+(?:dead|victims|wounded|injured)|including|of\s+whom|of\s+them|one\s+of\s+the|among\s+those)\s*(?:were\s+|are\s+)?$`)

// markSubgroups takes the counts of sub-groups ("among them two children") out of play.
func (f *finder) markSubgroups() {
	for i, q := range f.qs {
		lo := max(0, q.Start-40)
		if subgroupRe.MatchString(f.s[lo:q.Start]) {
			f.used[i] = true
		}
	}
}

func (f *finder) match(c cue) (Mention, bool) {
	switch c.word {
	case "death toll", "casualty toll", "fatality toll", "toll":
		return f.toll(c)
	case "casualties":
		return Mention{}, false // killed and injured together: no count of either
	}
	if m, ok := f.passive(c); ok {
		return m, true
	}
	if forwardCue(c.word) {
		return f.active(c)
	}
	return Mention{}, false
}

// forwardCue: words that take their count after them ("killed 20", "bodies of 7").
func forwardCue(w string) bool {
	switch w {
	case "dead", "died", "dies", "deaths", "fatalities", "slain", "perished", "lost their lives", "bodies",
		"injuries", "wounds":
		return false
	}
	return true
}

// passive: the count comes before the cue, joined only by victim nouns and auxiliaries
// ("20 people were killed", "12 dead", "three soldiers and two civilians were killed").
func (f *finder) passive(c cue) (Mention, bool) {
	i := f.lastBefore(c.start)
	if i < 0 {
		return Mention{}, false
	}
	q := f.qs[i]
	who, ok := linkWords(f.s[q.End:c.start], 6)
	if !ok {
		return Mention{}, false
	}
	rule := "passive"
	if c.word == "bodies" {
		rule = "bodies"
	}
	m := Mention{Kind: c.kind, Count: q, Start: q.Start, End: c.end, Who: who, Rule: rule}
	f.used[i] = true
	for j := i - 1; j >= 0 && !f.used[j]; j-- {
		if !sumJoint(f.s[f.qs[j].End:f.qs[j+1].Start]) || !f.isHuman(j) {
			break
		}
		m.Count = sum(f.qs[j], m.Count, f.s)
		m.Start, m.Rule = f.qs[j].Start, "sum-passive"
		f.used[j] = true
	}
	return m, f.isHuman(i)
}

// active: the count comes after the cue ("killed 20", "wounding dozens", "claimed the lives of 7").
func (f *finder) active(c cue) (Mention, bool) {
	i := f.firstAfter(c.end)
	if i < 0 {
		return Mention{}, false
	}
	q := f.qs[i]
	if !fillerOnly(f.s[c.end:q.Start]) || !f.isHuman(i) {
		return Mention{}, false
	}
	if c.word == "left" {
		return Mention{}, false
	}
	who := victimAfter(f.s[q.End:])
	m := Mention{Kind: c.kind, Count: q, Start: c.start, End: q.End, Who: who, Rule: "active"}
	if c.word == "bodies of" {
		m.Rule = "bodies"
	}
	f.used[i] = true
	for j := i + 1; j < len(f.qs) && !f.used[j]; j++ {
		if !sumJoint(f.s[f.qs[j-1].End:f.qs[j].Start]) || !f.isHuman(j) {
			break
		}
		m.Count = sum(m.Count, f.qs[j], f.s)
		m.End, m.Rule = f.qs[j].End, "sum-active"
		f.used[j] = true
	}
	m.End = max(m.End, endOfVictim(f.s, m.End))
	return m, true
}

// toll: "the death toll rose to 31", "raising the toll to 31".
func (f *finder) toll(c cue) (Mention, bool) {
	i := f.firstAfter(c.end)
	if i < 0 {
		return Mention{}, false
	}
	gap := f.s[c.end:f.qs[i].Start]
	if strings.ContainsAny(gap, ".;:()") || len(strings.Fields(gap)) > 8 {
		return Mention{}, false
	}
	f.used[i] = true
	return Mention{Kind: Killed, Count: f.qs[i], Start: c.start, End: f.qs[i].End, Rule: "toll"}, true
}

func (f *finder) lastBefore(pos int) int {
	for i := len(f.qs) - 1; i >= 0; i-- {
		if f.qs[i].End <= pos {
			if f.used[i] {
				return -1
			}
			return i
		}
	}
	return -1
}

func (f *finder) firstAfter(pos int) int {
	for i, q := range f.qs {
		if q.Start >= pos {
			if f.used[i] {
				return -1
			}
			return i
		}
	}
	return -1
}

// isHuman rejects counts of animals and things ("20 goats", "three vehicles").
func (f *finder) isHuman(i int) bool {
	w := strings.ToLower(firstWords(f.s[f.qs[i].End:], 2))
	for _, x := range strings.Fields(w) {
		if nonHuman[x] {
			return false
		}
		if x != "of" && x != "the" && x != "more" && x != "other" {
			break
		}
	}
	return true
}

func sum(a, b numbers.Quantity, s string) numbers.Quantity {
	add := func(x, y *int) *int {
		if x == nil || y == nil {
			return nil
		}
		v := *x + *y
		return &v
	}
	q := numbers.Quantity{Start: a.Start, End: b.End, Text: s[a.Start:b.End], Low: add(a.Low, b.Low),
		Best: add(a.Best, b.Best), High: add(a.High, b.High), Rule: "sum"}
	if a.Qualifier == b.Qualifier {
		q.Qualifier = a.Qualifier
	} else if a.Qualifier == numbers.AtLeast || b.Qualifier == numbers.AtLeast {
		q.Qualifier = numbers.AtLeast
	} else {
		q.Qualifier = numbers.Approximately
	}
	return q
}
