package actors

import (
	"strings"

	"sitrep/internal/event"
	"sitrep/internal/text"
)

// ruleAt tries the rule-built mentions at token i: a demonym or country with a force or victim noun, a
// capital or country standing for its government, or a generic phrase bound to the focus country.
func (f *Finder) ruleAt(s text.Sentence, keys []string, bits []wordBits, covered []bool, i int, focus string) (Mention, int, bool) {
	toks := s.Tokens
	if bits[i]&wCap != 0 {
		if p, end, ok := f.places.match(keys, bits, i, pkDemonym, pkCountry, pkCapital, pkSeat); ok && free(covered, i, end) {
			if m, e, ok := f.boundPhrase(s, keys, covered, i, end, p); ok {
				return m, e, true
			}
			if m, ok := f.metonym(s, keys, i, end, p); ok {
				return m, end, true
			}
			if m, ok := f.predicate(s, keys, i, end, p); ok {
				return m, end, true
			}
			return Mention{}, 0, false
		}
	}
	if bits[i]&(wHead|wMod) == 0 && keys[i] != "pro" && keys[i] != "anti" {
		return Mention{}, 0, false
	}
	p, ok := readPhrase(keys, toks, i)
	if !ok || !free(covered, i, p.end) {
		return Mention{}, 0, false
	}
	name, kind, country, rule, ok := f.generic(keys, toks, p, focus)
	if !ok {
		return Mention{}, 0, false
	}
	return f.mention(s, toks[i].Start, toks[p.end-1].End, name, kind, country, rule), p.end, true
}

// boundPhrase reads a phrase after a demonym or country name ("Russian warplanes", "Syria's army").
func (f *Finder) boundPhrase(s text.Sentence, keys []string, covered []bool, i, end int, pl placeName) (Mention, int, bool) {
	if pl.kind != pkDemonym && pl.kind != pkCountry {
		return Mention{}, 0, false
	}
	j := end
	if pl.kind == pkCountry && j < len(keys) && keys[j] == "'s" {
		j++
	}
	if j >= len(keys) || keys[j] == "-" {
		return Mention{}, 0, false // "Russian-made", "Turkish-backed"
	}
	p, ok := readPhrase(keys, s.Tokens, j)
	if !ok || !free(covered, j, p.end) {
		return Mention{}, 0, false
	}
	name, kind, rule := f.classActor(p, pl.country)
	if name == "" {
		return Mention{}, 0, false
	}
	if p.cls == clPeople && !afterNumber(keys, s.Tokens, i) {
		return Mention{}, 0, false
	}
	return f.mention(s, s.Tokens[i].Start, s.Tokens[p.end-1].End, name, kind, pl.country, "demonym-"+rule), p.end, true
}

// predicate reads a demonym that says whose a force or its weapons were: "the jets were Russian", "the
// drones are Iranian". It names that country's military forces.
func (f *Finder) predicate(s text.Sentence, keys []string, i, end int, pl placeName) (Mention, bool) {
	if pl.kind != pkDemonym || i < 2 || !copulas[keys[i-1]] || end < len(keys) && keys[end] == "-" {
		return Mention{}, false
	}
	c, ok := heads[keys[i-2]]
	if !ok || c != clMilitary && c != clStrike {
		return Mention{}, false
	}
	name := f.stateName(pl.country, false)
	if name == "" {
		return Mention{}, false
	}
	return f.mention(s, s.Tokens[i].Start, s.Tokens[end-1].End, name, event.KindStateForces, pl.country, "demonym-predicate"), true
}

// copulas join a force to the demonym that says whose it is.
var copulas = map[string]bool{"was": true, "were": true, "is": true, "are": true}

// generic names a phrase without a demonym, using the focus country where the phrase needs one.
func (f *Finder) generic(keys []string, toks []text.Token, p phrase, focus string) (name, kind, country, rule string, ok bool) {
	prev := ""
	if p.start > 0 {
		prev = keys[p.start-1]
	}
	switch p.cls {
	case clStrike:
		if !p.gov || focus == "" {
			return "", "", "", "", false // "air strikes" alone may be anyone's; "regime air strikes", "junta shelling"
		}
	case clPeople:
		if !afterNumber(keys, toks, p.start) {
			return "", "", "", "", false
		}
	case clMilitary, clPolice, clGovernment, clRegime:
		if !stateCue(p, prev) || focus == "" {
			return "", "", "", "", false
		}
	}
	name, kind, rule = f.classActor(p, focus)
	return name, kind, focus, "focus-" + rule, name != ""
}

