package extract

import (
	"strings"

	"sitrep/internal/event"
)

// accept runs the context checks on a trigger: what it needs, support for a weak cue, modality, negation,
// accusations of a pattern, background nouns and history.
func (r *run) accept(s *sent, h hit) bool {
	if !r.needs(s, h) {
		return false
	}
	if !h.info.strong && !r.supported(s, h) {
		return false
	}
	if s.has(classNonConf) && len(s.weapons) == 0 && !armedMention(s) &&
		(!h.info.strong && !h.info.literal() || h.info.class == subArrests || h.info.class == "Sexual violence") {
		return false // "killed in a road accident", "was arrested and charged with fraud"
	}
	if h.info.noun && h.info.literal() && s.objectOf(h) {
		return false // "destroyed a VBIED", "seized two grenades": the device is a target or a find
	}
	if h.info.class == classStrike && s.has("mod:intervention") {
		return false // "police fired tear gas": crowd control, which joins the protest it broke up
	}
	if h.info.class == subArrests && !s.has(classProtest) && !s.politicalArrest() {
		return false // "police arrested a man for theft": ACLED codes arrests of political weight only
	}
	if h.info.class == "Sexual violence" && len(s.weapons) == 0 && !s.armedParty(false) {
		return false // sexual violence counts as political violence when an armed party commits it
	}
	if h.info.class == subDisrupted && r.seizedByNonState(s, h) {
		return false // "the attackers seized weapons and vehicles": loot of an attack, not a disrupted weapon
	}
	if s.supportOnly(h) {
		return false // "troops backed by Russian air strikes captured the town": the strikes back the capture
	}
	if s.insideName(h) {
		return false // "Popular Mobilization Forces", "National Liberation Army"
	}
	if !h.info.strong && (s.sentenceHas(wCumulative) || s.anyWord(s.before(h.tok, 3), wPattern) && len(s.datesOf()) == 0) {
		return false // "more than 10,000 have been killed since 2011", "numerous attacks in the region"
	}
	if s.describesParty(h) {
		return false // "Al-Shabaab, which killed dozens of soldiers in 2023, said": a description of a party
	}
	if s.habitualTarget(h) {
		return false // "Odesa has been a frequent target of drone strikes": a description of a place, background
	}
	if s.summarises(h) {
		return false // "has killed thousands over the past decade": a sum of incidents, background
	}
	if s.aggregate(h) {
		return false // "hundreds of thousands have been killed", "conducted over 265 bombing raids"
	}
	return !s.contextRejects(h) && !r.history(s, h) && !s.lasting(h)
}

// needs checks the cue's needs column.
func (r *run) needs(s *sent, h hit) bool {
	switch h.info.needs {
	case "force":
		if h.info.class == "Change to group/activity" {
			return s.forceInReport(h)
		}
		return s.hasForce(h) || len(s.weapons) > 0 || armedMention(s)
	case "territory":
		return s.hasTerritory(h)
	case "weapon":
		return len(s.weapons) > 0
	case "date":
		return nearestDate(s, h, s.Start, s.End) != nil
	case "victims":
		return len(s.countsOf()) > 0
	case "projectile":
		return s.projectileObject(h)
	case "crowd":
		return s.count(classCrowd) > 0 || s.count(classProtest) > own(h, classProtest)
	case "decree":
		return s.decreeNear(h)
	}
	return true
}

// decreeNear reports a verb of decree (imposed, declared, lifted) within eight tokens before or after the cue:
// "authorities imposed a dusk-to-dawn curfew", "a curfew from 6pm to 6am was imposed". The window keeps a long
// sentence's unrelated verb from counting; a curfew merely named near one ("the ministry announced on Monday
// that curfews, checkpoints and fuel prices had hurt traders") is still taken, and a decree separated from its
// curfew by a long inserted clause is missed.
func (s *sent) decreeNear(h hit) bool {
	last := s.tokenAt(h.End - 1) // the cue's last token
	return s.hitIn(classDecree, h.tok-8, last+8)
}

