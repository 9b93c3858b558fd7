package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
)

// TimelineDay is one bar of a timeline: the incidents of one event type starting on one day.
type TimelineDay struct {
	Date       string `json:"date"`
	EventType  string `json:"event_type"`
	Incidents  int    `json:"incidents"`
	Fatalities int    `json:"fatalities"`
}

// Timeline counts the dated incidents matching f (f.Limit and f.Cursor are ignored) and sums their best
// fatality figures per start day and event type, oldest day first, then by event type.
func (s *sqlStore) Timeline(ctx context.Context, f Filter) ([]TimelineDay, error) {
	f.Limit, f.Cursor = 0, ""
	where, args, err := s.where(f)
	if err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	q := `SELECT date_start, event_type, count(*), coalesce(sum(fatalities_best), 0) FROM incidents
		WHERE ` + strings.Join(append(where, `date_start <> ''`), ` AND `) + `
		GROUP BY date_start, event_type`
	rows, err := s.db.QueryContext(ctx, s.d.rebind(q), args...)
	if err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	defer rows.Close()
	out := []TimelineDay{}
	for rows.Next() {
		var d TimelineDay
		if err := rows.Scan(&d.Date, &d.EventType, &d.Incidents, &d.Fatalities); err != nil {
			return nil, fmt.Errorf("timeline: %w", err)
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	// Byte order in Go: PostgreSQL's event_type column sorts by the database collation.
	slices.SortFunc(out, func(a, b TimelineDay) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(a.EventType, b.EventType))
	})
	return out, nil
}
