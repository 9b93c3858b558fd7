package store

import (
	"context"
	"fmt"
	"strings"

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
	where, args, err := s.where(f)
	if err != nil {
		return nil, false, fmt.Errorf("markers: %w", err)
	}
	q := `SELECT id, lat, lon, date_start, given_end, event_type, sub_event_type, coalesce(fatalities_best, 0),
		country, place_name, actor1 FROM incidents WHERE ` + strings.Join(append(where, `lat IS NOT NULL`), ` AND `) +
		fmt.Sprintf(` ORDER BY date_start DESC, rid DESC LIMIT %d`, max(limit, 0)+1)
	rows, err := s.db.QueryContext(ctx, s.d.rebind(q), args...)
	if err != nil {
		return nil, false, fmt.Errorf("markers: %w", err)
	}
	defer rows.Close()
	out := []Marker{}
	for rows.Next() {
		if len(out) >= limit {
			return out, true, nil
		}
		var m Marker
		if err := rows.Scan(&m.ID, &m.Lat, &m.Lon, &m.Date, &m.DateEnd, &m.EventType, &m.SubEventType,
			&m.Fatalities, &m.Country, &m.Location, &m.Actor1); err != nil {
			return nil, false, fmt.Errorf("markers: %w", err)
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, false, fmt.Errorf("markers: %w", err)
	}
	return out, false, nil
}
