package casualty

import (
	"regexp"
	"strings"

	"sitrep/internal/numbers"

	"sitrep/internal/text"
)

// tollSubjectRe finds what a revised figure counts: "the death toll", "the number of people killed", "the
// number of dead", "the body count", "deaths".
var tollSubjectRe = regexp.MustCompile(`(?i)\b(?:(?:(?:death|casualty|fatality|civilian\s+death)\s+)?tolls?|number\s+of\s+(?:[\w'’-]+\s+){0,5}?(?:killed|dead|deaths|fatalities|wounded|injured|injuries)|(?:death|body)\s+count|deaths|fatalities)\b`)

// changeRe ends the text between a toll's subject and its figure: a verb of change or state ("has risen
// to", "rose from", "climbs to", "reached", "stands at", "was revised up to").
var changeRe = regexp.MustCompile(`(?i)(?:^|\s)(?:(?:has|have|had)\s+(?:now\s+|since\s+|further\s+|also\s+)?)?(?:(?:has\s+been|have\s+been|had\s+been|was|were|is)\s+)?(` +
	`risen|rose|rises|rising|climbed|climbs|climbing|jumped|jumps|increased|increases|grown|grew|gone\s+up|went\s+up|goes\s+up|` +
	`soared|soars|mounted|reached|reaches|reaching|hit|hits|topped|tops|surpassed|surpasses|exceeded|exceeds|` +
	`passed|passes|fallen|fell|falls|dropped|drops|raised|revised(?:\s+(?:up|down)(?:wards?)?)?|updated|` +
	`now\s+stands\s+at|stands\s+at|stood\s+at|now\s+stood\s+at|now\s+at|now|put\s+at|at|is|was|remains|remained)` +
	`(?:\s+(?:sharply|further|again|steadily|rapidly))?(?:\s+(?:to|at|from))?(?:\s+(?:a\s+total\s+of|reach))?\s*$`)

// stateVerbs give a toll without saying it changed.
var stateVerbs = map[string]bool{"at": true, "put at": true, "stood at": true, "is": true, "was": true,
	"remains": true, "remained": true}

// clauseBreakRe: words that start another clause between a subject and a figure.
var clauseBreakRe = regexp.MustCompile(`(?i)\b(?:but|while|whereas|said|says|say|told|although|though)\b|[;:"“”]`)

// changeEnds are the words a match of changeRe can end with (before its trailing spaces).
var changeEnds = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`risen rose rises rising climbed climbs climbing jumped jumps increased increases
		grown grew up soared soars mounted reached reaches reaching hit hits topped tops surpassed surpasses exceeded
		exceeds passed passes fallen fell falls dropped drops raised revised down upward upwards downward downwards
		updated at now is was remains remained sharply further again steadily rapidly to from of reach`) {
		changeEnds[w] = true
	}
}

// mayChange is a cheap test that changeRe can match gap: its last word, after a space or at the start, is one
// a match can end with. Text with a letter that folds to an ASCII one may always match.
func mayChange(gap string) bool {
	if foldsToASCII(gap) {
		return true
	}
	t := trimRightSpace(gap)
	k := len(t)
	for k > 0 && (t[k-1]|0x20 >= 'a' && t[k-1]|0x20 <= 'z') {
		k--
	}
	if k > 0 && !text.IsSpaceByte(t[k-1]) || len(t)-k > 16 {
		return false
	}
	var buf [16]byte
	for i := k; i < len(t); i++ {
		buf[i-k] = t[i] | 0x20
	}
	return changeEnds[string(buf[:len(t)-k])]
}

// clauseBreakWords are the words of clauseBreakRe.
var clauseBreakWords = map[string]bool{"but": true, "while": true, "whereas": true, "said": true, "says": true,
	"say": true, "told": true, "although": true, "though": true}

// clauseBreak is clauseBreakRe.MatchString(s): one of its words, whole, in any case, or one of its marks.
// Text with a letter that folds to an ASCII one takes the regexp.
func clauseBreak(s string) bool {
	if foldsToASCII(s) {
		return clauseBreakRe.MatchString(s)
	}
	if strings.ContainsAny(s, ";:\"“”") {
		return true
	}
	var buf [8]byte
	for p := 0; p < len(s); {
		if !text.IsWordByte(s[p]) {
			p++
			continue
		}
		e := p
		for e < len(s) && text.IsWordByte(s[e]) {
			e++
		}
		if n := e - p; n >= 3 && n <= len(buf) {
			for i := range n {
				buf[i] = s[p+i] | 0x20
			}
			if clauseBreakWords[string(buf[:n])] {
				return true
			}
		}
		p = e
	}
	return false
}

