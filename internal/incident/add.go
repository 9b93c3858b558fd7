package incident

import (
	"fmt"
	"time"

	"sitrep/internal/event"
)

// Change actions.
const (
	ActionCreated = "created"
	ActionMerged  = "merged"
	ActionSplit   = "split"
)

// Change describes what one operation did to an incident, for the store's change log.
type Change struct {
	IncidentID string `json:"incident_id"`
	DocumentID string `json:"document_id"`
	EventID    string `json:"event_id"`
	Action     string `json:"action"`
	// Notes say what changed, one line each ("fatalities best 20 -> 31", "actor1 X now contested").
	Notes []string  `json:"notes"`
	At    time.Time `json:"at"`
}

// New starts an incident from one report. Its id is derived from the report's document and event ids.
func New(r event.Report, now time.Time) event.Incident {
	if r.Added.IsZero() {
		r.Added = now
	}
	inc := event.Incident{
		ID:      incidentID(r.DocumentID, r.Event.ID, ""),
		Reports: []event.Report{r},
		Created: now,
		Updated: now,
	}
	recompute(&inc)
	return inc
}

// Created is the change that New made.
func Created(inc event.Incident) Change {
	c := Change{IncidentID: inc.ID, Action: ActionCreated, At: inc.Created}
	if len(inc.Reports) > 0 {
		c.DocumentID, c.EventID = inc.Reports[0].DocumentID, inc.Reports[0].Event.ID
	}
	return c
}

// Add joins r to inc with the match that justified it, records the merge and recomputes the incident. A report
// of the same document and event replaces the earlier one (a re-extraction). The Change lists what moved.
func Add(inc *event.Incident, r event.Report, m Match, now time.Time) Change {
	if r.Added.IsZero() {
		r.Added = now
	}
	before := snapshot(*inc)
	ch := Change{IncidentID: inc.ID, DocumentID: r.DocumentID, EventID: r.Event.ID, Action: ActionMerged, At: now}
	replaced := false
	for i, x := range inc.Reports {
		if x.DocumentID == r.DocumentID && x.Event.ID == r.Event.ID {
			inc.Reports[i], replaced = r, true
			break
		}
	}
	if replaced {
		ch.Notes = append(ch.Notes, fmt.Sprintf("report %s/%s replaced", r.DocumentID, r.Event.ID))
	} else {
		inc.Reports = append(inc.Reports, r)
		ch.Notes = append(ch.Notes, fmt.Sprintf("report %s/%s added (score %.3f)", r.DocumentID, r.Event.ID, m.Score))
	}
	if r.DuplicateOf != "" {
		ch.Notes = append(ch.Notes, "copy of "+r.DuplicateOf+": listed, not counted as an independent source")
	}
	inc.Merges = append(inc.Merges, event.Merge{
		DocumentID: r.DocumentID, EventID: r.Event.ID, Score: m.Score,
		Reasons: append([]string(nil), m.Reasons...), At: now,
	})
	recompute(inc)
	inc.Updated = now
	ch.Notes = append(ch.Notes, diff(before, snapshot(*inc))...)
	return ch
}
