package geoparse

import "strings"

// agentVerbs are what states do in news besides speaking: "Russia has sent", "Moscow runs", "Turkey
// launched".
var agentVerbs = set("sent", "sends", "send", "deployed", "deploys", "runs", "run", "launched", "launches",
	"attacked", "attacks", "bombed", "bombs", "supplied", "supplies", "backed", "backs", "supports",
	"supported", "expelled", "expels", "sanctioned", "sanctions", "invaded", "invades", "annexed", "annexes",
	"vetoed", "vetoes", "signed", "signs", "joined", "joins", "withdrew", "withdraws", "recalled", "recalls",
	"responded", "responds", "retaliated", "retaliates", "agreed", "agrees", "pledged", "pledges",
	"offered", "offers", "promised", "promises", "threatened", "threatens", "accused", "accuses", "wants",
	"needs", "hopes", "seeks", "sought", "insisted", "insists", "intervened", "intervenes", "armed", "arms",
	"funded", "funds", "hosted", "hosts", "struck", "strikes", "fired", "fires", "shelled", "shells")

// beAux and haveAux are auxiliaries whose next verb tells active from passive: "Moscow was making the move"
// (an agent), "Syria was hit" (a place); "Russia has sent" (an agent).
var (
	beAux   = set("is", "was", "are", "were", "be", "being")
	haveAux = set("has", "have", "had", "will", "would", "could", "can", "should", "must", "may", "might",
		"did", "does", "do")
)

// agentMetonym reports whether a mention resolved to a country, a capital or a seat of government is the
// agent of a verb, and so stands for the state: "Russia has sent", "Moscow was making the move", "Turkey
// launched". The passive ("Syria was hit") and locative uses ("in Moscow") are places.
func (r *run) agentMetonym(m *mention) bool {
	if m.lo < 0 || m.choice < 0 || m.cue != "" && m.cue != "of" || r.prevIsPreposition(m.lo) {
		return false
	}
	p := m.cands[m.choice].p
	if !isCountry(p) && p.Code != "PPLC" && p.Class != 'S' {
		return false
	}
	d := r.d
	i := m.hi
	for n := 0; n < 4 && i < len(d.toks); n++ {
		w := d.word(i)
		switch {
		case agentVerbs[w] || speechVerbs[w]:
			return true
		case beAux[w]:
			next := d.word(i + 1)
			return strings.HasSuffix(next, "ing") && !d.isCap(i+1)
		case haveAux[w]:
			next := d.word(i + 1)
			return next != "" && !d.isCap(i+1) && next != "been" && next != "a" && next != "an" && next != "the" &&
				next != "no" && next != "not"
		case auxiliaries[w]:
		case w == "on" && weekdays[d.word(i+1)]:
			i++
		default:
			return false
		}
		i++
	}
	return false
}

// prevIsPreposition reports whether the word before token lo is a preposition or article, which makes the
// name an object, not a subject: "to Russia", "the Moscow".
func (r *run) prevIsPreposition(lo int) bool {
	p := r.d.prevWord(lo)
	if p < 0 || r.d.initial[lo] {
		return false
	}
	w := r.d.folded[p]
	return locativeCues[w] || w == "the" || w == "with" || w == "by" || w == "for" || w == "against"
}
