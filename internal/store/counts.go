package store

import (
	"context"
	"fmt"
)

// Counts are the sizes of the main tables, for summaries and metrics.
type Counts struct {
	Documents  int `json:"documents"`
	Duplicates int `json:"duplicates"` // documents linked to the one they copy
	Events     int `json:"events"`
	Incidents  int `json:"incidents"`
	Sources    int `json:"sources"`
}

// Counts returns the table sizes.
func (s *sqlStore) Counts(ctx context.Context) (Counts, error) {
	var c Counts
	err := s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM documents),
		(SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL), (SELECT count(*) FROM events),
		(SELECT count(*) FROM incidents), (SELECT count(*) FROM sources)`).
		Scan(&c.Documents, &c.Duplicates, &c.Events, &c.Incidents, &c.Sources)
	if err != nil {
		return c, fmt.Errorf("counts: %w", err)
	}
	return c, nil
}
