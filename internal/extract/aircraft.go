package extract

import (
	"slices"
	"strings"

	"sitrep/internal/actors"

	"sitrep/internal/event"
)

// aircraftOwner is the party whose aircraft or drones struck, for an air or drone strike whose cue sentences
// name no one: a sentence of the incident that says whose they were ("the jets were Russian", "Russian
// warplanes were seen over the town"), else a state's forces that deny it ("the military denied targeting
// civilians": the party the strike is held against). nil when the text names no owner.
func aircraftOwner(c *cluster, cl claimSet, a2 []event.Actor) []event.Actor {
	for _, s := range c.sents {
		for i := range s.mentions {
			m := &s.mentions[i]
			if m.Rule == "demonym-predicate" || m.Actor.Kind == event.KindStateForces && !m.Metonym && aircraftWords[lastWord(m.Text)] {
				return []event.Actor{roleOf(m)}
			}
		}
	}
	for _, a := range slices.Concat(cl.deniers, cl.peopleDeniers) {
		if a.Kind == event.KindStateForces && !slices.ContainsFunc(a2, func(b event.Actor) bool { return armedKind(b.Kind) && sameParty(a, b) }) {
			return []event.Actor{a}
		}
	}
	return nil
}

// aircraftWords end the name of a force by its aircraft: "Russian jets", "Israeli drones".
var aircraftWords = set("warplanes", "warplane", "jets", "jet", "aircraft", "planes", "bombers", "helicopters",
	"helicopter", "gunships", "drones", "drone")

// unownedStrike makes actor1 of an armed incident that no one is named for (nor said to own the aircraft) an
// unidentified armed group of the country it struck, as ACLED codes an unknown perpetrator ("Unidentified Armed
// Group (Sudan)"): drones are flown by armed groups as well as states, and a bomb, a raid or a kidnapping no one
// claims is an unknown group's. Shelling and chemical attacks are left without: they are a state's weapons as
// often as not, and ACLED attributes them from context the text may give elsewhere; so are air strikes known only
// by the aircraft ("air strikes", "warplanes"), which are a state's. The group is added only when the incident's
// sentences show armed violence (armedEvidence) and the report has no cue of an accident, a disaster or a court
// case: a weak "attack", "strike" or "killed" alone is no armed group's ("a shark attack killed a swimmer", "rail
// workers went on strike"). It returns the actor added, "" for none.
func (r *run) unownedStrike(c *cluster, ev *event.Event, x *explainer) string {
	if r.e.act == nil {
		return ""
	}
	if i := slices.IndexFunc(ev.Actors, func(a event.Actor) bool { return a.Role == event.RoleActor1 }); i >= 0 {
		if a := ev.Actors[i]; unidentified(a) && !slices.ContainsFunc(ev.Actors[i+1:], func(b event.Actor) bool { return b.Role == event.RoleActor1 }) {
			if m := r.namedInCluster(c, ev); m != nil { // "armed gang members took the town. Gunmen from the Viv Ansanm coalition ..."
				n := roleOf(m)
				n.Role, n.Attribution = event.RoleActor1, a.Attribution
				ev.Actors[i] = n
				x.add("actor1", n.Name, "named-in-incident", "", n.Span)
			}
		}
		return ""
	}
	if !unownedSubs[ev.SubEventType] {
		return ""
	}
	if m := r.namedInCluster(c, ev); m != nil && armedEvidence(c, ev.SubEventType) { // "Gunmen from the Viv Ansanm coalition ..."
		a := roleOf(m)
		a.Role, a.Attribution = event.RoleActor1, event.AttrStated
		ev.Actors = append(ev.Actors, a)
		x.add("actor1", a.Name, "named-in-incident", "", a.Span)
		return ""
	}
	if m := r.claimedElsewhere(c, ev); m != nil { // "Al-Shabaab claimed the attack" paragraphs later
		a := roleOf(m)
		a.Role, a.Attribution = event.RoleActor1, event.AttrAlleged
		ev.Actors = append(ev.Actors, a)
		x.add("actor1", a.Name, "claimed-in-report", "", a.Span)
		return ""
	}
	if !armedEvidence(c, ev.SubEventType) || slices.ContainsFunc(r.sents, func(s *sent) bool { return s.has(classNonConf) }) {
		return ""
	}
	country := r.partyCountry(c, ev)
	name := r.e.act.CountryName(country)
	if name == "" {
		return ""
	}
	sp := c.top().h.span()
	a := event.Actor{Role: event.RoleActor1, Name: "Unidentified Armed Group (" + name + ")", Kind: event.KindPoliticalMilitia,
		Country: country, Attribution: event.AttrStated, Span: &sp}
	ev.Actors = append(ev.Actors, a)
	x.add("actor1", a.Name, "unowned-strike", "", &sp)
	return a.Name
}