// revisions reads updated tolls: a toll subject, then a verb of change, then the figure ("the death toll from
// Monday's strike has risen to 16"; "the number of dead reached 41"). It runs before the other rules so that
// the figure is not read again as a plain count; the cues inside the subject are marked covered.
func (f *finder) revisions() []Mention {
	var out []Mention
	for _, sm := range tollSubjectFinder.find(f.s) {
		if ms := f.revision(sm[0], sm[1]); len(ms) > 0 {
			out = append(out, ms...)
			f.covered = append(f.covered, [2]int{sm[0], sm[1]})
		}
	}
	return out
}

// revision reads the figure after one toll subject at s[s0:s1].
func (f *finder) revision(s0, s1 int) []Mention {
	for i, q := range f.qs {
		if q.Start < s1 {
			continue
		}
		gap := f.s[s1:q.Start]
		if len(strings.Fields(gap)) > 30 || clauseBreak(gap) || bareSubject(f.s[s0:s1], gap) {
			return nil
		}
		if f.used[i] || !f.isHuman(i) {
			continue
		}
		subj := strings.ToLower(f.s[s0:s1])
		var loc []int
		if mayChange(gap) {
			loc = changeRe.FindStringSubmatchIndex(gap)
		}
		if loc == nil && toRe.MatchString(gap) {
			// "bringing the number of dead to 16": a revision when a verb of renewal comes before
			if m := f.mark(Mention{Kind: subjectKind(subj), Start: s0, Who: victimIn(subj), Rule: "toll"}); m.Revised {
				return f.figure(m, i)
			}
			continue
		}
		if loc == nil {
			continue
		}
		verb := strings.ToLower(strings.Join(strings.Fields(gap[loc[2]:loc[3]]), " "))
		if stateVerbs[verb] && !strings.Contains(subj, "toll") && !strings.Contains(subj, "count") {
			continue // "deaths at 3 hospitals"
		}
		m := Mention{Kind: subjectKind(subj), Start: s0, Who: victimIn(subj), Rule: "toll",
			Revised: !stateVerbs[verb]}
		return f.figure(f.mark(m), i)
	}
	return nil
}

// figure completes a toll mention with count i, splitting a change "from 12 to 27" into the current figure
// and a superseded one, and reading a trailing "from 18" as superseded.
func (f *finder) figure(m Mention, i int) []Mention {
	f.used[i] = true
	q := f.qs[i]
	if old, cur, ok := splitChange(f.s, q); ok {
		m.Count, m.End, m.Revised = cur, cur.End, true
		return []Mention{m, superseded(m, old)}
	}
	if j := i + 1; j < len(f.qs) && !f.used[j] && endsFrom(f.s[:q.Start]) &&
		strings.EqualFold(strings.TrimSpace(f.s[q.End:f.qs[j].Start]), "to") {
		f.used[j] = true // "fell from 30 to 20"
		m.Count, m.End, m.Revised = f.qs[j], f.qs[j].End, true
		return []Mention{m, superseded(m, q)}
	}
	m.Count, m.End = exactAfterRenewal(m, q), q.End
	out := []Mention{m}
	if j := i + 1; j < len(f.qs) && !f.used[j] && fromRe.MatchString(f.s[q.End:f.qs[j].Start]) {
		f.used[j] = true
		out[0].Revised = true
		out = append(out, superseded(m, f.qs[j]))
	}
	return out
}

// toRe is the gap of "bringing the number of dead to 16", "bringing the toll from Saturday's bombing at a mosque in
// Maiduguri to 19".
var toRe = regexp.MustCompile(`(?i)^(?:\s+[\w'’-]+){0,12}?\s+to\s+(?:a\s+total\s+of\s+)?$`)

var fromRe = regexp.MustCompile(`(?i)^,?\s+(?:up\s+|down\s+)?from\s+(?:an?\s+(?:earlier|initial|previous)\s+(?:toll\s+|figure\s+|estimate\s+)?(?:of\s+)?)?$`)

func superseded(cur Mention, old numbers.Quantity) Mention {
	return Mention{Kind: cur.Kind, Count: old, Start: old.Start, End: old.End, Who: cur.Who, Rule: "toll-earlier",
		Superseded: true}
}

