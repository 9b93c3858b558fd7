package casualty

import (
	"regexp"
	"strings"

	"sitrep/internal/numbers"
)

var noneRe = regexp.MustCompile(`(?i)\b(?:no\s+one|no-one|nobody|none|no\s+(?:people|person|civilians|soldiers|deaths|fatalities|injuries|casualties|lives))\b`)

// negations: "no one was killed", "there were no casualties", "no injuries were reported" give a count of 0.
func (f *finder) negations(cues []cue) []Mention {
	if !containsFold(f.s, "no") { // every form of noneRe starts with "no" (letters without other case folds)
		return nil
	}
	var out []Mention
	for _, m := range noneFinder.find(f.s) {
		w := strings.ToLower(f.s[m[0]:m[1]])
		for _, c := range cues {
			if c.start < m[0] && !(strings.HasSuffix(w, c.word)) {
				continue
			}
			gap := ""
			if c.start >= m[1] {
				gap = f.s[m[1]:c.start]
			}
			if _, ok := linkWords(gap, 4); !ok && c.start >= m[1] {
				continue
			}
			for _, k := range noneKinds(c) {
				zero := 0
				q := numbers.Quantity{Start: m[0], End: m[1], Text: f.s[m[0]:m[1]], Low: &zero, Best: &zero,
					High: &zero, Rule: "none"}
				out = append(out, Mention{Kind: k, Count: q, Start: m[0], End: max(m[1], c.end), Rule: "none"})
			}
			break
		}
	}
	return out
}

func noneKinds(c cue) []Kind {
	if c.word == "casualties" {
		return []Kind{Killed, Injured}
	}
	return []Kind{c.kind}
}
