package incident

import (
	"errors"
	"fmt"
	"time"

	"sitrep/internal/event"
)

// Errors of Split.
var (
	// ErrNoReport means the incident holds no report of the document.
	ErrNoReport = errors.New("incident has no report of that document")
	// ErrOnlyReport means the document's reports are all the incident has: there is nothing to split from.
	ErrOnlyReport = errors.New("document holds every report of the incident")
)

// Split undoes a merge: it moves the reports of documentID, and the syndicated copies of that document, out of
// inc into a new incident, drops their merge records, and recomputes both. inc keeps its id; the new incident's
// id derives from the first moved report (salted if that would reuse inc's id).
func Split(inc *event.Incident, documentID string, now time.Time) (event.Incident, error) {
	var keep, moved []event.Report
	for _, r := range inc.Reports {
		if r.DocumentID == documentID || r.DuplicateOf == documentID {
			moved = append(moved, r)
		} else {
			keep = append(keep, r)
		}
	}
	switch {
	case len(moved) == 0:
		return event.Incident{}, fmt.Errorf("split %s from %s: %w", documentID, inc.ID, ErrNoReport)
	case len(keep) == 0:
		return event.Incident{}, fmt.Errorf("split %s from %s: %w", documentID, inc.ID, ErrOnlyReport)
	}
	var merges []event.Merge
	for _, m := range inc.Merges {
		if !contains(moved, m.DocumentID) {
			merges = append(merges, m)
		}
	}
	inc.Reports, inc.Merges, inc.Updated = keep, merges, now
	recompute(inc)
	out := New(moved[0], now)
	if out.ID == inc.ID {
		out.ID = incidentID(moved[0].DocumentID, moved[0].Event.ID, "split from "+inc.ID)
	}
	out.Reports = moved
	recompute(&out)
	return out, nil
}

// contains reports whether a report of documentID is among rs.
func contains(rs []event.Report, documentID string) bool {
	for _, r := range rs {
		if r.DocumentID == documentID {
			return true
		}
	}
	return false
}
