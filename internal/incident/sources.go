package incident

import (
	"time"

	"sitrep/internal/event"
)

// storyKey names the story a report tells: the document it copies, else its own document.
func storyKey(r event.Report) string {
	if r.DuplicateOf != "" {
		return r.DuplicateOf
	}
	return r.DocumentID
}

// sourceKey names the outlet behind a report: its publisher, else its story.
func sourceKey(r event.Report) string {
	if p := fold(r.Publisher); p != "" {
		return p
	}
	return storyKey(r)
}

// independent returns the reports that count as independent accounts, in order of first appearance: one per
// story, the original when the incident holds it, else the first copy added.
func independent(rs []event.Report) []event.Report {
	at := map[string]int{}
	var out []event.Report
	for _, r := range rs {
		k := storyKey(r)
		i, seen := at[k]
		switch {
		case !seen:
			at[k] = len(out)
			out = append(out, r)
		case r.DuplicateOf == "" && out[i].DuplicateOf != "":
			out[i] = r
		}
	}
	return out
}

// published is the day a report appeared: its publication date, else the day it was added.
func published(r event.Report) time.Time {
	if r.Published != nil && !r.Published.IsZero() {
		return r.Published.Time
	}
	return event.DateOf(r.Added).Time
}

// newer reports whether report a (at index ia) is more recent than b (at index ib): by publication day, then
// by time added, then by position.
func newer(a event.Report, ia int, b event.Report, ib int) bool {
	pa, pb := published(a), published(b)
	switch {
	case !pa.Equal(pb):
		return pa.After(pb)
	case !a.Added.Equal(b.Added):
		return a.Added.After(b.Added)
	}
	return ia > ib
}
