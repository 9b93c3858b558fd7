package store

import (
	"context"
	"database/sql"
	"fmt"

	"sitrep/internal/event"
)

// Marker is one placed incident on a map, compact: what a map needs without the incident's full body.
type Marker struct {
	ID           string  `json:"id"`
	Lat          float64 `json:"lat"`
	Lon          float64 `json:"lon"`
	Date         string  `json:"date"`
	DateEnd      string  `json:"date_end"`
	EventType    string  `json:"event_type"`
	SubEventType string  `json:"sub_event_type"`
	Fatalities   int     `json:"fatalities"`
	Country      string  `json:"country"`
	Location     string  `json:"location"`
	Actor1       string  `json:"actor1"`
}

// markerColumns are the incident columns only markers read (migration 0004): the place name, the first
// actor1's name and the date end as the incident gives it.
type markerColumns struct{ place, actor1, end string }

// markerColumnsOf derives the marker columns of inc.
func markerColumnsOf(inc event.Incident) markerColumns {
	var m markerColumns
	if inc.Location != nil {
		m.place = clean(inc.Location.Name)
	}
	for _, a := range inc.Actors {
		if a.Role == event.RoleActor1 {
			m.actor1 = clean(a.Name)
			break
		}
	}
	if inc.Date != nil {
		m.end = inc.Date.End.String()
	}
	return m
}

// Markers returns the placed incidents matching f (f.Limit and f.Cursor are ignored) as markers, newest first,
// at most limit of them; truncated says whether more matched. It reads columns only, no incident bodies.
func (s *sqlStore) Markers(ctx context.Context, f Filter, limit int) ([]Marker, bool, error) {
	f.Limit, f.Cursor = 0, ""
	plan, err := s.planFor(ctx, f, max(limit, 0)+1)
	if err != nil {
		return nil, false, fmt.Errorf("markers: %w", err)
	}
	return s.markers(ctx, f, limit, plan)
}

// markers is Markers with the full-text and bounding-box filters applied as plan says.
func (s *sqlStore) markers(ctx context.Context, f Filter, limit int, plan readPlan) ([]Marker, bool, error) {
	out := []Marker{}
	truncated := false
	err := s.orderedRows(ctx, f, `id, lat, lon, date_start, given_end, event_type, sub_event_type,
		coalesce(fatalities_best, 0), country, place_name, actor1, rid`, []string{`lat IS NOT NULL`}, max(limit, 0)+1, plan,
		func(rows *sql.Rows) error {
			if len(out) >= limit {
				truncated = true
				return nil
			}
			var m Marker
			var rid int64 // for the order of a merged listing (see armsQuery)
			if err := rows.Scan(&m.ID, &m.Lat, &m.Lon, &m.Date, &m.DateEnd, &m.EventType, &m.SubEventType,
				&m.Fatalities, &m.Country, &m.Location, &m.Actor1, &rid); err != nil {
				return err
			}
			out = append(out, m)
			return nil
		})
	if err != nil {
		return nil, false, fmt.Errorf("markers: %w", err)
	}
	return out, truncated, nil
}
