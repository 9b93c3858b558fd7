package actors

import (
	"sitrep/internal/event"
	"sitrep/internal/text"
)

// PersonObject reads the people a trigger acts upon when the text names them only as persons: "arrested two
// men", "lynched a man", "abducted three young women". They are civilians of the focus country, as ACLED codes
// people arrested, abducted or killed whom the text does not describe as fighters or soldiers (a group's
// members or a force's men are mentions of their own, which the roles read first). ok is false when the trigger
// has no such object or the focus country is unknown.
func (f *Finder) PersonObject(s text.Sentence, trigger event.Span, focus string) (event.Actor, bool) {
	toks := s.Tokens
	name := f.countryName(focus)
	if len(toks) == 0 || name == "" {
		return event.Actor{}, false
	}
	keys, _ := f.wordsOf(s, "")
	k := tokenEndingAt(toks, trigger.End)
	start := k
	for n := 0; k < len(keys) && n < 6 && (quantityWords[keys[k]] || toks[k].Kind == text.Number || personModifiers[keys[k]]); n++ {
		k++ // "two", "at least 14", "a young"
	}
	family := k < len(keys) && keys[k] == "members" && familyOf(keys, k+1) // "11 members of one family"
	if !family && (k >= len(keys) || !personNouns[keys[k]] || k+1 < len(keys) && keys[k+1] == "-") || suspectedMembers(keys, k+1) {
		return event.Actor{}, false
	}
	m := f.mention(s, toks[start].Start, toks[k].End, withCountry("Civilians", name), event.KindCivilians, focus, "person-object")
	m.Actor.Role = event.RoleActor2
	return m.Actor, true
}

// personNouns name people without saying what they are.
var personNouns = map[string]bool{
	"man": true, "men": true, "woman": true, "women": true, "people": true, "persons": true, "person": true,
	"individuals": true, "youths": true, "youth": true, "boys": true, "girls": true, "boy": true, "girl": true,
	"brothers": true, "relatives": true, "couple": true, "residents": true, "villagers": true,
}

// personModifiers may stand between the verb and its person: "two young men", "an elderly woman".
var personModifiers = map[string]bool{
	"young": true, "elderly": true, "old": true, "local": true, "other": true, "unarmed": true, "teenage": true,
}

// familyOf reports "of one family", "of the same family", "of a family" at token k.
func familyOf(keys []string, k int) bool {
	if k >= len(keys) || keys[k] != "of" {
		return false
	}
	for j := k + 1; j < len(keys) && j <= k+3; j++ {
		if keys[j] == "family" || keys[j] == "families" || keys[j] == "household" {
			return true
		}
	}
	return false
}

// suspectedMembers reports people said, from token i, to belong to an armed group: "three men suspected of
// being members of al-Shabaab", "accused of belonging to ISIS". They are the group's, not civilians; "suspected
// of links to" a group is not membership.
func suspectedMembers(keys []string, i int) bool {
	if i >= len(keys) || !suspicionWords[keys[i]] {
		return false
	}
	for j := i + 1; j < len(keys) && j <= i+4; j++ {
		if memberWords[keys[j]] {
			return true
		}
	}
	return false
}

var (
	suspicionWords = map[string]bool{"suspected": true, "accused": true, "alleged": true, "believed": true}
	memberWords    = map[string]bool{"members": true, "member": true, "belonging": true, "fighters": true, "fighter": true,
		"militants": true, "militant": true, "commanders": true, "commander": true, "operatives": true, "recruiters": true}
)