// hitIn reports a hit of class whose first token is from lo to hi (both included).
func (s *sent) hitIn(class string, lo, hi int) bool {
	for _, o := range s.hits {
		if o.info.class == class && o.tok >= lo && o.tok <= hi {
			return true
		}
	}
	return false
}

// projectileObject reports a drone or missile as the object of the cue, within five tokens after it ("air
// defences destroyed 12 Ukrainian drones"), with no aircraft or artillery named before the cue other than an
// air defence ("drones destroyed a depot", "jets destroyed missile launchers" are strikes).
func (s *sent) projectileObject(h hit) bool {
	for _, o := range s.hits {
		if o.Start < h.Start && (o.info.class == "mod:air" || o.info.class == "mod:fire") && !s.airDefenceAt(o.Start) {
			return false
		}
	}
	end := s.tokenAt(h.End)
	for _, w := range s.weapons {
		c := w.Entry.Attr("class")
		if k := s.tokenAt(w.Start); k >= end && k <= end+5 && (c == "drone" || c == "missile") && !s.is(s.tokenAt(w.End), wLauncher) &&
			s.objectHead(end, k) {
			return true
		}
	}
	return false
}

// objectHead reports that the words from token i up to token k are the start of one noun phrase whose head is
// at k or after: no conjunction, comma or possessive between ("neutralised 30 terrorists and destroyed their
// drones": the drones are not what was neutralised, and the enemy's own drones destroyed are no interception).
func (s *sent) objectHead(i, k int) bool {
	for j := i; j < k; j++ {
		if objectBreaks[s.word(j)] {
			return false
		}
	}
	return !objectBreaks[s.word(i)]
}

// objectBreaks end an object noun phrase before its head, or make it possessed.
var objectBreaks = set("and", "or", ",", ";", "their", "its", "his", "her", "whose")

// airDefenceAt reports an air defence weapon that covers byte offset off.
func (s *sent) airDefenceAt(off int) bool {
	for _, w := range s.weapons {
		if w.Start <= off && off < w.End && w.Entry.Attr("class") == "air_defence" {
			return true
		}
	}
	return false
}

// launcherWords after a missile make it the launcher, a target on the ground: "missile launchers".
var launcherWords = set("launcher", "launchers", "systems", "system", "sites", "site", "depot", "depots", "workshop",
	"workshops", "factory", "factories", "plant", "plants", "warehouse", "warehouses", "facility", "facilities",
	"hangar", "hangars", "base", "bases", "store", "stores", "storage", "production", "assembly", "unit", "units",
	"operator", "operators", "team", "teams", "crew", "crews", "parts", "components", "workshop's")

// supported reports whether a weak cue has support in its sentence: another trigger, a weapon, an armed
// party, a target, a count of dead or injured, or a date.
func (r *run) supported(s *sent, h hit) bool {
	for _, o := range s.hits {
		if o.Start != h.Start && (o.info.trigger() || o.info.forceLike()) {
			return true
		}
	}
	return len(s.weapons) > 0 || len(s.targets) > 0 || len(s.countsOf()) > 0 || len(s.datesOf()) > 0 || armedMention(s)
}

// hasForce reports a force word other than the cue itself.
func (s *sent) hasForce(h hit) bool {
	return s.count(classForce)+s.count("mod:air")+s.count("mod:fire") > 0
}

// own is 1 when h itself is of class, so that "another hit of class" is count(class) > own(h, class).
func own(h hit, class string) int {
	if h.info.class == class {
		return 1
	}
	return 0
}

// hasTerritory reports a territory word within eight tokens after the cue, or a capitalised name right after
// it ("captured Palmyra").
func (s *sent) hasTerritory(h hit) bool {
	end := s.tokenAt(h.End)
	if s.hitIn(classTerritory, end, end+8) {
		return true
	}
	j := end
	if s.is(j, wDeterminer) {
		j++
	}
	if j >= len(s.Tokens) || !s.Tokens[j].IsCap() {
		return false
	}
	if s.hitIn(classForce, j, j+3) {
		return false
	}
	for _, m := range s.mentions {
		if m.Start <= s.Tokens[j].Start && s.Tokens[j].Start < m.End {
			return false
		}
	}
	return true
}

