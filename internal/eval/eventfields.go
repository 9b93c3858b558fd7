package eval

import (
	"fmt"
	"strconv"
	"strings"

	"sitrep/internal/event"
	"sitrep/internal/gazetteer"
	"sitrep/internal/text"
)

// Field outcomes.
const (
	Correct   = "correct"
	Incorrect = "incorrect"
	Missing   = "missing" // the gold has a value, the prediction none
	Extra     = "extra"   // the prediction has a value, the gold none
)

// Scored fields, in report order.
var eventFields = []string{"event_type", "sub_event_type", "actor1", "attribution", "actor2", "date", "location",
	"fatalities.low", "fatalities.best", "fatalities.high", "claims"}

// defaultToleranceKm is the location tolerance when the gold gives none.
const defaultToleranceKm = 25

// FieldScore is the outcome of one field of one matched event.
type FieldScore struct {
	Field   string `json:"field"`
	Outcome string `json:"outcome"`
	Gold    string `json:"gold"`
	Pred    string `json:"pred"`
	Note    string `json:"note,omitempty"`
}

func scoreFields(g GoldEvent, p event.Event) []FieldScore {
	var out []FieldScore
	add := func(f FieldScore) {
		if f.Outcome != "" {
			out = append(out, f)
		}
	}
	add(same("event_type", g.EventType, p.EventType))
	add(oneOf("sub_event_type", g.SubEventType, p.SubEventType))
	a1 := actorsIn(p, event.RoleActor1)
	add(scoreActor1(g, a1, p.Claims))
	add(scoreAttribution(g, a1, p.Claims))
	add(scoreActor("actor2", g.Actor2, actorsIn(p, event.RoleActor2)))
	add(scoreDate(g.Date, p.Date))
	add(scoreLocation(g.Location, p.Location))
	for _, f := range scoreFatalities(g.Fatalities, p.Fatalities) {
		add(f)
	}
	out = append(out, scoreClaims(g.Claims, p.Claims)...)
	return out
}

func same(field, gold, pred string) FieldScore {
	return FieldScore{Field: field, Outcome: outcome(gold != "", pred != "", gold == pred), Gold: gold, Pred: pred}
}

func oneOf(field string, gold []string, pred string) FieldScore {
	ok := false
	for _, g := range gold {
		ok = ok || g == pred
	}
	return FieldScore{Field: field, Outcome: outcome(len(gold) > 0, pred != "", ok), Gold: strings.Join(gold, " | "), Pred: pred}
}

// outcome is "" when neither side has a value.
func outcome(hasGold, hasPred, equal bool) string {
	switch {
	case !hasGold && !hasPred:
		return ""
	case !hasGold:
		return Extra
	case !hasPred:
		return Missing
	case equal:
		return Correct
	}
	return Incorrect
}

func actorsIn(e event.Event, role string) []event.Actor {
	var out []event.Actor
	for _, a := range e.Actors {
		if a.Role == role {
			out = append(out, a)
		}
	}
	return out
}

func actorNames(as []event.Actor) string {
	var s []string
	for _, a := range as {
		s = append(s, a.Name)
	}
	return strings.Join(s, " | ")
}

// sameActor: the folded name equals one of the gold's alternatives, or, failing that, kind and country
// both agree (gold names are not always ACLED's spelling; kind and country identify the party).
func sameActor(g *GoldActor, a event.Actor) (bool, string) {
	for _, n := range altNames(g.Name) {
		if foldKey(n) == foldKey(a.Name) {
			return true, ""
		}
	}
	if g.Kind != "" && g.Country != "" && g.Kind == a.Kind && strings.EqualFold(g.Country, a.Country) {
		return true, "by kind and country"
	}
	return false, ""
}

func scoreActor(field string, g *GoldActor, pred []event.Actor) FieldScore {
	f := FieldScore{Field: field, Pred: actorNames(pred)}
	if g != nil {
		f.Gold = g.Name
	}
	f.Outcome = outcome(g != nil, len(pred) > 0, false)
	for _, a := range pred {
		if f.Outcome == Incorrect {
			if ok, note := sameActor(g, a); ok {
				f.Outcome, f.Note = Correct, note
			}
		}
	}
	return f
}

func goldAttribution(g *GoldActor) string {
	if g.Attribution == "" {
		return event.AttrStated
	}
	return g.Attribution
}

func predAttribution(a event.Actor) string {
	if a.Attribution == "" {
		return event.AttrStated
	}
	return a.Attribution
}

// disputeInClaims: a perpetrator left unknown is right when the claims carry the dispute (an accusation,
// and for a contested one also a denial).
func disputeInClaims(attr string, cs []event.Claim) bool {
	has := map[string]bool{}
	for _, c := range cs {
		has[c.Stance] = true
	}
	switch attr {
	case event.AttrContested:
		return has[event.StanceAccuses] && has[event.StanceDenies]
	case event.AttrAlleged:
		return has[event.StanceAccuses]
	}
	return false
}

