package api

import (
	"cmp"
	"fmt"
	"net/http"
	"slices"

	"sitrep/internal/store"
)

// day is one bar of the timeline: the incidents of one event type starting on one day.
type day struct {
	Date       string `json:"date"`
	EventType  string `json:"event_type"`
	Incidents  int    `json:"incidents"`
	Fatalities int    `json:"fatalities"`
}

// timeline answers GET /api/timeline: incidents and fatalities per start day and event type, oldest first.
// Undated incidents are left out.
func (s *Server) timeline(r *http.Request) (any, error) {
	f, err := incidentFilter(r)
	if err != nil {
		return nil, err
	}
	type key struct{ date, typ string }
	sums := map[key]*day{}
	for inc, err := range store.All(r.Context(), s.st, f) {
		if err != nil {
			return nil, fmt.Errorf("timeline: %w", err)
		}
		if inc.Date == nil || inc.Date.Start.IsZero() {
			continue
		}
		k := key{inc.Date.Start.String(), inc.EventType}
		d := sums[k]
		if d == nil {
			d = &day{Date: k.date, EventType: k.typ}
			sums[k] = d
		}
		d.Incidents++
		if inc.Fatalities != nil && inc.Fatalities.Best != nil {
			d.Fatalities += *inc.Fatalities.Best
		}
	}
	days := make([]day, 0, len(sums))
	for _, d := range sums {
		days = append(days, *d)
	}
	slices.SortFunc(days, func(a, b day) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(a.EventType, b.EventType))
	})
	return map[string][]day{"days": days}, nil
}
