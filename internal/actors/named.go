package actors

import (
	"sitrep/internal/event"
	"sitrep/internal/text"
)

// namedAt reads a name that the lexicons do not list, at token i: a person after a title ("President
// Obama", "Defense Secretary Ash Carter", "Maj. Gen. Gary Volesky"), a person by a surname already named in
// the document, an organisation whose capitalised name ends in an organisation noun ("Ministry of Higher
// Education", "Sudan Revolutionary Front"), or an acronym of three or more capitals ("ODE", "CJTF"). It
// returns the kind and the end token (end <= i: none).
func (f *Finder) namedAt(s text.Sentence, keys []string, bits []wordBits, covered []bool, i int, surnames map[string]bool) (string, int) {
	toks := s.Tokens
	if bits[i]&wTitle != 0 {
		j := i
		for j < len(toks) && (bits[j]&wTitle != 0 || keys[j] == ".") {
			j++
		}
		end := j
		for end < len(toks) && end-j < 4 && !covered[end] && (bits[end]&(wCap|wTitle) == wCap || nameParticle(keys, end) ||
			keys[end] == "." && end > j && len(keys[end-1]) == 1) {
			end++
		}
		if end > j && bits[end-1]&wCap != 0 {
			return event.EntityPerson, end
		}
		return "", i
	}
	if bits[i]&wCap == 0 {
		return "", i
	}
	end := i
	for end < len(toks) && !covered[end] && end-i < 8 && (bits[end]&wCap != 0 || nameJoin(keys, toks, end)) {
		end++
	}
	for end > i && bits[end-1]&wCap == 0 {
		end--
	}
	if end > i && (bits[end-1]&wOrgHead != 0 && (end-i > 1 || i > 0) || end-i > 2 && bits[i]&wOrgHead != 0 && keys[i+1] == "of") {
		return event.EntityOrganization, end
	}
	if end == i+1 && surnames[keys[i]] {
		return event.EntityPerson, end
	}
	if end == i+1 && acronym(toks[i].Text) && !f.isPlaceWord(keys, bits, i) {
		return event.EntityOrganization, end
	}
	return "", i
}

// nameJoin reports a small word inside a capitalised name: "Ministry of Defence", "Board of Inquiry".
func nameJoin(keys []string, toks []text.Token, k int) bool {
	switch keys[k] {
	case "of", "for", "and", "the", "&", "-":
		return k+1 < len(toks) && isCapWord(toks[k+1])
	}
	return false
}

// acronym reports a word of three to six capital letters or digits, with at least three letters.
func acronym(w string) bool {
	if len(w) < 3 || len(w) > 6 {
		return false
	}
	letters := 0
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case 'A' <= c && c <= 'Z':
			letters++
		case '0' <= c && c <= '9':
		default:
			return false
		}
	}
	return letters >= 3
}

// isPlaceWord reports whether token i starts a country, capital or demonym.
func (f *Finder) isPlaceWord(keys []string, bits []wordBits, i int) bool {
	_, _, ok := f.places.match(keys, bits, i, pkCountry, pkCapital, pkDemonym)
	return ok
}

// titles precede a person's name.
var titles = map[string]bool{
	"president": true, "minister": true, "secretary": true, "gen": true, "general": true, "maj": true,
	"major": true, "col": true, "colonel": true, "lt": true, "lieutenant": true, "capt": true, "captain": true,
	"sgt": true, "sergeant": true, "adm": true, "admiral": true, "commodore": true, "brig": true,
	"brigadier": true, "cmdr": true, "commander": true, "mr": true, "mrs": true, "ms": true, "dr": true,
	"sheikh": true, "king": true, "prince": true, "princess": true, "queen": true, "senator": true,
	"sen": true, "rep": true, "ambassador": true, "envoy": true, "spokesman": true, "spokeswoman": true,
	"chancellor": true, "premier": true, "governor": true, "gov": true, "mayor": true, "judge": true,
	"emir": true, "imam": true, "pope": true, "cardinal": true, "bishop": true, "ayatollah": true,
	"chief": true, "deputy": true, "foreign": true, "defense": true, "defence": true, "prime": true,
	"vice": true, "state": true, "army": true, "staff": true, "press": true, "officer": true, "petty": true,
	"private": true, "corporal": true, "cpl": true, "pfc": true, "spc": true, "marshal": true, "field": true,
	"professor": true, "prof": true,
}

// orgHeads end the name of an organisation.
var orgHeads = map[string]bool{
	"ministry": true, "department": true, "council": true, "committee": true, "commission": true,
	"agency": true, "office": true, "party": true, "front": true, "movement": true, "organisation": true,
	"organization": true, "coalition": true, "alliance": true, "union": true, "institute": true,
	"court": true, "parliament": true, "assembly": true, "bank": true, "fund": true, "programme": true,
	"program": true, "network": true, "group": true, "association": true, "foundation": true,
	"university": true, "centre": true, "center": true, "service": true, "services": true, "corps": true,
	"authority": true, "army": true, "forces": true, "brigade": true, "brigades": true, "battalion": true,
	"regiment": true, "division": true, "command": true, "wing": true, "squadron": true, "unit": true,
	"force": true, "guard": true, "police": true, "navy": true, "board": true, "tribunal": true,
	"cabinet": true, "government": true, "embassy": true, "mission": true, "observatory": true,
	"news": true, "times": true, "post": true, "press": true, "agency's": true, "company": true,
	"corporation": true, "society": true, "league": true, "federation": true, "legion": true,
	"mujahideen": true, "militia": true, "council's": true, "secretariat": true, "directorate": true,
	"bureau": true, "administration": true, "congress": true, "senate": true, "red crescent": true,
	"crescent": true, "cross": true,
}
