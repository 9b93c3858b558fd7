package incident

import (
	"math"

	"sitrep/internal/event"
)

// ScoreBound bounds Score for one report against incidents known only by what a store's candidate index holds
// of them: the sub-type, the date interval and the Actor1Key. Score weighs four criteria; the bound takes each
// at its best over what it does not know (the incident's date and place precisions, its place, its reports):
//   - type: exact from the two sub-types (1 when equal, 0.5 when one is unknown, the pair's value when
//     compatible), or 1 when either is not one of the taxonomy's (the index holds a cleaned copy of it);
//   - date: the value of the report's precision (the coarser of the two precisions is worth at most that),
//     three quarters of it when the intervals do not overlap (they are then at most the slack apart);
//   - place: the value of the report's precision, for the same reason, or 0.1 when the report has no place;
//   - actors: exact from the key (compareActors on the key's names and attribution), or 1 when it is unknown.
//
// Each criterion's bound is at least its value, so the weighted sum, computed as Score computes it, is at least
// Score's: a candidate whose bound is below MinScore, or that a criterion surely vetoes, cannot be chosen.
type ScoreBound struct {
	minScore  float64
	sub       string
	subKnown  bool // sub is "" or one of the taxonomy's
	dated     bool
	start     event.Date
	end       event.Date
	dateValue float64
	place     float64
	actors    ReportActor1s
}

// BoundFor is the ScoreBound of a report of ev.
func (m *Merger) BoundFor(ev event.Event) ScoreBound {
	o := m.Options.filled()
	b := ScoreBound{minScore: o.MinScore, sub: ev.SubEventType, actors: ReportActor1sOf(ev.Actors)}
	_, b.subKnown = event.TypeOf(ev.SubEventType)
	b.subKnown = b.subKnown || ev.SubEventType == ""
	if w := ev.Date; w != nil && !w.Start.IsZero() {
		b.dated = true
		b.start, b.end = interval(w)
		// coarserDate(p, ev's) is ev's precision for the finest p, and no finer for any other.
		v, ok := datePrecisionValue[coarserDate(event.PrecisionDay, w.Precision)]
		if !ok {
			v = 0.15
		}
		b.dateValue = v
	}
	b.place = 0.1 // comparePlaces' value for a place unknown on one side
	if ev.Location != nil {
		// coarserPlace(p, ev's) is ev's precision for the finest p, and no finer for any other; every other
		// outcome of comparePlaces (0.1, 0.25 by country only, a value reduced by the distance) is worth no more.
		b.place = placePrecisionValue[placePrecision(ev.Location)]
	}
	return b
}

// MayAccept reports whether Score may accept the report (no veto, a score of at least MinScore) into an incident
// of sub-type sub (as a store's index holds it), whose date interval is start to end (interval of its date:
// the end is the start when the date has none; both zero when it is undated) and whose Actor1Key is key (keyOK
// false when unknown). When it is false, Score surely vetoes the report or scores it below MinScore.
func (b *ScoreBound) MayAccept(sub string, start, end event.Date, key string, keyOK bool) bool {
	act, agree := 1.0, true
	if keyOK {
		var veto bool
		act, agree, veto = b.actors.verdict(key)
		if veto {
			return false
		}
	}
	typ := 1.0
	if _, ok := event.TypeOf(sub); b.subKnown && (ok || sub == "") {
		switch {
		case sub != "" && sub == b.sub:
		case sub == "" || b.sub == "":
			typ = 0.5
		default:
			c, ok := compatiblePair(sub, b.sub)
			if !ok || c.needActors && !agree {
				return false
			}
			typ = c.value
		}
	}
	date := 0.2 // compareDates' value for a date unknown on one side
	if b.dated && !start.IsZero() {
		date = b.dateValue
		if end.IsZero() || end.Before(start.Time) {
			end = start
		}
		if later(start, b.start).After(earlier(end, b.end).Time) {
			date *= 0.75 // within the slack at best
		}
	}
	s := weightType*typ + weightDate*date + weightPlace*b.place + weightActors*act
	return math.Round(s*1000)/1000 >= b.minScore
}
