package incident

import (
	"math"

	"sitrep/internal/event"
)

// Weights of the four criteria in a score; they sum to 1.
const (
	weightType   = 0.25
	weightDate   = 0.30
	weightPlace  = 0.30
	weightActors = 0.15
)

// Match is how well a report fits an incident.
type Match struct {
	// Score is in [0,1]; 0 when Veto is set.
	Score float64 `json:"score"`
	// Reasons explain the score, one criterion per line ("places 3.2 km apart (limit 10 km)").
	Reasons []string `json:"reasons"`
	// Veto names the criterion that rules the merge out; empty when the report may merge.
	Veto string `json:"veto,omitempty"`
}

// OK reports whether the match allows a merge at the given minimum score.
func (m Match) OK(minScore float64) bool { return m.Veto == "" && m.Score >= minScore }

// Merger decides which incident a report belongs to. The zero Merger uses DefaultOptions.
type Merger struct {
	Options Options
}

// NewMerger returns a Merger with the given options (zero fields take their defaults).
func NewMerger(o Options) *Merger { return &Merger{Options: o} }

// criterion is one criterion's verdict: a value in [0,1], a reason, and whether it rules the merge out.
type criterion struct {
	value  float64
	reason string
	veto   bool
}

// Score tells whether r reports the same incident as inc, comparing r's event with the incident's reconciled
// sub-type, date, place and actor1. A vetoed match has score 0 and names the failing criterion in Veto.
func (m *Merger) Score(inc event.Incident, r event.Report) Match {
	o := m.Options.filled()
	ev := r.Event
	if c, ok := sameDocument(inc, r); ok {
		return vetoed(nil, c)
	}
	act := compareActors(inc.Actors, ev.Actors)
	typ := compareTypes(inc.EventType, inc.SubEventType, ev.EventType, ev.SubEventType, act.agree)
	date := compareDates(o, inc.Date, ev.Date)
	place := comparePlaces(o, inc.Location, ev.Location)
	crit := []criterion{typ, date, place, act.criterion}
	var reasons []string
	for _, c := range crit {
		reasons = append(reasons, c.reason)
	}
	for _, c := range crit {
		if c.veto {
			return vetoed(reasons, c)
		}
	}
	s := weightType*typ.value + weightDate*date.value + weightPlace*place.value + weightActors*act.value
	if orig := syndicatedFrom(inc, r); orig != "" {
		reasons = append(reasons, "syndicated copy of "+orig+", already in this incident")
	}
	return Match{Score: math.Round(s*1000) / 1000, Reasons: reasons}
}

// vetoed is a zero-score match ruled out by c.
func vetoed(reasons []string, c criterion) Match {
	if len(reasons) == 0 {
		reasons = []string{c.reason}
	}
	return Match{Reasons: reasons, Veto: c.reason}
}

// sameDocument rules out a report whose document already gave this incident a different event: one
// document's separate events are separate incidents.
func sameDocument(inc event.Incident, r event.Report) (criterion, bool) {
	for _, x := range inc.Reports {
		if x.DocumentID == r.DocumentID && x.Event.ID != r.Event.ID {
			return criterion{reason: "document " + r.DocumentID + " already reports another event (" +
				x.Event.ID + ") in this incident", veto: true}, true
		}
	}
	return criterion{}, false
}

// syndicatedFrom returns the document r copies when that document is already in inc.
func syndicatedFrom(inc event.Incident, r event.Report) string {
	if r.DuplicateOf == "" {
		return ""
	}
	for _, x := range inc.Reports {
		if x.DocumentID == r.DuplicateOf {
			return r.DuplicateOf
		}
	}
	return ""
}
