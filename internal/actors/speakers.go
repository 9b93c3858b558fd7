package actors

import (
	"strings"

	"sitrep/internal/text"
)

// speakerHead reports whether a noun phrase ending in token t (key w) can name a speaker: a capitalised
// name ("Cook", "Pentagon"), or a noun of people, bodies and media that speak ("officials", "witnesses",
// "a spokesman", "state media").
func speakerHead(t text.Token, w string) bool {
	if t.Kind != text.Word {
		return false
	}
	if t.IsCap() && !pronouns[w] && w != "i" {
		return true
	}
	if speakerNouns[w] {
		return true
	}
	if n := len(w); n > 3 && w[n-1] == 's' && speakerNouns[w[:n-1]] {
		return true // plural
	}
	return false
}

// adverb reports an -ly adverb ("utterly", "reportedly") or a time adverb that cannot start a speaker.
func adverb(w string) bool {
	switch w {
	case "also", "once", "then", "now", "still", "already", "later", "just", "even", "however":
		return true
	case "family", "ally", "rally", "italy", "assembly", "supply":
		return false
	}
	return len(w) > 4 && strings.HasSuffix(w, "ly")
}

// cognition are verbs of thinking that end a speaker phrase read backwards ("I think sources have said").
var cognition = map[string]bool{
	"think": true, "believe": true, "know": true, "feel": true, "hope": true, "guess": true, "suppose": true,
	"understand": true, "thought": true, "believed": true, "knew": true, "felt": true, "hoped": true,
}

// speakerNouns are common nouns (singular) that head a speaker's phrase.
var speakerNouns = map[string]bool{
	"official": true, "spokesman": true, "spokeswoman": true, "spokesperson": true, "spokesmen": true,
	"minister": true, "ministry": true, "source": true, "resident": true, "witness": true, "witnesses": true,
	"activist": true, "monitor": true, "observer": true, "observatory": true, "medic": true, "doctor": true,
	"police": true, "army": true, "military": true, "commander": true, "agency": true, "group": true,
	"media": true, "authorities": true, "government": true, "governor": true, "mayor": true, "president": true,
	"analyst": true, "expert": true, "investigator": true, "prosecutor": true, "worker": true, "rescuer": true,
	"villager": true, "survivor": true, "relative": true, "family": true, "families": true, "man": true,
	"men": true, "woman": true, "women": true, "people": true, "local": true, "diplomat": true, "envoy": true,
	"council": true, "coalition": true, "forces": true, "troops": true, "rebel": true, "militant": true,
	"insurgent": true, "fighter": true, "leader": true, "chief": true, "head": true, "representative": true,
	"adviser": true, "advisor": true, "secretary": true, "general": true, "colonel": true, "officer": true,
	"newspaper": true, "channel": true, "television": true, "tv": true, "radio": true, "website": true,
	"outlet": true, "broadcaster": true, "committee": true, "commission": true, "organisation": true,
	"organization": true, "charity": true, "campaigner": true, "lawyer": true, "judge": true, "court": true,
	"nurse": true, "inspector": true, "department": true, "office": true, "embassy": true, "mission": true,
	"team": true, "researcher": true, "party": true, "movement": true, "front": true, "militia": true,
	"authority": true, "statement": true, "report": true, "sheikh": true, "elder": true, "chief's": true,
	"staff": true, "personnel": true, "paramedic": true, "volunteer": true, "journalist": true,
	"correspondent": true, "reporter": true, "historian": true, "scholar": true, "professor": true,
	"student": true, "teacher": true, "farmer": true, "trader": true, "owner": true, "employee": true,
	"guard": true, "soldier": true, "victim": true, "hospital": true, "clinic": true, "administration": true,
	"cabinet": true, "parliament": true, "lawmaker": true, "senator": true, "mp": true, "king": true,
	"prince": true, "premier": true, "chancellor": true, "counterpart": true, "ambassador": true,
	"staffer": true, "aide": true, "negotiator": true, "mediator": true, "delegation": true, "union": true,
	"network": true, "service": true, "services": true, "unit": true, "brigade": true, "battalion": true,
	"navy": true, "force": true, "command": true, "headquarters": true, "operator": true, "company": true,
	"firm": true, "manufacturer": true, "bank": true, "body": true, "panel": true, "board": true,
	"tribunal": true, "inquiry": true, "investigation": true, "analysis": true, "study": true, "survey": true,
	"data": true, "figures": true, "count": true, "tally": true, "toll": true, "citizen": true,
	"inhabitant": true, "neighbour": true, "neighbor": true, "eyewitness": true, "bystander": true,
	"civilian": true, "refugee": true, "pilgrim": true, "hostage": true, "captive": true, "detainee": true,
	"prisoner": true, "suspect": true, "defendant": true, "accuser": true, "critic": true, "supporter": true,
	"opponent": true, "ally": true, "allies": true, "partner": true, "member": true, "user": true,
	"blogger": true, "poster": true, "account": true, "post": true, "video": true, "footage": true,
	"photo": true, "image": true, "imagery": true, "document": true, "letter": true, "tweet": true,
}