// scoreActor1 is scoreActor, except that an alleged or contested perpetrator stated as fact is incorrect and
// one left unknown with the dispute in the claims is correct.
func scoreActor1(g GoldEvent, pred []event.Actor, cs []event.Claim) FieldScore {
	f := scoreActor("actor1", g.Actor1, pred)
	if g.Actor1 == nil {
		return f
	}
	attr := goldAttribution(g.Actor1)
	switch {
	case f.Outcome == Missing && disputeInClaims(attr, cs):
		f.Outcome, f.Note = Correct, "left unknown; the claims carry the dispute"
	case f.Outcome == Correct && attr != event.AttrStated:
		for _, a := range pred {
			if ok, _ := sameActor(g.Actor1, a); ok && predAttribution(a) == event.AttrStated {
				f.Outcome, f.Note = Incorrect, "stated as fact; the gold is "+attr
			}
		}
	}
	return f
}

func scoreAttribution(g GoldEvent, pred []event.Actor, cs []event.Claim) FieldScore {
	if g.Actor1 == nil {
		return FieldScore{}
	}
	attr := goldAttribution(g.Actor1)
	f := FieldScore{Field: "attribution", Gold: attr, Outcome: Missing}
	if len(pred) == 0 {
		if disputeInClaims(attr, cs) {
			f.Outcome, f.Note = Correct, "actor1 unknown; the claims carry the dispute"
		}
		return f
	}
	f.Pred, f.Outcome = predAttribution(pred[0]), Incorrect
	for _, a := range pred {
		if predAttribution(a) == attr {
			f.Pred, f.Outcome = attr, Correct
		}
	}
	return f
}

func scoreDate(g *GoldDate, p *event.When) FieldScore {
	f := FieldScore{Field: "date", Outcome: outcome(g != nil, p != nil, false)}
	if g != nil {
		f.Gold = g.Earliest + ".." + g.Latest
	}
	if p != nil {
		f.Pred = p.Start.String() + ".." + p.End.String()
	}
	if f.Outcome != Incorrect {
		return f
	}
	lo, _ := parseDay(g.Earliest)
	hi, _ := parseDay(g.Latest)
	if !p.Start.After(hi.Time) && !p.End.Before(lo.Time) {
		f.Outcome = Correct
		if p.Start.Before(lo.Time) || p.End.After(hi.Time) {
			f.Note = "overlaps but is wider than the gold"
		}
	}
	return f
}

func scoreLocation(g *GoldLocation, p *event.Place) FieldScore {
	f := FieldScore{Field: "location", Outcome: outcome(g != nil, p != nil, false)}
	if g != nil {
		f.Gold = g.Name
	}
	if p != nil {
		f.Pred = fmt.Sprintf("%s (%s, %s)", p.Name, p.Country, p.Precision)
	}
	if f.Outcome != Incorrect {
		return f
	}
	if g.Lat != nil && g.Lon != nil {
		tol := g.ToleranceKm
		if tol <= 0 {
			tol = defaultToleranceKm
		}
		km := gazetteer.DistanceKm(*g.Lat, *g.Lon, p.Lat, p.Lon)
		f.Note = fmt.Sprintf("%.0f km away, tolerance %.0f km", km, tol)
		if km <= tol {
			f.Outcome = Correct
		}
		return f
	}
	names := append([]string{g.Name}, g.Aliases...)
	for _, n := range names {
		if foldKey(n) == foldKey(p.Name) {
			f.Outcome = Correct
		}
	}
	if g.Precision == event.LocCountry && strings.EqualFold(g.Country, p.Country) {
		f.Outcome = Correct
	}
	return f
}

func scoreFatalities(g *GoldCount, p *event.Count) []FieldScore {
	var gv, pv [3]*int
	if g != nil {
		gv = [3]*int{g.Low, g.Best, g.High}
	}
	if p != nil {
		pv = [3]*int{p.Low, p.Best, p.High}
	}
	var out []FieldScore
	for i, name := range []string{"fatalities.low", "fatalities.best", "fatalities.high"} {
		f := FieldScore{Field: name, Gold: intStr(gv[i]), Pred: intStr(pv[i])}
		f.Outcome = outcome(gv[i] != nil, pv[i] != nil, gv[i] != nil && pv[i] != nil && *gv[i] == *pv[i])
		out = append(out, f)
	}
	return out
}

func intStr(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

// foldKey folds a name for comparison: case, diacritics, quotes, and runs of spaces and hyphens.
func foldKey(s string) string {
	return strings.Join(strings.FieldsFunc(text.Fold(s), func(r rune) bool { return r == ' ' || r == '-' }), " ")
}
