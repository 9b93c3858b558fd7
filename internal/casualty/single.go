package casualty

import (
	"regexp"
	"strings"

	"sitrep/internal/numbers"
)

var (
	// asideRe follows the count of an aside up to the cue: "two children, were".
	asideRe = regexp.MustCompile(`^[^,;:.()—–]*[,)—–]\s*(?:[\w-]+\s+){0,3}$`)
	// asideStripRe is an aside naming a part of the victims: ", including two children," "(among them a boy)".
	asideStripRe = regexp.MustCompile(`(?i)\s*(?:,|\(|—|–)\s*(?:including|among\s+them|among\s+whom|of\s+whom|mostly|mainly|most\s+of\s+them|many\s+of\s+them|all\s+of\s+them)\b[^,;:()—–]*(?:,|\)|—|–)`)
	// ofRe starts the words after a part of a group counted elsewhere: "two of the wounded".
	ofRe = regexp.MustCompile(`(?i)^\s*of\s+(?:the|those|them)\b`)
)

// stripAside removes a part-of-the-victims aside from the words between a count and its cue.
func stripAside(gap string) string {
	if !strings.ContainsAny(gap, ",(—–") {
		return gap
	}
	return asideStripRe.ReplaceAllString(gap, " ")
}

// singular victims nouns, for "a child was killed" and "killing a civilian".
var singular = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`person civilian child kid woman man boy girl baby infant soldier trooper
		serviceman fighter militant rebel insurgent jihadist gunman attacker assailant terrorist combatant policeman
		policewoman officer guard member worker student protester demonstrator villager resident worshipper
		passenger pilgrim farmer miner journalist reporter photographer doctor medic nurse volunteer refugee migrant
		inmate prisoner detainee hostage peacekeeper recruit cadet militiaman marine sailor pilot driver teacher
		pupil commander leader official employee contractor paramedic rescuer elder shopper bystander pedestrian
		teenager toddler father mother son daughter husband wife brother sister`) {
		singular[w] = true
		victims[w] = true
	}
}

// auxWords make "a child ... killed" passive: without one, "a soldier killed a civilian" has the soldier act.
var auxWords = map[string]bool{"was": true, "were": true, "been": true, "is": true}

// single: one victim named with an article before the cue, "a child was killed", "a soldier died".
func (f *finder) single(c cue) (Mention, bool) {
	lo := max(0, c.start-80)
	before := f.s[lo:c.start]
	k := lastArticle(before)
	if k < 0 || strings.ContainsAny(before[k:], ",;:.()\"") {
		return Mention{}, false
	}
	det := lo + k
	sp := strings.IndexByte(f.s[det:c.start], ' ')
	if sp < 0 {
		return Mention{}, false
	}
	end := det + sp
	gap := f.s[end:c.start]
	who, ok := linkWords(gap, 6)
	if !ok || !singular[who] || strings.ContainsAny(gap, "0123456789") {
		return Mention{}, false
	}
	if forwardCue(c.word) && !hasWord(gap, auxWords) {
		return Mention{}, false
	}
	m := Mention{Kind: c.kind, Count: one(f.s, det, end), Start: det, End: c.end, Who: who, Rule: "single"}
	if j := f.countBefore(det); j >= 0 && andBeforeRe.MatchString(f.s[f.qs[j].End:det]) && f.isHuman(j) {
		if w, ok := linkWords(andBeforeRe.ReplaceAllString(f.s[f.qs[j].End:det], ""), 4); ok && w != "" {
			m.Count = sum(f.qs[j], m.Count, f.s) // "two policemen and a civilian were killed"
			m.Start, m.Rule = f.qs[j].Start, "sum-passive"
			f.used[j] = true
		}
	}
	return m, true
}

var (
	// andBeforeRe ends the words between a counted group and a single victim: "two policemen and ".
	andBeforeRe = regexp.MustCompile(`(?i)\s*(?:,\s*)?\band\s+$`)
	// articleGroupRe ends the text before a count with a single victim: "a soldier and ".
	articleGroupRe = regexp.MustCompile(`(?i)\ban?\s+((?:[\w'’-]+\s+){0,3}?)([\w-]+)\s*(?:,\s*)?\band\s+$`)
)

