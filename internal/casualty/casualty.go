package casualty

import (
	"regexp"
	"strings"

	"sitrep/internal/numbers"
)

// Kind is what happened to the people counted.
type Kind string

// Kinds of casualty.
const (
	Killed  Kind = "killed"
	Injured Kind = "injured"
)

// Mention is one count of people killed or injured.
type Mention struct {
	Kind Kind
	// Count is the number as read; its offsets, like Start and End, include the base given to Find.
	Count      numbers.Quantity
	Start, End int // the whole mention, count and cue (UTF-8 byte offsets, end exclusive)
	Text       string
	// Who is the victims noun, when the text gives one ("people", "civilians", "soldiers").
	Who string
	// Rule names the pattern that matched, for --explain: "passive", "active", "toll", "toll-earlier",
	// "sum-passive", "sum-active", "bodies", "single", "none".
	Rule string
	// Revised marks an updated or cumulative toll ("the death toll has risen to 27", "the number of dead
	// reached 41", "bringing the toll to 16"): its figure replaces earlier ones for the same incident.
	Revised bool
	// Superseded marks a figure the sentence itself gives as replaced or first reported ("raising the toll
	// from 12 to 27" gives 12; "officials had initially put the death toll at 18"); its Rule is "toll-earlier".
	Superseded bool
}

// cue is one killing or injuring word of the sentence.
type cue struct {
	start, end int
	kind       Kind
	word       string // lower-cased
}

var cueRe = regexp.MustCompile(`(?i)\b(?:(?:death|casualty|fatality)\s+toll|toll|claimed\s+the\s+lives\s+of|lost\s+their\s+lives|bodies\s+of|bodies|deaths?\s+of|shot\s+dead|gunned\s+down|lives|killed|killing|kills|kill|dead|died|dies|deaths|fatalities|slain|perished|executed|massacred|slaughtered|murdered|beheaded|wounded|wounding|wounds|injured|injuring|injuries|injures|hurt|hurting|maimed|casualties)\b`)

// containsFold reports whether s contains the lower-case ASCII word k, ignoring ASCII case.
func containsFold(s, k string) bool {
	n := len(k)
	for i := 0; i+n <= len(s); i++ {
		if s[i]|0x20 == k[0] && strings.EqualFold(s[i:i+n], k) {
			return true
		}
	}
	return false
}

func findCues(s string) []cue {
	var out []cue
	for _, m := range cueSpans(s) {
		w := strings.ToLower(strings.Join(strings.Fields(s[m[0]:m[1]]), " "))
		out = append(out, cue{start: m[0], end: m[1], kind: kindOf(w), word: w})
	}
	return out
}

func kindOf(w string) Kind {
	switch {
	case strings.HasPrefix(w, "wound"), strings.HasPrefix(w, "injur"), strings.HasPrefix(w, "hurt"),
		strings.HasPrefix(w, "maim"):
		return Injured
	}
	return Killed
}

// Find returns the casualty counts of sentence in order; base is added to every offset so that they point
// into the document the sentence came from.
func Find(sentence string, base int) []Mention {
	cues := findCues(sentence)
	if len(cues) == 0 {
		return nil
	}
	f := finder{s: sentence, qs: acledVague(numbers.Find(sentence)), used: map[int]bool{}, sub: map[int]bool{}}
	f.markSubgroups()
	out := f.revisions()
	for _, c := range cues {
		out = append(out, f.match(c)...)
	}
	out = append(out, f.negations(cues)...)
	sortMentions(out)
	for i := range out {
		out[i].shift(base, sentence)
	}
	return out
}

func (m *Mention) shift(base int, s string) {
	m.Text = s[m.Start:m.End]
	m.Start += base
	m.End += base
	m.Count.Start += base
	m.Count.End += base
}

func sortMentions(ms []Mention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].Start < ms[j-1].Start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}
