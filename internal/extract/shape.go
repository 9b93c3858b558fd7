package extract

import (
	"slices"
	"strings"

	"sitrep/internal/actors"
	"sitrep/internal/event"
	"sitrep/internal/geoparse"
)

// shapeRoles fits the actors to the ACLED conventions of the event type: in a protest the crowd is actor1
// ("Protesters (Kenya)") and the force that intervenes actor2, except in excessive force where the force
// acts on the protesters; in a riot the crowd is "Rioters (X)"; in armed violence civilians are only ever
// acted upon. A crowd event without a named crowd gets one from the country of its place.
func (r *run) shapeRoles(c *cluster, ev *event.Event, x *explainer) {
	switch ev.SubEventType {
	case subGovRegains, subNSAO, "Non-violent transfer of territory":
		r.lostBy(c, ev, x)
	}
	switch ev.EventType {
	case event.TypeProtests, event.TypeRiots:
		r.crowdRoles(c, ev, x)
		if ev.SubEventType == subInterv || ev.SubEventType == subExcessive {
			r.interveners(c, ev, x)
		}
	case event.TypeBattles, event.TypeExplosions, event.TypeViolenceCivs:
		for i := range ev.Actors {
			if a := &ev.Actors[i]; a.Role == event.RoleActor1 && victimKind(a.Kind) {
				a.Role = event.RoleActor2
				x.add(a.Role, a.Name, "victims-acted-upon", "", a.Span)
			}
		}
	}
	if ev.EventType == event.TypeBattles {
		ev.Actors = slices.DeleteFunc(ev.Actors, vagueCivilians)
	}
	ev.Actors = dedupeActors(ev.Actors)
}

// vagueCivilians reports civilians read from a word that says nothing of who they were ("killed eight
// people"): in a battle the dead are counted, not made a party.
func vagueCivilians(a event.Actor) bool {
	return a.Kind == event.KindCivilians && a.Span != nil && vagueVictims[lastWord(a.Span.Text)]
}

// crowdRoles names the crowd of a protest or riot and sets who acted.
func (r *run) crowdRoles(c *cluster, ev *event.Event, x *explainer) {
	crowdName, crowdKind := "Protesters", event.KindProtesters
	if ev.SubEventType == subViolentDem || ev.SubEventType == "Mob violence" {
		crowdName, crowdKind = "Rioters", event.KindRioters
	}
	crowdRole, forceRole := event.RoleActor1, event.RoleActor2
	if ev.SubEventType == subExcessive {
		crowdRole, forceRole = event.RoleActor2, event.RoleActor1
	}
	crowd := false
	for i := range ev.Actors {
		a := &ev.Actors[i]
		switch {
		case victimKind(a.Kind) || a.Kind == event.KindRioters:
			if ev.SubEventType == "Mob violence" && a.Role == event.RoleActor2 && a.Kind == event.KindCivilians {
				continue // the mob's victims
			}
			if a.Kind != crowdKind {
				a.Name, a.Kind = crowdName+nameSuffix(a.Name), crowdKind
			}
			a.Role, crowd = crowdRole, true
			x.add(a.Role, a.Name, "crowd-role", "", a.Span)
		case armedKind(a.Kind):
			a.Role = forceRole
			x.add(a.Role, a.Name, "force-role", "", a.Span)
		}
	}
	if crowd || ev.Location == nil {
		return
	}
	country := r.partyCountry(c, ev)
	a := event.Actor{Role: crowdRole, Name: crowdName, Kind: crowdKind, Country: country, Attribution: event.AttrStated}
	if r.e.act != nil {
		if n := r.e.act.CountryName(country); n != "" {
			a.Name += " (" + n + ")"
		}
	}
	ev.Actors = append(ev.Actors, a)
	x.add(crowdRole, a.Name, "crowd-default", "", nil)
}

// nameSuffix is the " (Country)" part of an actor name, "" when none.
func nameSuffix(name string) string {
	if i := strings.LastIndex(name, " ("); i >= 0 && strings.HasSuffix(name, ")") {
		return name[i:]
	}
	return ""
}

// victimKind reports the kinds that are acted upon in armed violence.
func victimKind(k string) bool { return k == event.KindCivilians || k == event.KindProtesters }

// dedupeActors keeps the first actor of each role and name, actor1 before actor2.
func dedupeActors(as []event.Actor) []event.Actor {
	seen := map[string]bool{}
	out := make([]event.Actor, 0, len(as))
	for _, role := range []string{event.RoleActor1, event.RoleActor2, event.RoleAssociated} {
		for _, a := range as {
			if a.Role != role || seen[a.Name] {
				continue
			}
			seen[a.Name] = true
			out = append(out, a)
		}
	}
	return out
}