// armedMention reports an actor mention of an armed kind that names a group or force (not a bare country).
func armedMention(s *sent) bool {
	for _, m := range s.mentions {
		if !m.Metonym && m.Entry != nil && armedKind(m.Actor.Kind) {
			return true
		}
	}
	return false
}

// armedKind reports whether an actor kind bears arms.
func armedKind(k string) bool {
	switch k {
	case event.KindStateForces, event.KindRebelGroup, event.KindPoliticalMilitia, event.KindIdentityMilitia,
		event.KindExternalForces:
		return true
	}
	return false
}

// objectOf reports a cue that is the object of a verb that destroys, seizes or finds it, possibly in a list
// ("destroyed an ISIL-held building, a VBIED, and a loader"): up to 15 tokens back, through commas, to the
// first semicolon or other trigger.
func (s *sent) objectOf(h hit) bool {
	for i := h.tok - 1; i >= 0 && i >= h.tok-15; i-- {
		w := s.word(i)
		switch {
		case s.is(i, wObject):
			return true
		case w == ";" || w == ":" || w == "which" || w == "who" || w == "but" || w == "while":
			return false
		}
		for _, o := range s.hits {
			if o.tok == i && o.info.trigger() && !o.info.noun {
				return false
			}
		}
	}
	return false
}

// politicalArrest reports an arrest of political weight: by an armed party other than the police (the
// army, a militia), of a named group's members, or of activists, journalists, opposition figures, officials
// or suspected militants.
func (s *sent) politicalArrest() bool {
	for _, m := range s.mentions {
		if m.Metonym || !armedKind(m.Actor.Kind) {
			continue
		}
		if m.Actor.Kind != event.KindStateForces || !strings.HasPrefix(m.Actor.Name, "Police") {
			return true
		}
	}
	for i := range s.Tokens {
		if s.is(i, wPolitical) {
			return true
		}
	}
	return false
}

// armedParty reports a mention of an armed party, named or rule-built ("armed men", "soldiers"); the police
// count only when asked (in crime news they investigate).
func (s *sent) armedParty(police bool) bool {
	for _, m := range s.mentions {
		if !m.Metonym && armedKind(m.Actor.Kind) && (police || !strings.HasPrefix(m.Actor.Name, "Police")) {
			return true
		}
	}
	return false
}

// politicalWords name people whose arrest is political.
var politicalWords = set("activist", "activists", "opposition", "journalist", "journalists", "reporter", "reporters",
	"protester", "protesters", "demonstrators", "politician", "politicians", "lawmaker", "lawmakers", "dissident",
	"dissidents", "critic", "critics", "blogger", "bloggers", "militant", "militants", "rebel", "rebels",
	"insurgent", "insurgents", "jihadist", "jihadists", "terrorist", "terrorists", "terror", "terrorism",
	"extremist", "extremists", "separatist", "separatists", "spy", "spies", "espionage", "treason", "sedition",
	"coup", "minister", "ministers", "mayor", "governor", "candidate", "candidates", "leader", "leaders",
	"commander", "commanders", "fighters", "cleric", "imam", "unionists", "unionist", "mp", "mps", "senator",
	"parliamentarian", "soldiers", "deserters")

// subDisrupted is the sub-type of weapons intercepted, defused or seized.
const subDisrupted = "Disrupted weapons use"

// seizedByNonState reports a seizure of weapons ("seized weapons", "arms cache") whose actor is a non-state
// armed party or unidentified attackers: ACLED's disrupted weapons use is a force taking arms out of use,
// while attackers who carry off a base's weapons loot it as part of their attack.
func (r *run) seizedByNonState(s *sent, h hit) bool {
	t := lower(h.Text)
	if !strings.Contains(t, "seiz") && !strings.Contains(t, "cache") && !strings.Contains(t, "depot") || r.e.act == nil {
		return false
	}
	a1, _ := r.roles(s, h)
	for _, a := range a1 {
		if armedKind(a.Kind) && a.Kind != event.KindStateForces || unidentified(a) {
			return true
		}
	}
	return false
}

