package incident

import (
	"strings"

	"sitrep/internal/event"
)

// actorGroup is one actor as all independent reports name it.
type actorGroup struct {
	actor  event.Actor
	attrs  map[string]bool
	denied bool
}

// reconcileActors merges the reports' actors by role and name. An attribution is contested when a report
// marks it so, when a report denies actor1's part (a "denies" claim about actor1), or when reports name
// different actor1s; stated when every report states it; alleged otherwise. Unidentified actors are dropped
// when an identified one holds the same role. The reports keep every claim.
func reconcileActors(rs []event.Report) []event.Actor {
	at := map[string]int{}
	var groups []*actorGroup
	denied := false
	for _, r := range rs {
		denied = denied || deniesActor1(r.Event.Claims)
		for _, a := range r.Event.Actors {
			k := a.Role + "\x00" + fold(a.Name)
			i, ok := at[k]
			if !ok {
				at[k] = len(groups)
				i = len(groups)
				groups = append(groups, &actorGroup{actor: a, attrs: map[string]bool{}})
			}
			groups[i].attrs[attribution(a)] = true
		}
	}
	identified := map[string]int{}
	for _, g := range groups {
		if known(g.actor) {
			identified[g.actor.Role]++
		}
	}
	var out []event.Actor
	for _, g := range groups {
		a := g.actor
		if !known(a) && identified[a.Role] > 0 {
			continue
		}
		a.Span = nil
		a.Attribution = reconciledAttribution(g, a.Role == event.RoleActor1 && (denied || identified[a.Role] > 1))
		out = append(out, a)
	}
	return out
}

// attribution is an actor's attribution, stated when unset.
func attribution(a event.Actor) string {
	if a.Attribution == "" {
		return event.AttrStated
	}
	return a.Attribution
}

// reconciledAttribution is a group's attribution; disputed forces contested.
func reconciledAttribution(g *actorGroup, disputed bool) string {
	switch {
	case disputed || g.attrs[event.AttrContested]:
		return event.AttrContested
	case g.attrs[event.AttrAlleged]:
		return event.AttrAlleged
	}
	return event.AttrStated
}

// deniesActor1 reports whether a claim denies who carried out the event.
func deniesActor1(cs []event.Claim) bool {
	for _, c := range cs {
		if c.Stance != event.StanceDenies {
			continue
		}
		about := strings.ToLower(c.About)
		if about == "" || strings.Contains(about, "actor1") || strings.Contains(about, "responsib") ||
			strings.Contains(about, "involvement") {
			return true
		}
	}
	return false
}
