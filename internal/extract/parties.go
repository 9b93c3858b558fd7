package extract

import (
	"slices"
	"strings"

	"sitrep/internal/event"
)

// actorsOf fills the event's actors, claims and sources. actor1 comes from the cue sentences (the most
// specific first), else from a claim of responsibility or an accusation; it is alleged when it comes from an
// accusation or its own claim, and contested when it is also denied.
func (r *run) actorsOf(c *cluster, ev *event.Event, x *explainer) {
	cands := slices.Clone(c.cands)
	slices.SortStableFunc(cands, func(a, b *cand) int { return b.spec - a.spec })
	var a1, a2 []event.Actor
	var from *cand
	for _, k := range cands {
		if len(a1) == 0 && len(k.actor1) > 0 {
			a1, from = k.actor1, k
		}
		if len(a2) == 0 && len(k.actor2) > 0 && k.sub == cands[0].sub {
			a2 = k.actor2 // from a sentence that reports the incident as the top one does
		}
	}
	cl := r.claimsOf(c, ev)
	a1rule := "roles"
	switch {
	case ev.SubEventType == subDisrupted && (len(cl.claimed) > 0 || len(cl.accused) > 0):
		// the side that intercepts, seizes or defuses is actor1; whose weapons they were (the accused or
		// claimant of the attack) is actor2: "air defences intercepted drones; the army blamed the RSF"
		if len(a2) == 0 {
			a2 = slices.Clone(slices.Concat(cl.claimed, cl.accused)[:1])
			a2[0].Attribution = event.AttrAlleged
		}
		if len(a1) > 0 && slices.ContainsFunc(a2, func(b event.Actor) bool { return sameParty(a1[0], b) }) {
			a1 = nil
		}
	case len(cl.claimed) > 0 && (len(a1) == 0 || unidentified(a1[0])):
		a1, a1rule = cl.claimed[:1], "claimed-responsibility"
	case len(a1) == 0 && len(cl.accused) > 0:
		a1, a1rule = cl.accused[:1], "accused"
	case len(a1) == 0 && ev.SubEventType == subAir:
		a1, from, a1rule = aircraftOwner(c, cl, a2), nil, "aircraft-owner"
	}
	if cands[0].sub == subAgreement {
		a1, a2 = governments(c, a1), governments(c, a2)
		if len(a2) == 0 && len(a1) >= 2 {
			a1, a2 = a1[:1], a1[1:2] // "the government and the rebels signed": the two sides
		}
	}
	for _, a := range a1 {
		a.Role = event.RoleActor1
		a.Attribution = cl.attribution(a, from)
		ev.Actors = append(ev.Actors, a)
		if x.on {
			x.add("actor1", a.Name, a1rule+"/"+a.Attribution, entryOf(c, a.Span), a.Span)
		}
	}
	for _, a := range a2 {
		if slices.ContainsFunc(a1, func(b event.Actor) bool { return b.Name == a.Name }) {
			continue
		}
		a.Role = event.RoleActor2
		if a.Attribution == "" {
			a.Attribution = event.AttrStated
		}
		ev.Actors = append(ev.Actors, a)
		if x.on {
			x.add("actor2", a.Name, "roles", entryOf(c, a.Span), a.Span)
		}
	}
	ev.Claims = strongest(ev.Claims)
	if x.on {
		for _, k := range ev.Claims {
			x.add("claims", k.Claimant.Name+" "+k.Stance, "claim", "", &k.Span)
		}
	}
}

// subAgreement is the sub-type whose parties are governments, not their forces.
const subAgreement = "Agreement"

// governments gives back its government's name to an actor the text names as a government ("Colombia's
// government", "Bogota"): a government signs an agreement, its forces fight. The role reader names the
// forces, as ACLED does for violence.
func governments(c *cluster, as []event.Actor) []event.Actor {
	out := slices.Clone(as)
	for i, a := range out {
		if a.Span == nil || a.Kind != event.KindStateForces {
			continue
		}
		for _, s := range c.sents {
			for _, m := range s.mentions {
				if m.Start == a.Span.Start && m.End == a.Span.End && strings.HasPrefix(m.Actor.Name, "Government of ") {
					out[i].Name = m.Actor.Name
				}
			}
		}
	}
	return out
}

// strongest keeps one claim per claimant and stance, and drops a plain "asserts" of a claimant who also
// accuses, denies or questions: "Moscow denies the charge and says the convoy caught fire" is a denial.
func strongest(cs []event.Claim) []event.Claim {
	other := map[string]bool{}
	for _, c := range cs {
		if c.Stance == event.StanceAccuses || c.Stance == event.StanceDenies || c.Stance == event.StanceQuestions {
			other[c.Claimant.Name] = true
		}
	}
	seen := map[string]bool{}
	out := cs[:0]
	for _, c := range cs {
		k := c.Claimant.Name + "\x00" + c.Stance
		if seen[k] || c.Stance == event.StanceAsserts && other[c.Claimant.Name] {
			continue
		}
		seen[k] = true
		out = append(out, c)
	}
	return out
}

// entryOf is the lexicon entry behind the actor mention at span, "" for a rule-built one.
func entryOf(c *cluster, sp *event.Span) string {
	if sp == nil {
		return ""
	}
	for _, s := range c.sents {
		for _, m := range s.mentions {
			if m.Start == sp.Start && m.End == sp.End && m.Entry != nil {
				return m.Entry.Source
			}
		}
	}
	return ""
}

// civilianClasses are the targets.tsv classes whose targets are civilian: an event that hits one acts upon
// civilians.
var civilianClasses = set("civilian", "aid", "medical", "education", "religious", "market", "residential", "media")

// civilianTarget adds "Civilians (country)" as actor2 when the event has none and hits a civilian target (an
// aid convoy, a market, a hospital) in a country the location names.
func (r *run) civilianTarget(c *cluster, ev *event.Event, x *explainer) {
	if ev.Location == nil || !violent(ev.EventType) || ev.EventType == event.TypeBattles || slices.ContainsFunc(ev.Actors, func(a event.Actor) bool { return a.Role == event.RoleActor2 }) {
		return
	}
	country := r.partyCountry(c, ev)
	name := r.e.countries[country]
	if r.e.act != nil {
		name = r.e.act.CountryName(country)
	}
	if name == "" {
		return
	}
	for _, s := range c.sents {
		for _, t := range s.targets {
			if civilianClasses[t.Entry.Attr("class")] {
				sp := event.Span{Start: t.Start, End: t.End, Text: t.Text}
				a := event.Actor{Role: event.RoleActor2, Name: "Civilians (" + strings.TrimPrefix(name, "the ") + ")",
					Kind: event.KindCivilians, Country: country, Attribution: event.AttrStated, Span: &sp}
				ev.Actors = append(ev.Actors, a)
				x.add("actor2", a.Name, "civilian-target", t.Entry.Source, &sp)
				return
			}
		}
	}
}