// articleGroup reports a single victim joined before a count ("a soldier and two civilians"), and where its
// article starts.
func (f *finder) articleGroup(pos int) (int, bool) {
	lo := max(0, pos-60)
	m := articleGroupRe.FindStringSubmatchIndex(f.s[lo:pos])
	if m == nil || !singular[strings.ToLower(f.s[lo+m[4]:lo+m[5]])] {
		return 0, false
	}
	if _, ok := linkWords(f.s[lo+m[2]:lo+m[3]], 3); !ok {
		return 0, false
	}
	return lo + m[0], true
}

// singleAfter: one victim named with an article after the cue, "killing a civilian"; two when a second
// follows ("the bodies of a man and a woman").
func (f *finder) singleAfter(c cue) (Mention, bool) {
	rest := f.s[c.end:]
	ws := strings.Fields(firstWords(rest, 10))
	k := articleNoun(ws)
	if k < 0 {
		return Mention{}, false
	}
	det := c.end + strings.Index(rest, ws[0])
	q := one(f.s, det, det+len(ws[0]))
	who := strings.ToLower(ws[k])
	if k+1 < len(ws) && strings.EqualFold(ws[k+1], "and") && articleNoun(ws[k+2:]) >= 0 {
		*q.Low, *q.Best, *q.High = 2, 2, 2
	}
	m := Mention{Kind: c.kind, Count: q, Start: c.start, End: endOfVictim(f.s, det+len(ws[0])), Who: who,
		Rule: "single"}
	if c.word == "bodies of" {
		m.Rule = "bodies"
	}
	return m, true
}

// articleNoun returns the index of the singular victims noun in words that start "a|an (names, hyphenated
// words or linkers) noun", or -1.
func articleNoun(ws []string) int {
	if len(ws) < 2 || (strings.ToLower(ws[0]) != "a" && strings.ToLower(ws[0]) != "an") {
		return -1
	}
	for k, w := range ws[1:min(len(ws), 5)] {
		lw := strings.ToLower(w)
		if singular[lw] {
			return k + 1
		}
		if !(w[0] >= 'A' && w[0] <= 'Z') && !strings.Contains(w, "-") && !linkers[lw] {
			break
		}
	}
	return -1
}

// lastArticle is the offset of the last word "a" or "an" in s, or -1.
func lastArticle(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if i > 0 && isLetter(s[i-1]) {
			continue
		}
		w := s[i:]
		if j := strings.IndexByte(w, ' '); j >= 0 {
			w = w[:j]
		}
		if strings.EqualFold(w, "a") || strings.EqualFold(w, "an") {
			return i
		}
	}
	return -1
}

func hasWord(s string, set map[string]bool) bool {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if set[w] {
			return true
		}
	}
	return false
}

// one is the count of a single victim, read from the article at s[start:end].
func one(s string, start, end int) numbers.Quantity {
	lo, best, hi := 1, 1, 1
	return numbers.Quantity{Start: start, End: end, Text: s[start:end], Low: &lo, Best: &best, High: &hi, Rule: "single"}
}

// livesVerbRe ends the text before the count of "claimed 20 lives", "cost at least 12 lives".
var livesVerbRe = regexp.MustCompile(`(?i)\b(?:claimed|claiming|claims|claim|cost|costing|costs|took|taking|takes|taken)\s+(?:the\s+)?$`)

// lives: "the blast claimed 20 lives", "the fighting has cost hundreds of civilian lives"; lives saved or
// at risk are no count.
func (f *finder) lives(c cue) (Mention, bool) {
	i := f.countBefore(c.start)
	if i < 0 {
		return Mention{}, false
	}
	q := f.qs[i]
	gap := strings.ToLower(strings.TrimSpace(f.s[q.End:c.start]))
	if len(strings.Fields(gap)) > 2 || strings.ContainsAny(gap, ",;:.()\"") || !livesVerbRe.MatchString(f.s[max(0, q.Start-20):q.Start]) {
		return Mention{}, false
	}
	for _, w := range strings.Fields(gap) {
		if w != "of" && w != "more" && w != "civilian" && w != "innocent" && w != "human" && !victims[w] {
			return Mention{}, false
		}
	}
	f.used[i] = true
	return Mention{Kind: Killed, Count: q, Start: q.Start, End: c.end, Rule: "lives"}, true
}
