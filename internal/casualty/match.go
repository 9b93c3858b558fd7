package casualty

import (
	"regexp"
	"strings"

	"sitrep/internal/numbers"

	"sitrep/internal/text"
)

// finder holds one sentence, its number phrases and which of them are taken.
type finder struct {
	s    string
	qs   []numbers.Quantity
	used map[int]bool
	sub  map[int]bool // counts of a sub-group ("among them two children")
	// covered holds the toll subjects read by revisions, whose cues are not read again.
	covered [][2]int
}

var subgroupRe = regexp.MustCompile(`(?i)(?:among\s+them|among\s+whom|among\s+the\s+(?:dead|victims|wounded|injured)|including|of\s+whom|of\s+them|one\s+of\s+the|among\s+those)\s*(?:were\s+|are\s+)?$`)

// subgroupPhrases are the forms of subgroupRe before its tail "\s*(?:were\s+|are\s+)?$", in words.
var subgroupPhrases = [][]string{{"among", "them"}, {"among", "whom"}, {"among", "the", "dead"},
	{"among", "the", "victims"}, {"among", "the", "wounded"}, {"among", "the", "injured"}, {"including"},
	{"of", "whom"}, {"of", "them"}, {"one", "of", "the"}, {"among", "those"}}

// endsSubgroup reports what subgroupRe.MatchString(w) reports: whether w ends with a sub-group phrase, then
// spaces, then "were" or "are" and spaces. Text with a letter that folds to an ASCII one takes the regexp.
func endsSubgroup(w string) bool {
	if foldsToASCII(w) {
		return subgroupRe.MatchString(w)
	}
	t := trimRightSpace(w)
	if endsWithPhrase(t) {
		return true
	}
	if len(t) == len(w) {
		return false // "were" and "are" take a space after them
	}
	for _, v := range []string{"were", "are"} {
		if text.HasSuffixLower(t, v) && endsWithPhrase(trimRightSpace(t[:len(t)-len(v)])) {
			return true
		}
	}
	return false
}

// endsWithPhrase reports whether s ends with one of subgroupPhrases, its words apart by \s+, in any case.
func endsWithPhrase(s string) bool {
next:
	for _, ws := range subgroupPhrases {
		u := s
		for k := len(ws) - 1; k >= 0; k-- {
			if !text.HasSuffixLower(u, ws[k]) {
				continue next
			}
			u = u[:len(u)-len(ws[k])]
			if k > 0 {
				v := trimRightSpace(u)
				if len(v) == len(u) {
					continue next
				}
				u = v
			}
		}
		return true
	}
	return false
}

// trimRightSpace drops the \s bytes (\t \n \f \r and space) at the end of s.
func trimRightSpace(s string) string {
	for len(s) > 0 {
		switch s[len(s)-1] {
		case ' ', '\t', '\n', '\f', '\r':
			s = s[:len(s)-1]
			continue
		}
		break
	}
	return s
}

// markSubgroups takes the counts of sub-groups ("among them two children") out of play.
func (f *finder) markSubgroups() {
	for i, q := range f.qs {
		lo := max(0, q.Start-40)
		w := f.s[lo:q.Start]
		if endsSubgroup(w) {
			f.used[i], f.sub[i] = true, true
		}
	}
}

func (f *finder) match(c cue) []Mention {
	if f.isCovered(c) {
		return nil
	}
	switch c.word {
	case "death toll", "casualty toll", "fatality toll", "toll":
		return f.toll(c)
	case "casualties":
		return nil // killed and injured together: no count of either
	case "lives":
		if m, ok := f.lives(c); ok {
			return []Mention{m}
		}
		return nil
	}
	if m, ok := f.passive(c); ok {
		return []Mention{m}
	}
	if forwardCue(c.word) {
		if m, ok := f.active(c); ok {
			return []Mention{m}
		}
	}
	return nil
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
	i := f.countBefore(c.start)
	if i < 0 {
		return f.single(c)
	}
	q := f.qs[i]
	gap := stripAside(f.s[q.End:c.start])
	who, ok := linkWords(gap, 6)
	if !ok {
		return f.single(c) // "two policemen and a civilian were killed"
	}
	if who == "" && ofRe.MatchString(gap) {
		return Mention{}, false // "two of the wounded were women": a part of a group counted elsewhere
	}
	if f.countSubject(c, gap) {
		return Mention{}, false // "scores of attackers killed 30 soldiers": who killed, not who died
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
	if det, ok := f.articleGroup(m.Start); ok { // "a soldier and two civilians were killed"
		m.Count = sum(one(f.s, det, det+1), m.Count, f.s)
		m.Start, m.Rule = det, "sum-passive"
	}
	return m, f.isHuman(i)
}

// countSubject reports a count before a transitive cue with no auxiliary between them and an object after
// it: the counted people did the killing ("scores of attackers killed at least 30 soldiers", "gunmen
// killed the village chief"). A headline's reduced passive ("20 people killed in blast") has no object.
func (f *finder) countSubject(c cue, gap string) bool {
	switch c.word {
	case "killed", "wounded", "injured", "slaughtered", "massacred", "murdered", "executed", "beheaded", "kill",
		"kills", "wound", "injure", "injures":
	default:
		return false
	}
	for _, w := range strings.Fields(strings.ToLower(gap)) {
		switch w {
		case "were", "was", "are", "is", "been", "be", "being", "have", "has", "had":
			return false
		}
	}
	next := strings.ToLower(firstWords(f.s[c.end:], 1))
	if objectStarts[next] {
		return true
	}
	if j := f.firstAfter(c.end); j >= 0 && fillerOnly(f.s[c.end:f.qs[j].Start]) {
		return true
	}
	return false
}

// objectStarts open a noun phrase that is a verb's object.
var objectStarts = map[string]bool{"the": true, "a": true, "an": true, "his": true, "her": true, "their": true,
	"its": true, "several": true, "many": true, "some": true}

// active: the count comes after the cue ("killed 20", "wounding dozens", "claimed the lives of 7").
func (f *finder) active(c cue) (Mention, bool) {
	i := f.firstAfter(c.end)
	if i < 0 || !fillerOnly(f.s[c.end:f.qs[i].Start]) {
		return f.singleAfter(c)
	}
	q := f.qs[i]
	if !f.isHuman(i) {
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

// toll: "the death toll was 31", "raising the toll to 31", "a toll of three dead", "raising the death toll
// from 12 to 27" (the later figure; the earlier one is superseded).
func (f *finder) toll(c cue) []Mention {
	i := f.firstAfter(c.end)
	if i < 0 || !f.isHuman(i) {
		return nil
	}
	gap := f.s[c.end:f.qs[i].Start]
	if strings.ContainsAny(gap, ".;:()") || len(strings.Fields(gap)) > 8 || clauseBreak(gap) {
		return nil
	}
	return f.figure(f.mark(Mention{Kind: Killed, Start: c.start, Rule: "toll"}), i)
}

// countBefore is the last count before pos, passing over the counts of an aside ("six people, including
// two children, were killed"); -1 when it is taken.
func (f *finder) countBefore(pos int) int {
	for i := len(f.qs) - 1; i >= 0; i-- {
		if f.qs[i].End > pos {
			continue
		}
		if f.sub[i] && asideRe.MatchString(f.s[f.qs[i].End:pos]) {
			continue
		}
		if f.used[i] {
			return -1
		}
		return i
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
