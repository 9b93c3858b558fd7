package api

import (
	"fmt"
	"net/http"
)

// day is one bar of the timeline: the incidents of one event type starting on one day (store.TimelineDay).
type day struct {
	Date       string `json:"date"`
	EventType  string `json:"event_type"`
	Incidents  int    `json:"incidents"`
	Fatalities int    `json:"fatalities"`
}

// timeline answers GET /api/timeline: incidents and fatalities per start day and event type, oldest first.
// Undated incidents are left out. The store sums them in one grouped query.
func (s *Server) timeline(r *http.Request) (any, error) {
	f, err := incidentFilter(r)
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
