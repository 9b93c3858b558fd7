package actors

import "sitrep/internal/text"

// phrase is a run of modifiers ending in a head noun: "regime forces", "pro-government militias",
// "unidentified armed men", "aid workers".
type phrase struct {
	head     string // the head's key
	cls      class  // the head's class
	start    int    // first token
	end      int    // token index after the head
	gov      bool   // a government, regime, state or security modifier
	regime   bool   // a regime modifier
	proGov   bool   // pro-government, pro-regime
	rebel    bool   // rebel or opposition modifier
	unknown  bool   // unidentified, unknown, masked, armed (of "men")
	military bool   // a military modifier ("military jets")
}

// readPhrase reads a phrase starting at token j; ok is false when no head noun ends it.
func readPhrase(keys []string, toks []text.Token, j int) (phrase, bool) {
	p := phrase{start: j, end: -1}
	var mods phrase // modifier flags seen so far
	for k := j; k < len(keys) && k-j < 6; k++ {
		w := keys[k]
		if (w == "pro" || w == "anti") && k+2 < len(keys) && keys[k+1] == "-" {
			if w == "pro" && (keys[k+2] == "government" || keys[k+2] == "regime") {
				mods.proGov = true
			}
			k += 2
			continue
		}
		if (w == "rebel" || w == "opposition" || w == "insurgent") && k+2 < len(keys) && keys[k+1] == "-" &&
			(keys[k+2] == "held" || keys[k+2] == "controlled" || keys[k+2] == "run") {
			p.head, p.cls, p.end, p.rebel = w, clRebels, k+3, true
			return p, true
		}
		if toks[k].Kind != text.Word {
			break
		}
		if c, ok := heads[w]; ok && headAllowed(w, mods, keys, j, k) {
			if p.cls == clPolice && (c == clStrike || c == clMilitary) {
				if c == clMilitary {
					p.end = k + 1 // "police forces", "police units": still the police
				}
				break // "police fire tear gas": the verb, or the police's own fire
			}
			p.head, p.cls, p.end = w, c, k+1
			p.gov, p.regime, p.proGov, p.rebel, p.unknown = mods.gov, mods.regime, mods.proGov, mods.rebel, mods.unknown
			p.military = mods.military
			if c == clCivilians || c == clProtesters {
				p.rebel, p.gov, p.regime = false, false, false // "opposition activists", "government critics"
			}
		}
		c, isMod := mods2class(w)
		if !isMod {
			break
		}
		switch c {
		case clGovernment:
			mods.gov = true
		case clRegime:
			mods.gov, mods.regime = true, true
		case clRebels:
			mods.rebel = true
		case clUnknown:
			mods.unknown = true
		}
		if w == "armed" {
			mods.unknown = true
		}
		if w == "military" {
			mods.military = true
		}
	}
	if p.head == "opposition" && p.end < len(keys) && civicNouns[keys[p.end]] {
		return p, false // "opposition supporters", "opposition activists": politics, not rebels
	}
	return p, p.end > 0
}

// civicNouns after "opposition" make a political, not an armed, party.
var civicNouns = map[string]bool{
	"supporters": true, "activists": true, "activist": true, "politicians": true, "politician": true,
	"leaders": true, "leader": true, "figures": true, "figure": true, "parties": true, "party": true,
	"lawmakers": true, "mps": true, "candidates": true, "candidate": true, "coalition": true, "bloc": true,
	"alliance": true, "members": true, "politics": true, "newspaper": true, "media": true, "protesters": true,
	"demonstrators": true, "voters": true, "legislators": true, "senators": true, "deputies": true,
}

// headAllowed rejects heads that need a modifier: "men" only as "armed men", "unidentified men"; a "force"
// only as a branch or a security force ("the air force", "a naval force", "security force", not "excessive
// force"), and "defences" only as "air defences". j is the phrase's first token and k the head's.
func headAllowed(w string, mods phrase, keys []string, j, k int) bool {
	switch w {
	case "men":
		return mods.unknown
	case "force":
		return k > j && forceBranches[keys[k-1]]
	case "defences", "defenses":
		return k > j && keys[k-1] == "air"
	case "members":
		return k > j && (keys[k-1] == "gang" || keys[k-1] == "cartel") // "gang members", not "family members"
	case "officers", "officer":
		return k > j && officerBranches[keys[k-1]] // "army officers", "police officers", not "UN officers"
	}
	return true
}

// officerBranches make officers a force's men.
var officerBranches = map[string]bool{"army": true, "military": true, "police": true, "security": true, "naval": true}

// forceBranches make a "force" a state's armed branch: "the air force", "Kenya's naval force".
var forceBranches = map[string]bool{
	"air": true, "naval": true, "security": true, "border": true, "defence": true, "defense": true,
	"military": true, "police": true,
}

// mods2class returns the class a modifier lends, and whether w is a modifier at all.
func mods2class(w string) (class, bool) {
	c, ok := mods[w]
	return c, ok
}
