package extract

import (
	"slices"
	"strings"

	"sitrep/internal/casualty"
	"sitrep/internal/event"
	"sitrep/internal/lexicon"
)

// ACLED sub-event types the rules name.
const (
	subClash      = "Armed clash"
	subGovRegains = "Government regains territory"
	subNSAO       = "Non-state actor overtakes territory"
	subAir        = "Air/drone strike"
	subSuicide    = "Suicide bomb"
	subRemote     = "Remote explosive/landmine/IED"
	subAttack     = "Attack"
	subPeaceful   = "Peaceful protest"
	subInterv     = "Protest with intervention"
	subExcessive  = "Excessive force against protesters"
	subViolentDem = "Violent demonstration"
	subArrests    = "Arrests"
	subLooting    = "Looting/property destruction"
)

// Victim nouns as casualty.Mention.Who gives them.
var (
	civilianWho = set("people", "civilians", "civilian", "children", "child", "women", "men", "villagers",
		"residents", "worshippers", "students", "pupils", "passengers", "workers", "aid workers", "journalists",
		"farmers", "patients", "refugees", "pilgrims", "shoppers", "persons", "family", "members")
	armedWho = set("soldiers", "soldier", "troops", "militants", "fighters", "rebels", "insurgents", "policemen",
		"police", "officers", "jihadists", "militiamen", "gunmen", "guards", "personnel", "servicemen", "attackers")
	protestWho   = set("protesters", "protestors", "demonstrators", "marchers")
	vagueVictims = set("people", "persons", "others", "dead", "casualties")
	stateWords   = set("army", "troops", "soldiers", "regime", "government", "police", "military", "forces")
	rebelWords   = set("rebels", "militants", "insurgents", "fighters", "jihadists", "gunmen", "militia", "militias",
		"militiamen", "opposition", "extremists", "terrorists")
)

// candidate builds the candidate of trigger h: its actors and its sub-type.
func (r *run) candidate(s *sent, h hit) *cand {
	c := &cand{s: s, h: h, anaphoric: s.refersBack(h), fresh: s.sentenceHas(wNewIncident), lo: s.Start, hi: s.End}
	if r.e.act != nil {
		c.actor1, c.actor2 = r.roles(s, h)
		if a1, a2 := r.betweenParties(s, h); a1 != nil {
			c.actor1, c.actor2 = a1, a2 // "fighting between A and B": the two sides, whoever the verb's subject
		}
		if len(c.actor1) == 0 {
			c.actor1 = r.otherAgent(s, h, c.lo, c.hi) // "20 were killed when gunmen attacked the village"
		}
	}
	c.sub, c.rule, c.entry, c.spec = r.subType(c)
	if r.e.act != nil && len(c.actor2) == 0 && (c.sub == subNSAO || c.sub == subGovRegains || c.sub == subClash) {
		c.actor2 = r.otherSide(s, h, c.actor1)
	}
	if r.e.act != nil && len(c.actor2) == 0 && personTargets[c.sub] {
		c.actor2 = r.personObject(s, h)
	}
	return c
}

// crowdActed reports protesters among the parties a cue acts upon: a crowd police broke up.
func crowdActed(c *cand) bool {
	for _, a := range c.actor2 {
		if a.Kind == event.KindProtesters {
			return true
		}
	}
	return false
}

// personTargets are the sub-types whose object, named only as persons ("two men"), is civilians.
var personTargets = set(subArrests, subAttack, "Abduction/forced disappearance", "Mob violence", "Sexual violence",
	subAir, "Shelling/artillery/missile attack", subRemote, subSuicide, "Grenade")

// personObject is the people named only as persons that the cue, or another cue of its class or of killing
// after it, acts upon: "arrested two men", "a mob lynched a man" (the mob's cue is the noun). They are civilians, unless
// the text says they were fighters (then a mention of their own that the roles read first).
func (r *run) personObject(s *sent, h hit) []event.Actor {
	for _, o := range s.hits {
		if o.Start != h.Start && (o.info.class != h.info.class && o.info.class != classViolence || o.Start < h.Start) {
			continue // "a strike on a house killed 11 members of one family": the killing's object
		}
		if a, ok := r.e.act.PersonObject(s.Sentence, o.span(), r.sentenceFocus(s)); ok {
			return []event.Actor{a}
		}
	}
	return nil
}