// lostBy adds as actor2 of a territorial event the armed party the territory was taken from ("recaptured
// the village from Russian troops"), else the one that withdrew ("seized the town after Congolese troops
// withdrew"), when it has none.
func (r *run) lostBy(c *cluster, ev *event.Event, x *explainer) {
	if slices.ContainsFunc(ev.Actors, func(a event.Actor) bool { return a.Role == event.RoleActor2 }) {
		return
	}
	for _, k := range c.cands {
		if k.sub != ev.SubEventType {
			continue
		}
		s := k.s
		end := s.tokenAt(k.h.End)
		for i := end; i < len(s.Tokens) && i < end+8; i++ {
			if s.word(i) != "from" || i+1 >= len(s.Tokens) {
				continue
			}
			for _, m := range s.mentions {
				if m.Start >= s.Tokens[i+1].Start && m.Start <= s.Tokens[min(i+3, len(s.Tokens)-1)].Start &&
					armedKind(m.Actor.Kind) && !m.Metonym && !slices.ContainsFunc(ev.Actors, func(a event.Actor) bool { return a.Name == m.Actor.Name }) {
					a := m.Actor
					a.Role, a.Attribution = event.RoleActor2, event.AttrStated
					ev.Actors = append(ev.Actors, a)
					if x.on {
						x.add("actor2", a.Name, "taken-from", entryOf(c, a.Span), a.Span)
					}
					return
				}
			}
			break
		}
	}
	for _, k := range c.cands {
		if m := k.s.withdrewAfter(k.s.tokenAt(k.h.End), ev.Actors); m != nil && k.sub == ev.SubEventType {
			a := m.Actor
			a.Role, a.Attribution = event.RoleActor2, event.AttrStated
			ev.Actors = append(ev.Actors, a)
			x.add("actor2", a.Name, "withdrew", entryOf(c, a.Span), a.Span)
			return
		}
	}
}

// withdrewAfter returns the armed party the sentence says withdrew, after the cue at token end, in a clause of
// "after", "as" or "when": "M23 rebels seized the town after Congolese troops withdrew". It held the ground.
func (s *sent) withdrewAfter(end int, have []event.Actor) *actors.Mention {
	conj := -1
	for i := end; i < len(s.Tokens) && i < end+12; i++ {
		if w := s.word(i); w == "after" || w == "as" || w == "when" {
			conj = i
			break
		}
	}
	if conj < 0 {
		return nil
	}
	for j := range s.mentions {
		m := &s.mentions[j]
		k := s.tokenAt(m.Start)
		if k <= conj || k > conj+3 || !armedKind(m.Actor.Kind) || m.Metonym ||
			slices.ContainsFunc(have, func(a event.Actor) bool { return a.Name == m.Actor.Name }) {
			continue
		}
		for i := s.tokenAt(m.End); i < len(s.Tokens) && i < s.tokenAt(m.End)+6; i++ {
			if withdrawWords[s.word(i)] {
				return m
			}
		}
		return nil
	}
	return nil
}

// withdrawWords tell that a side gave up ground.
var withdrawWords = set("withdrew", "retreated", "fled", "abandoned", "pulled", "evacuated", "withdrawn", "retreat")

// interveners adds the state force that broke up or fired on a protest ("Police used water cannon to
// disperse..."), when the roles named none: the first state-forces mention of the cue sentences.
func (r *run) interveners(c *cluster, ev *event.Event, x *explainer) {
	if slices.ContainsFunc(ev.Actors, func(a event.Actor) bool { return armedKind(a.Kind) }) {
		return
	}
	role := event.RoleActor2
	if ev.SubEventType == subExcessive {
		role = event.RoleActor1
	}
	for _, k := range c.cands {
		for _, m := range k.s.mentions {
			if m.Actor.Kind == event.KindStateForces && !m.Metonym {
				a := m.Actor
				a.Role, a.Attribution = role, event.AttrStated
				ev.Actors = append(ev.Actors, a)
				if x.on {
					x.add(role, a.Name, "intervening-force", entryOf(c, a.Span), a.Span)
				}
				return
			}
		}
	}
}

// partyCountry is the country of the unnamed parties of an event (its crowd, its civilians): the document's
// country when the report's sentence is about it and the place was read abroad, a country the sentence names
// when the place is no finer than a country, else the country of its place.
func (r *run) partyCountry(c *cluster, ev *event.Event) string {
	loc := ""
	if ev.Location != nil {
		loc = ev.Location.Country
	}
	if sf := r.sentenceFocus(c.top().s); r.focus != "" && loc != r.focus && sf == r.focus {
		return sf // the document's country, named in the report, against a place read abroad
	}
	if loc != "" && ev.Location.Precision != event.LocCountry {
		return loc // a town or region was found: a country named elsewhere in the sentence is another ("convoys on the roads from Senegal")
	}
	for _, t := range r.toponymsIn(c.top().s) {
		if t.Locational && t.Resolved && t.Kind == geoparse.KindCountry && t.Country != "" {
			return t.Country
		}
	}
	if ev.Location != nil {
		return ev.Location.Country
	}
	return r.sentenceFocus(c.top().s)
}
