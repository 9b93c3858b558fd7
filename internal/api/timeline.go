package api

import (
	"fmt"
	"net/http"
)

// day is one bar of the timeline: the incidents of one event type counted on one day (store.TimelineDay).
type day struct {
	Date       string `json:"date"`
	EventType  string `json:"event_type"`
	Incidents  int    `json:"incidents"`
	Fatalities int    `json:"fatalities"`
}

// timeline answers GET /api/timeline: incidents and fatalities per day and event type, oldest first. Each
// incident counts once, on its first day inside [from, to] (its start day, or from when it began earlier), so no
// day lies outside the range. Undated incidents are left out. The store sums them in one grouped query.
func (s *Server) timeline(r *http.Request) (any, error) {
	f, err := s.incidentFilter(r)
	if err != nil {
		return nil, err
	}
	sums, err := s.st.Timeline(r.Context(), f)
	if err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	days := make([]day, len(sums))
	for i, d := range sums {
		days[i] = day(d)
	}
	return map[string][]day{"days": days}, nil
}