// namedGroup reports a mention of a named non-state armed party: a lexicon row, not gunmen or a state's forces.
func namedGroup(m *actors.Mention) bool {
	return m.Entry != nil && !m.Metonym && armedKind(m.Actor.Kind) && m.Actor.Kind != event.KindStateForces &&
		!unidentified(m.Actor)
}

// namedInCluster is the one named non-state armed party the incident's sentences, or the sentence after its
// first, name, that is no other role of the event; nil when none or more than one.
func (r *run) namedInCluster(c *cluster, ev *event.Event) *actors.Mention {
	var found *actors.Mention
	sents := c.sents
	if next := r.nextSent(c.top().s); next != nil && !slices.Contains(sents, next) {
		sents = append(slices.Clip(sents), next) // "Gunmen from the Viv Ansanm gang coalition entered the town"
	}
	for _, s := range sents {
		for j := range s.mentions {
			m := &s.mentions[j]
			if !namedGroup(m) || s.speaks(*m) || !s.agent(m) || slices.ContainsFunc(ev.Actors, func(a event.Actor) bool { return a.Name == m.Actor.Name }) {
				continue
			}
			if found != nil && found.Actor.Name != m.Actor.Name {
				return nil
			}
			found = m
		}
	}
	return found
}

// agent reports a mention that names who acted: "Gunmen from the X coalition", "fighters of X", "X fighters
// attacked"; not a group named as background ("jihadists linked to the Islamic State are active in the area").
func (s *sent) agent(m *actors.Mention) bool {
	i, j := s.tokenAt(m.Start), s.tokenAt(m.End)
	for k := i - 1; k >= 1 && k >= i-3; k-- {
		if (s.word(k) == "from" || s.word(k) == "of") && armedNouns[s.word(k-1)] {
			return true
		}
	}
	for _, h := range s.hits {
		if h.tok >= j && h.tok <= j+2 && h.info.trigger() {
			return true
		}
	}
	return false
}

// nextSent is the sentence after s, loaded, when it goes on with the same incident: nil when it opens another
// ("Separately, a roadside bomb ...") or there is none.
func (r *run) nextSent(s *sent) *sent {
	i := s.idx // its place in r.sents
	if i < 0 || i+1 >= len(r.sents) {
		return nil
	}
	n := r.sents[i+1]
	r.load(n)
	if opensIncident(n) || len(n.datesOf()) > 0 {
		return nil // "Fighters of JNIM captured the town of Tera on Sunday": a deed of its own
	}
	return n
}

// opensIncident reports a sentence that starts another incident: "Separately, ...", "In a separate attack".
func opensIncident(s *sent) bool {
	for k := 0; k < min(len(s.Tokens), 4); k++ {
		if newIncidentWords[s.word(k)] {
			return true
		}
	}
	return false
}