// stateCue reports whether a phrase without a demonym plainly means the focus country's state: "government
// forces", "the army", "regime tanks", "troops", "the police".
func stateCue(p phrase, prev string) bool {
	if p.gov || p.proGov || p.rebel || p.unknown {
		return true
	}
	if p.military && p.cls == clMilitary {
		return true // "military jets", "military helicopters"
	}
	switch p.head {
	case "troops", "soldiers", "police", "policemen", "gendarmes", "regime", "junta", "officers", "officer":
		return true
	case "recruits":
		// "killed 17 recruits", "army recruits"; armed groups train recruits too ("a cartel's sites used to
		// train recruits"), so a bare "recruits" is no state's
		return p.military || prev != "" && prev[0] >= '0' && prev[0] <= '9' || numberWords[prev] || prev == "army" || prev == "police"
	case "army", "military", "government", "authorities", "navy", "gendarmerie", "force", "defences", "defenses":
		return prev == "the" || prev == "'s" // "the air force", "the army's air defences"
	}
	return false
}

// afterNumber reports whether the token before i is a number or a quantity word ("20 people").
func afterNumber(keys []string, toks []text.Token, i int) bool {
	return i > 0 && (toks[i-1].Kind == text.Number || numberWords[keys[i-1]])
}

// classActor returns the canonical actor a phrase names in a country ("" when the country is needed and
// unknown).
func (f *Finder) classActor(p phrase, country string) (name, kind, rule string) {
	switch {
	case p.proGov:
		return withCountry("Pro-Government Militia", f.countryName(country)), event.KindPoliticalMilitia, "progov"
	case p.rebel || p.cls == clRebels:
		return withCountry("Opposition Rebels", f.countryName(country)), event.KindRebelGroup, "rebels"
	case p.unknown || p.cls == clUnknown || p.cls == clMilitia:
		return withCountry("Unidentified Armed Group", f.countryName(country)), event.KindPoliticalMilitia, "unidentified"
	}
	switch p.cls {
	case clMilitary, clStrike, clRegime:
		return f.stateName(country, false), event.KindStateForces, "force"
	case clPolice:
		return f.stateName(country, true), event.KindStateForces, "police"
	case clGovernment:
		if p.head != "government" && p.head != "authorities" && p.head != "administration" && p.head != "officials" &&
			p.head != "leadership" && p.head != "cabinet" {
			return f.stateName(country, false), event.KindStateForces, "force"
		}
		return f.governmentName(country), event.KindStateForces, "government"
	case clCivilians, clPeople:
		return withCountry("Civilians", f.countryName(country)), event.KindCivilians, "civilians"
	case clProtesters:
		return withCountry("Protesters", f.countryName(country)), event.KindProtesters, "protesters"
	case clRioters:
		return withCountry("Rioters", f.countryName(country)), event.KindRioters, "rioters"
	}
	return "", "", ""
}

// withCountry appends " (Country)" when the country is known: "Civilians (Syria)".
func withCountry(name, country string) string {
	if country == "" {
		return name
	}
	return name + " (" + country + ")"
}

// countryName returns the common English name of an ISO2 code, "" when unknown.
func (f *Finder) countryName(code string) string {
	if code == "" || f.gaz == nil {
		return ""
	}
	if c, ok := f.gaz.Country(code); ok {
		return c.Name
	}
	return ""
}

// stateName returns "Military Forces of X" (or Police Forces) as the state lexicon spells it.
func (f *Finder) stateName(code string, police bool) string {
	se := f.forces[code]
	if e := se.military; !police && e != nil {
		return e.Name
	}
	if e := se.police; police && e != nil {
		return e.Name
	}
	n := f.countryName(code)
	if n == "" {
		return ""
	}
	if police {
		return "Police Forces of " + n
	}
	return "Military Forces of " + n
}

// governmentName returns "Government of X", with the article the state lexicon uses ("of the United States").
func (f *Finder) governmentName(code string) string {
	mil := f.stateName(code, false)
	if rest, ok := strings.CutPrefix(mil, "Military Forces of "); ok {
		return "Government of " + rest
	}
	return ""
}

// CountryName returns the common English name of an ISO2 code as actor names use it ("Civilians (Syria)"),
// "" when unknown.
func (f *Finder) CountryName(code string) string { return f.countryName(code) }
