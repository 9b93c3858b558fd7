package extract

import (
	"slices"

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
	for _, a := range cl.deniers {
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
// often as not, and ACLED attributes them from context the text may give elsewhere.
func (r *run) unownedStrike(c *cluster, ev *event.Event, x *explainer) {
	if !unownedSubs[ev.SubEventType] || r.e.act == nil || slices.ContainsFunc(ev.Actors, func(a event.Actor) bool { return a.Role == event.RoleActor1 }) {
		return
	}
	country := r.partyCountry(c, ev)
	name := r.e.act.CountryName(country)
	if name == "" {
		return
	}
	sp := c.top().h.span()
	a := event.Actor{Role: event.RoleActor1, Name: "Unidentified Armed Group (" + name + ")", Kind: event.KindPoliticalMilitia,
		Country: country, Attribution: event.AttrStated, Span: &sp}
	ev.Actors = append(ev.Actors, a)
	x.add("actor1", a.Name, "unowned-strike", "", &sp)
}

// unownedSubs are the sub-types whose unknown perpetrator is an unidentified armed group.
var unownedSubs = set(subAir, subRemote, subSuicide, "Grenade", subAttack, subClash, "Abduction/forced disappearance",
	"Sexual violence")