// supportOnly reports a cue in a phrase of support ("backed by air strikes", "under cover of artillery
// fire", "with the support of drones") in a sentence that has another trigger: the sentence reports what was
// supported.
func (s *sent) supportOnly(h hit) bool {
	support := false
	for i := h.tok - 1; i >= 1 && i >= h.tok-4; i-- {
		w, prev := s.word(i), s.word(i-1)
		if w == "by" && s.is(i-1, wSupport) || w == "of" && (prev == "cover" || prev == "support" || prev == "help") {
			support = true
			break
		}
	}
	if !support {
		return false
	}
	for _, o := range s.hits {
		if o.Start != h.Start && o.info.trigger() && o.info.class != h.info.class && o.tok > h.tok+1 {
			return true
		}
	}
	return false
}

// supportVerbs put what follows "by" in support of the sentence's act.
var supportVerbs = set("backed", "supported", "aided", "assisted", "covered", "helped", "accompanied")

// habitualTarget reports a cue that follows "frequent targets of", "a regular target for": a description of a
// place or a group as often attacked, not one incident.
func (s *sent) habitualTarget(h hit) bool {
	idx := s.before(h.tok, 7)
	for k := range idx.n {
		if w := s.word(idx.at(k)); (w == "of" || w == "for") && k+1 < idx.n {
			t := s.word(idx.at(k + 1))
			if (t == "target" || t == "targets") && k+2 < idx.n &&
				s.is(idx.at(k+2), wPattern|wGeneric) {
				return true
			}
		}
	}
	return false
}

// forceInReport is the force need of a movement ("sent", "deployed"): a force, weapon or armed party in the
// same reported statement as the cue. "Four soldiers were treated, he said, and samples had been sent for
// analysis": the soldiers belong to another statement, nothing armed was sent.
func (s *sent) forceInReport(h hit) bool {
	in := func(start int) bool {
		a, b := s.tokenAt(start), h.tok
		if a > b {
			a, b = b, a
		}
		for i := a + 1; i < b; i++ {
			if w := s.word(i); w == ";" || reportWords[w] && (s.word(i-1) == "," || s.word(i+1) == ",") {
				return false
			}
		}
		return true
	}
	for _, o := range s.hits {
		if o.info.forceLike() && in(o.Start) {
			return true
		}
	}
	for _, w := range s.weapons {
		if in(w.Start) {
			return true
		}
	}
	for _, m := range s.mentions {
		if !m.Metonym && m.Entry != nil && armedKind(m.Actor.Kind) && in(m.Start) {
			return true
		}
	}
	return false
}

// describesParty reports a cue inside a relative clause set off by commas (", which has bombed markets
// across the region,", ", who killed dozens in 2023,") that the sentence goes on past: it describes a party
// or a place, it does not report an incident. A day named inside the clause (", which launched an offensive
// on Monday,") keeps the cue.
func (s *sent) describesParty(h hit) bool {
	start := -1
	for i := h.tok - 1; i >= 1; i-- {
		w := s.word(i)
		if (w == "which" || w == "who") && s.word(i-1) == "," {
			start = i
			break
		}
		if w == "," || w == ";" || w == "\u2014" || w == "(" || w == ")" {
			return false
		}
	}
	if start < 0 {
		return false
	}
	end := -1
	for i := h.tok + 1; i < len(s.Tokens); i++ {
		if w := s.word(i); w == "," || w == "\u2014" {
			end = i
			break
		} else if w == ";" || w == "." {
			return false
		}
	}
	if end < 0 || end+1 >= len(s.Tokens) || s.word(end+1) == "." {
		return false // a trailing clause goes on with the incident: "stormed the village, which they burned"
	}
	lo, hi := s.Tokens[start].Start, s.Tokens[end].Start
	for _, x := range s.datesOf() {
		if x.Start >= lo && x.End <= hi && x.Precision == event.PrecisionDay {
			return false
		}
	}
	return true
}
