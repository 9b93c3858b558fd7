package incident

import (
	"strings"

	"sitrep/internal/event"
)

// actorVerdict is the actor criterion plus whether actor1 positively agrees.
type actorVerdict struct {
	criterion
	agree bool
}

// fold is the comparison key of an actor name.
func fold(name string) string { return strings.Join(strings.Fields(strings.ToLower(name)), " ") }

// known reports whether an actor is identified (not "unknown", not "Unidentified gunmen").
func known(a event.Actor) bool {
	n := fold(a.Name)
	return n != "" && a.Kind != event.KindUnknown && !strings.HasPrefix(n, "unidentified") &&
		!strings.HasPrefix(n, "unknown")
}

// actor1s returns the identified actor1s of a list.
func actor1s(actors []event.Actor) []event.Actor {
	var out []event.Actor
	for _, a := range actors {
		if a.Role == event.RoleActor1 && known(a) {
			out = append(out, a)
		}
	}
	return out
}

// firm reports whether an attribution is stated (not alleged or contested).
func firm(a event.Actor) bool { return a.Attribution == "" || a.Attribution == event.AttrStated }

// compareActors compares the incident's actor1s with the report's: one shared name agrees; an unidentified
// side is neutral; different names are compatible only when one side's attribution is alleged or contested.
func compareActors(inc, ev []event.Actor) actorVerdict {
	ia, ea := actor1s(inc), actor1s(ev)
	for _, e := range ea {
		for _, i := range ia {
			if fold(e.Name) == fold(i.Name) {
				return actorVerdict{criterion{value: 1, reason: "actor1 agrees: " + i.Name}, true}
			}
		}
	}
	switch {
	case len(ia) == 0 && len(ea) == 0:
		return actorVerdict{criterion: criterion{value: 0.5, reason: "actor1 unidentified on both sides"}}
	case len(ia) == 0:
		return actorVerdict{criterion: criterion{value: 0.5, reason: "actor1 unidentified in the incident"}}
	case len(ea) == 0:
		return actorVerdict{criterion: criterion{value: 0.5, reason: "actor1 unidentified in the report"}}
	}
	if allFirm(ia) && allFirm(ea) {
		return actorVerdict{criterion: criterion{reason: "actor1 differs: " + names(ia) + " vs " + names(ea),
			veto: true}}
	}
	return actorVerdict{criterion: criterion{value: 0.3,
		reason: "actor1 differs but is disputed: " + names(ia) + " vs " + names(ea)}}
}

// allFirm reports whether every actor's attribution is stated.
func allFirm(as []event.Actor) bool {
	for _, a := range as {
		if !firm(a) {
			return false
		}
	}
	return true
}

// names joins the actors' names with " / ".
func names(as []event.Actor) string {
	n := make([]string, len(as))
	for i, a := range as {
		n[i] = a.Name
	}
	return strings.Join(n, " / ")
}
