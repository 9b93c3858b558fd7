package actors

import "sitrep/internal/event"

// speaker reports whether mention i speaks about the event rather than takes part in it: a news medium or
// monitor, the subject of a speech verb ("the SOHR said", "Moscow on Tuesday denied"), the object of
// "according to", the subject after a speech verb (", said the army"), or a name in parentheses (a
// dateline's "(Reuters)").
func (r *roleReader) speaker(i int) bool {
	m := r.ms[i]
	if m.Entry != nil {
		if role := m.Entry.Attr("role"); role == "media" || role == "monitor" {
			return true
		}
	}
	p := r.pos[i]
	k := p[1]
	for n := 0; k < len(r.keys) && n < 4 && timeWords[r.keys[k]]; n++ {
		k++
	}
	if k < len(r.keys) && (r.f.verbs[r.keys[k]] || r.keys[k] == "told") && !nounModifier(r.keys, k) {
		return !r.saysItDid(k) // not "a police officer accused of killing a motorcyclist": what he is accused of
	}
	if k < len(r.keys) && r.keys[k] == "and" { // "residents and a security source said"
		for j := k + 1; j < len(r.keys) && j <= k+6 && r.keys[j] != "," && !pronouns[r.keys[j]]; j++ {
			if r.f.verbs[r.keys[j]] || r.keys[j] == "told" {
				return speakerHead(r.toks[j-1], r.keys[j-1]) && !r.saysItDid(j)
			}
		}
	}
	if b := p[0] - 1; b >= 0 {
		for b > 0 && (r.keys[b] == "the" || r.keys[b] == "a" || r.keys[b] == "an") {
			b--
		}
		switch {
		case r.keys[b] == "to" && b > 0 && r.keys[b-1] == "according":
			return true
		case r.f.verbs[r.keys[b]] && b > 0 && (r.keys[b-1] == "," || isQuote(r.keys[b-1])):
			return true
		case r.keys[p[0]-1] == "(" && p[1] < len(r.keys) && r.keys[p[1]] == ")":
			return m.Actor.Kind == event.KindOrganization || m.Actor.Kind == event.KindUnknown
		}
	}
	return false
}

// patient reports a mention that was acted upon: the subject of a passive ("soldiers were killed", "the
// convoy was hit"), of a verb of loss ("soldiers died", "the base came under attack"), or the men a side
// lost ("the army lost dozens of soldiers").
func (r *roleReader) patient(i int) bool {
	b := r.pos[i][0] - 1
	for b > 0 && (quantityWords[r.keys[b]] || r.keys[b] != "" && r.keys[b][0] >= '0' && r.keys[b][0] <= '9') {
		b--
	}
	if b >= 0 && lossVerbs[r.keys[b]] {
		return true // "the army lost dozens of soldiers": the men lost took the blow
	}
	k := r.pos[i][1]
	for n := 0; k < len(r.keys) && n < 3 && (timeWords[r.keys[k]] || r.keys[k] == ","); n++ {
		k++
	}
	if k >= len(r.keys) {
		return false
	}
	switch r.keys[k] {
	case "was", "were", "been", "got", "is", "are":
	case "died", "perished", "lost", "suffered", "sustained":
		return true // "dozens of soldiers died", "the army lost 20 soldiers": the side that took the blow
	case "came":
		return k+1 < len(r.keys) && r.keys[k+1] == "under" // "the base came under attack"
	default:
		return false
	}
	k++
	for k < len(r.keys) && (r.keys[k] == "reportedly" || r.keys[k] == "allegedly" || r.keys[k] == "also" || r.keys[k] == "being" || r.keys[k] == "been") {
		k++
	}
	return k < len(r.keys) && participle(r.keys[k])
}

// participle reports a past participle: a regular "-ed" form or an irregular one of violence.
func participle(w string) bool {
	if len(w) > 4 && w[len(w)-2:] == "ed" {
		return true
	}
	switch w {
	case "hit", "shot", "struck", "slain", "taken", "beaten", "stabbed", "blown", "caught", "held", "seized":
		return true
	}
	return false
}

// breakBefore reports a comma or clause break in tokens [k, k+n): a mention past it is not the object.
func (r *roleReader) breakBefore(k, n int) bool {
	for j := k; j < k+n && j < r.rb; j++ {
		switch r.keys[j] {
		case ",", ";", ":", "(", "\"", "“", "”":
			return true
		}
		for _, p := range r.pos {
			if p[0] == j {
				return false // the mention comes first
			}
		}
	}
	return false
}

// lossVerbs take as object the men a side lost.
var lossVerbs = map[string]bool{"lost": true, "losing": true, "loses": true}

// saysItDid reports a speech verb at token k followed by "it" or "they" (or "that it", across a time: "said on
// Saturday they"), or by "its" or "their" and a force noun ("said its forces"), and then the event's trigger
// within two more words, or past auxiliaries and a verb of doing ("said it had carried out an air strike"): "the
// air force said it shot down 48 drones", "the army said they killed 20 militants". The speaker tells of its own
// act, so it is a party to it, not only a source.
func (r *roleReader) saysItDid(k int) bool {
	j := k + 1
	for n := 0; j < len(r.keys) && n < 3 && (timeWords[r.keys[j]] || r.keys[j] == "that"); n++ {
		j++ // "said on Tuesday it", "said that it"
	}
	if j >= len(r.keys) {
		return false
	}
	switch r.keys[j] {
	case "it", "they":
	case "its", "their":
		if j+1 >= len(r.keys) || heads[r.keys[j+1]] != clMilitary && !groupMembers[r.keys[j+1]] {
			return false
		}
		j++ // "its forces", "their fighters"
	default:
		return false
	}
	if r.ti <= j || r.ti > j+6 {
		return false
	}
	for m := j + 1; m < r.ti; m++ {
		if !ownDeedWords[r.keys[m]] {
			return false // "they condemned the attack": another verb is theirs
		}
	}
	return true
}

// ownDeedWords may stand between "it" or "they" and the trigger of what the speaker says it did: auxiliaries,
// adverbs, the verbs of doing an operation and the determiners of its noun.
var ownDeedWords = map[string]bool{
	"had": true, "has": true, "have": true, "was": true, "were": true, "successfully": true, "also": true,
	"carried": true, "out": true, "conducted": true, "launched": true, "staged": true, "mounted": true,
	"an": true, "a": true, "the": true, "two": true, "three": true, "several": true, "new": true,
	"precision": true, "targeted": true, "overnight": true, "again": true, "been": true, "later": true,
}