// victimIn is the first victims noun of a subject ("the number of civilians killed" gives "civilians").
func victimIn(s string) string {
	for _, w := range strings.Fields(s) {
		if victims[w] {
			return w
		}
	}
	return ""
}

func subjectKind(subj string) Kind {
	for _, w := range []string{"wounded", "injured", "injuries"} {
		if strings.HasSuffix(subj, w) {
			return Injured
		}
	}
	return Killed
}

// isCovered reports a cue inside a toll subject already read by revisions.
func (f *finder) isCovered(c cue) bool {
	for _, r := range f.covered {
		if c.start >= r[0] && c.end <= r[1] {
			return true
		}
	}
	return false
}

var (
	// renewWords before a toll make it a revised one: "bringing the toll to 16", "a new toll of 30".
	renewWords = map[string]bool{"bringing": true, "brings": true, "brought": true, "raising": true, "raises": true,
		"raised": true, "pushing": true, "pushes": true, "pushed": true, "taking": true, "takes": true, "took": true, "bring": true, "lifting": true,
		"lifts": true, "increasing": true, "new": true, "updated": true, "latest": true, "revised": true,
		"cumulative": true, "overall": true}
	// earlierWords before a toll make it a superseded one: "had initially put the death toll at 18".
	earlierWords = map[string]bool{"initially": true, "initial": true, "originally": true, "original": true,
		"previously": true, "previous": true, "earlier": true, "first": true, "prior": true, "preliminary": true}
)

// mark sets Revised or Superseded from the words just before a toll mention.
func (f *finder) mark(m Mention) Mention {
	ws := strings.Fields(strings.ToLower(f.s[max(0, m.Start-48):m.Start]))
	if m.Start-48 > 0 && len(ws) > 0 {
		ws = ws[1:] // a cut word
	}
	if len(ws) > 4 {
		ws = ws[len(ws)-4:]
	}
	for _, w := range ws {
		w = strings.Trim(w, ",")
		switch {
		case renewWords[w]:
			m.Revised = true
		case earlierWords[w] && !m.Revised:
			m.Superseded, m.Rule = true, "toll-earlier"
		}
	}
	if m.Revised {
		m.Superseded, m.Rule = false, "toll"
	}
	return m
}

// splitChange reads "from 12 to 27", which numbers reads as a range, as a change: the old and the current
// figure.
func splitChange(s string, q numbers.Quantity) (old, cur numbers.Quantity, ok bool) {
	if q.Qualifier != numbers.Range || q.Rule != "range" || !endsFrom(s[:q.Start]) {
		return old, cur, false
	}
	k := strings.Index(strings.ToLower(q.Text), " to ")
	if k < 0 {
		return old, cur, false
	}
	old, ok1 := numbers.Parse(q.Text[:k])
	cur, ok2 := numbers.Parse(q.Text[k+4:])
	if !ok1 || !ok2 {
		return old, cur, false
	}
	old.Start, old.End = q.Start, q.Start+k
	off := q.Start + k + 4
	cur.Start, cur.End = off, off+len(cur.Text)
	old.Text, cur.Text = s[old.Start:old.End], s[cur.Start:cur.End]
	return old, cur, true
}

// endsFrom reports text ending in the word "from".
func endsFrom(s string) bool {
	s = strings.ToLower(strings.TrimRight(s, " "))
	return strings.HasSuffix(s, "from") && (len(s) == 4 || !isLetter(s[len(s)-5]))
}

// bareSubject: "deaths" or "fatalities" followed by a comma starts no toll ("with these deaths, the number
// of people killed has risen to 19" is read from "the number").
func bareSubject(subj, gap string) bool {
	return !strings.ContainsAny(subj, " \t\n") && strings.HasPrefix(strings.TrimLeft(gap, " "), ",")
}

// exactAfterRenewal reads "taking the toll up to 212" as 212: "up to" there tells the direction, not a bound.
func exactAfterRenewal(m Mention, q numbers.Quantity) numbers.Quantity {
	if !m.Revised || q.Qualifier != numbers.UpTo || !strings.HasPrefix(strings.ToLower(q.Text), "up to ") {
		return q
	}
	v, ok := q.Value()
	if !ok {
		return q
	}
	lo, best, hi := v, v, v
	q.Low, q.Best, q.High, q.Qualifier, q.Rule = &lo, &best, &hi, numbers.Exact, "exact"
	return q
}
