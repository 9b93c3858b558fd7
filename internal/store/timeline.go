package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
)

// TimelineDay is one bar of a timeline: the incidents of one event type counted on one day.
type TimelineDay struct {
	Date       string `json:"date"`
	EventType  string `json:"event_type"`
	Incidents  int    `json:"incidents"`
	Fatalities int    `json:"fatalities"`
}

// Timeline counts the dated incidents matching f (f.Limit and f.Cursor are ignored) and sums their best
// fatality figures per day and event type, oldest day first, then by event type. An incident is counted once,
// on its first day inside [f.From, f.To]: its start day, or f.From when it began earlier and still overlaps
// the range, so every day lies within the range asked for.
func (s *sqlStore) Timeline(ctx context.Context, f Filter) ([]TimelineDay, error) {
	f.Limit, f.Cursor = 0, ""
	where, args, err := s.where(f)
	if err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	day, dayArgs := `date_start`, []any(nil)
	if !f.From.IsZero() {
		day, dayArgs = `CASE WHEN date_start < ? THEN ? ELSE date_start END`, []any{f.From.String(), f.From.String()}
	}
	where = append(where, `date_start <> ''`)
	from := `incidents WHERE ` + strings.Join(where, ` AND `)
	if arms := s.typeArms(f); arms != nil {
		// The rows of the type's arms, which hold no row twice.
		var rows string
		rows, args = s.armsQuery(`date_start, event_type, fatalities_best`, where, args, arms, ``)
		from = `(` + rows + `) r`
	}
	q := `SELECT ` + day + `, event_type, count(*), coalesce(sum(fatalities_best), 0) FROM ` + from + `
		GROUP BY 1, 2`
	rows, err := s.db.QueryContext(ctx, s.d.rebind(q), append(dayArgs, args...)...)
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