// otherSide is the armed party that another battle cue of the sentence fought: "M23 rebels captured Sake
// after heavy fighting with the Congolese army" takes the army from "fighting with".
func (r *run) otherSide(s *sent, h hit, a1 []event.Actor) []event.Actor {
	for _, o := range s.hits {
		if o.Start == h.Start || o.info.class != subClash {
			continue
		}
		_, a2 := r.roles(s, o)
		var out []event.Actor
		for _, a := range a2 {
			if armedKind(a.Kind) && !slices.ContainsFunc(a1, func(b event.Actor) bool {
				return a.Name == b.Name || a.Kind == b.Kind && a.Kind == event.KindStateForces && a.Country == b.Country
			}) {
				out = append(out, a)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// refersBack reports an anaphor in the sentence, a noun cue after a determiner ("the attack"), or, past the
// lede, the perpetrators named again as known ("the attackers exchanged fire with police").
func (s *sent) refersBack(h hit) bool {
	if h.inner || s.has(classAnaphor) {
		return true
	}
	if h.info.noun && s.is(h.tok-1, wDeterminer) {
		return true
	}
	if s.idx == 0 {
		return false
	}
	for i := 1; i < len(s.Tokens) && i < h.tok; i++ {
		if s.is(i, wPerpetrator) && (s.word(i-1) == "the" || s.word(i-1) == "these") {
			return true
		}
	}
	return false
}

// perpetratorNouns name the unnamed authors of an incident, who "the" makes those already told of.
var perpetratorNouns = set("attackers", "assailants", "gunmen", "raiders", "kidnappers", "abductors", "bombers",
	"attacker", "assailant", "gunman", "bomber")

// subType decides the sub-event type of a candidate: the rule and the lexicon entry behind it, and how
// specific the decision is.
func (r *run) subType(c *cand) (sub, rule, entry string, spec int) {
	s, info := c.s, c.h.info
	src := c.h.Entry.Source
	switch info.class {
	case classViolence:
		return r.violence(c)
	case classExplosion, classStrike:
		if sub, rule, e, ok := deliveredBy(s, c.h); ok {
			return sub, rule, e, 2
		}
		if info.class == classStrike {
			return subAir, "strike-default", src, 1
		}
		return subRemote, "explosion-default", src, 1
	case classProtest:
		return r.protest(c)
	case subNSAO, subGovRegains:
		return r.territory(c)
	case subRemote:
		if m := s.first("mod:suicide"); m != nil {
			return subSuicide, "suicide-cue", m.Entry.Source, 3
		}
	case subArrests:
		if s.has(classProtest) {
			return subInterv, "protest-arrests", src, 3
		}
		if m := s.first("mod:intervention"); m != nil && crowdActed(c) {
			return subInterv, "dispersal-arrests", m.Entry.Source, 3 // "used tear gas to disperse supporters, arresting 30"
		}
	case subLooting:
		if s.has(classProtest) {
			return subViolentDem, "protest-destruction", src, 3
		}
	case subClash:
		if !info.strong && civilianVictims(c) {
			return subAttack, "victims-civilians", src, 2
		}
	}
	spec = 3
	if !info.strong {
		spec = 2
	}
	return info.class, "cue", src, spec
}

// violence decides a generic act of violence: the weapon, aircraft, then the victims.
func (r *run) violence(c *cand) (string, string, string, int) {
	s, src := c.s, c.h.Entry.Source
	if sub, rule, e, ok := deliveredBy(s, c.h); ok {
		return sub, rule, e, 2
	}
	if m := s.first("mod:excessive"); m != nil && protestNoun(m.Text) {
		return subExcessive, "force-on-protesters", m.Entry.Source, 3 // "police fired on protesters, killing two"
	}
	for _, a := range c.actor2 {
		if a.Kind == event.KindProtesters && a.Span != nil && a.Span.End <= c.h.Start && len(c.actor1) == 0 {
			return subViolentDem, "crowd-violence", src, 2 // "supporters of the leader stormed a compound"
		}
	}
	for _, a := range c.actor2 {
		if a.Kind == event.KindCivilians {
			return subAttack, "victims-civilians", src, 2
		}
		if armedKind(a.Kind) {
			return subClash, "victims-armed", src, 2
		}
	}
	for i := range s.countsOf() {
		m := &s.counts[i]
		switch w := lastWord(m.Who); {
		case civilianWho[w] && !s.membersOfArmed(m):
			return subAttack, "victims-civilians", src, 2
		case armedWho[w]:
			return subClash, "victims-armed", src, 2
		}
	}
	for _, o := range s.hits {
		if o.info.class == classForce && o.tok > c.h.tok {
			return subClash, "armed-object", src, 1
		}
	}
	for _, t := range s.targets {
		if t.Start >= c.h.End && t.Entry.Attr("class") == "military" && !civilianVictims(c) {
			return subClash, "military-target", src, 1 // "militants attacked a military post"
		}
	}
	return subAttack, "violence-default", src, 1
}

// protestNoun reports a cue phrase that names the protesters ("fired on protesters"): it reports a protest
// although the protest cue is inside it.
func protestNoun(t string) bool {
	t = lower(t)
	return strings.Contains(t, "protest") || strings.Contains(t, "demonstrat")
}

// lastWord is the folded head of a victims noun phrase ("innocent civilians" -> "civilians").
func lastWord(who string) string {
	if i := strings.LastIndexByte(who, ' '); i >= 0 {
		who = who[i+1:]
	}
	return lower(who)
}

// civilianVictims reports civilians as the acted-upon party or as the dead and injured counted. "People"
// says nothing of who they were: fighting that "killed eight people" is still fighting.
func civilianVictims(c *cand) bool {
	for _, a := range c.actor2 {
		if a.Kind == event.KindCivilians && (a.Span == nil || !vagueVictims[lastWord(a.Span.Text)]) {
			return true
		}
	}
	for i := range c.s.countsOf() {
		m := &c.s.counts[i]
		if w := lastWord(m.Who); civilianWho[w] && w != "people" && !c.s.membersOfArmed(m) {
			return true
		}
	}
	return false
}

// membersOfArmed reports counted "members" of an armed party ("five members of the Clan del Golfo"): fighters,
// not civilians.
func (s *sent) membersOfArmed(m *casualty.Mention) bool {
	if lastWord(m.Who) != "members" {
		return false
	}
	for _, a := range s.mentions {
		if a.Start >= m.End && a.Start-m.End <= len(" of the ") && armedKind(a.Actor.Kind) &&
			strings.HasPrefix(strings.TrimSpace(s.low[m.End-s.Start:]), "of ") {
			return true
		}
	}
	return false
}

// protest decides how a demonstration went: lethal force, violence by protesters, intervention, or peaceful.
func (r *run) protest(c *cand) (string, string, string, int) {
	s := c.s
	for _, m := range s.countsOf() {
		if protestWho[lastWord(m.Who)] && m.Kind == "killed" {
			return subExcessive, "protesters-killed", c.h.Entry.Source, 3
		}
	}
	if sub, rule, entry, ok := protestMod(s); ok {
		return sub, rule, entry, 3
	}
	return subPeaceful, "protest-default", c.h.Entry.Source, 2
}

// protestModifiers are the cues that say how a protest went, strongest first.
var protestModifiers = []struct{ class, sub, rule string }{
	{"mod:excessive", subExcessive, "excessive-force-cue"},
	{"mod:violent", subViolentDem, "violent-protest-cue"},
	{subLooting, subViolentDem, "protest-destruction"},
	{subClash, subViolentDem, "protest-clash"},
	{"mod:intervention", subInterv, "intervention-cue"},
	{subArrests, subInterv, "protest-arrests"},
}

// protestMods are the classes of protestModifiers.
var protestMods = func() []string {
	var out []string
	for _, p := range protestModifiers {
		out = append(out, p.class)
	}
	return out
}()

// protestMod returns the strongest protest modifier of s.
func protestMod(s *sent) (sub, rule, entry string, ok bool) {
	for _, p := range protestModifiers {
		if m := s.first(p.class); m != nil {
			return p.sub, p.rule, m.Entry.Source, true
		}
	}
	return "", "", "", false
}

// territory decides who took ground: a state force regains it, anyone else overtakes it.
func (r *run) territory(c *cand) (string, string, string, int) {
	src := c.h.Entry.Source
	for _, a := range c.actor1 {
		if a.Kind == event.KindStateForces {
			return subGovRegains, "taker-state", src, 3
		}
		if armedKind(a.Kind) {
			return subNSAO, "taker-non-state", src, 3
		}
	}
	for idx, k := c.s.before(c.h.tok, 6), 0; k < idx.n; k++ {
		switch w := c.s.word(idx.at(k)); {
		case stateWords[w]:
			return subGovRegains, "taker-state-word", src, 3
		case rebelWords[w]:
			return subNSAO, "taker-non-state-word", src, 3
		}
	}
	return c.h.info.class, "cue", src, 2
}

// deliveredBy decides an explosion or strike from what delivered it: a chemical agent, a suicide attacker, an
// aircraft (missiles fired from jets are an air strike), the named weapon's hint, then artillery, rockets or
// missiles.
func deliveredBy(s *sent, h hit) (sub, rule, entry string, ok bool) {
	hint, w := weaponHint(s, h)
	if hint == "Chemical weapon" {
		return hint, "weapon-hint", w.Source, true
	}
	if m := s.first("mod:suicide"); m != nil {
		return subSuicide, "suicide-cue", m.Entry.Source, true
	}
	if m := s.firstAgent("mod:air"); m != nil {
		return subAir, "air-cue", m.Entry.Source, true
	}
	if hint != "" {
		return hint, "weapon-hint", w.Source, true
	}
	if m := s.firstAgent("mod:fire"); m != nil {
		return "Shelling/artillery/missile attack", "fire-cue", m.Entry.Source, true
	}
	return "", "", "", false
}

// weaponHint returns the sub-type hint of the weapon nearest the cue, when it names an explosion or strike.
func weaponHint(s *sent, h hit) (string, *lexicon.Entry) {
	best, bestD := "", -1
	var entry *lexicon.Entry
	for _, w := range s.weapons {
		hint := w.Entry.Attr("sub_event_hint")
		if t, ok := event.TypeOf(hint); !ok || t != event.TypeExplosions || s.anyWord(s.before(s.tokenAt(w.Start), 12), wObject) {
			continue // no hint, or a weapon destroyed or seized rather than used
		}
		d := w.Start - h.End
		if d < 0 {
			d = h.Start - w.End
		} else if !s.deliveredWith(h, w) {
			continue // "strikes destroyed two vehicles, a mortar and a VBIED": targets, not the means
		}
		if bestD < 0 || d < bestD {
			best, bestD, entry = hint, d, w.Entry
		}
	}
	return best, entry
}

// deliveredWith reports whether a weapon named after the cue is what delivered it: a preposition or verb of
// use stands between them ("attack with mortars", "blast caused by an IED", "strike using drones") and no
// verb that makes it an object ("destroyed a VBIED").
func (s *sent) deliveredWith(h hit, w lexicon.Match) bool {
	from, to := s.tokenAt(h.End), s.tokenAt(w.Start)
	if to-from > 10 {
		return false
	}
	use := to == from // right after the cue: "bomb attack" reads the other way, "attack IED" is rare
	for i := from; i < to; i++ {
		switch {
		case s.is(i, wObject):
			return false
		case s.is(i, wDelivery):
			use = true
		}
	}
	return use
}

// deliveryWords link an attack to its means.
var deliveryWords = set("with", "using", "by", "from", "of", "fired", "firing", "launched", "launching", "dropped",
	"dropping", "carried", "involving", "via", "used", "planted", "detonated", "containing", "loaded", "packed")

// inPartyName reports a cue inside a named party's name ("Mobilisation" in "Popular Mobilisation Forces"): a
// word of the name, no act.
func inPartyName(s *sent, o hit) bool {
	for _, m := range s.mentions {
		if m.Entry != nil && m.Start <= o.Start && o.End <= m.End {
			return true
		}
	}
	return false
}

// otherAgent returns the armed actor1 of another trigger verb of the sentence's part [lo, hi), for a cue
// whose own reading names none ("were killed" in "...were killed when gunmen attacked a village").
func (r *run) otherAgent(s *sent, h hit, lo, hi int) []event.Actor {
	for _, o := range s.hits {
		if o.Start == h.Start || o.info.noun || !o.info.trigger() || o.Start < lo || o.End > hi || inPartyName(s, o) {
			continue
		}
		a1, _ := r.roles(s, o)
		for _, a := range a1 {
			if armedKind(a.Kind) {
				return []event.Actor{a}
			}
		}
	}
	return nil
}