// claimedElsewhere is the armed party that claims an incident in a sentence of the report outside the cluster
// ("Al-Shabaab claimed the attack shortly after it happened"), when that sentence speaks of the incident and no
// other: it comes after the incident's sentences with no sentence opening another incident between, it has no
// date of its own, and the report names one claimant there. nil when none.
func (r *run) claimedElsewhere(c *cluster, ev *event.Event) *actors.Mention {
	var found *actors.Mention
	last := -1
	if len(c.sents) > 0 {
		last = c.last() // c.sents are in text order
	}
	for _, s := range r.sents[last+1:] {
		s.tokenize() // its words, for opensIncident; the rest is loaded only for a sentence of a claim
		if opensIncident(s) {
			break // "In a separate attack, ...": what follows is another incident's
		}
		if !strings.Contains(s.low, "claim") {
			continue
		}
		r.load(s)
		var m *actors.Mention
		if m = s.claimedBy(); m == nil {
			if i := s.deedClaimed(); i >= 0 {
				for j := range s.mentions {
					if k := &s.mentions[j]; k.End <= s.Tokens[i].Start && namedGroup(k) {
						m = k
					}
				}
			}
		}
		if m == nil || !namedGroup(m) || len(s.datesOf()) > 0 {
			continue
		}
		if found != nil && found.Actor.Name != m.Actor.Name {
			return nil
		}
		found = m
	}
	return found
}

// unownedSubs are the sub-types whose unknown perpetrator is an unidentified armed group.
var unownedSubs = set(subAir, subRemote, subSuicide, "Grenade", subAttack, subClash, "Abduction/forced disappearance",
	"Sexual violence")

// armedSubs are the sub-types whose cue is itself armed violence: a roadside bomb, a suicide bomber, a grenade, a
// kidnapping.
var armedSubs = set(subRemote, subSuicide, "Grenade", "Abduction/forced disappearance")

// armedEvidence reports whether an incident's sentences show armed violence: an armed sub-type, a weapon other
// than aircraft or crowd-control means, an armed party other than the police (soldiers, militants), a military
// target or an armed noun ("gunmen", "armed gangs").
func armedEvidence(c *cluster, sub string) bool {
	for _, s := range c.sents {
		for _, m := range s.mentions {
			if !m.Metonym && armedKind(m.Actor.Kind) && m.Actor.Kind != event.KindStateForces && s.speaks(m) {
				return false // "a JNIM spokesman said the blockade targeted ...": the group speaks, none unknown
			}
		}
	}
	if armedSubs[sub] {
		return true
	}
	for _, s := range c.sents {
		found := false // "the haul included 38 rifles": weapons seized or found are no weapons used
		for i := range s.Tokens {
			found = found || seizureWords[s.word(i)]
		}
		for _, m := range s.mentions {
			if !m.Metonym && armedKind(m.Actor.Kind) && !strings.HasPrefix(m.Actor.Name, "Police") && !s.speaks(m) {
				return true
			}
		}
		if found {
			continue
		}
		for _, w := range s.weapons {
			switch w.Entry.Attr("class") {
			case "aircraft", "vehicle", "chemical", "air_defence", "knife", "blunt":
			default:
				if w.Entry.Name != "rubber bullet" && w.Entry.Name != "arson" {
					return true
				}
			}
		}
		for i := range s.Tokens {
			if armedNouns[s.word(i)] {
				return true
			}
		}
	}
	for t := range c.targets {
		if t.Attr("class") == "military" {
			return true
		}
	}
	return false
}

// speaks reports a mention that only speaks of the incident: "the army said it had found the bodies".
func (s *sent) speaks(m actors.Mention) bool {
	i := s.tokenAt(m.End)
	if speakerNouns[s.word(i)] {
		i++ // "a JNIM spokesman said"
	}
	return s.speaker(i) || (s.word(i) == "has" || s.word(i) == "had") && s.speaker(i+1)
}

// speakerNouns are the people or texts a party speaks through.
var speakerNouns = set("spokesman", "spokeswoman", "spokesperson", "official", "officials", "commander", "statement",
	"source", "sources")

// seizureWords say that weapons were seized or found.
var seizureWords = set("haul", "seized", "seizure", "seizures", "cache", "caches", "confiscated", "recovered",
	"found", "discovered", "stockpile", "arsenal")

// armedNouns name armed people or a deed of arms in a sentence.
var armedNouns = set("armed", "gunmen", "gunman", "militants", "militant", "insurgents", "insurgent", "jihadists",
	"jihadist", "bandits", "rebels", "fighters", "militiamen", "militia", "gunfire", "gunshots",
	"explosion", "explosives", "blast", "bomb", "bombing", "ambush", "ambushed")
