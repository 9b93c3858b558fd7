package store

import (
	"context"
	"fmt"
	"strings"
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

// zeroDate is how a zero event.Date is written in an incident body.
const zeroDate = "0001-01-01"

// markerDialect is the SQL of Markers that differs between the backends: reading fields out of the JSON body.
type markerDialect interface {
	// markerFields is three expressions over incidents.body: the place name, the first actor1's name and the
	// body's own date end, each '' when absent.
	markerFields() string
}

func (sqliteDialect) markerFields() string {
	return `coalesce(json_extract(body, '$.location.name'), ''),
		coalesce((SELECT json_extract(a.value, '$.name') FROM json_each(body, '$.actors') a
			WHERE json_extract(a.value, '$.role') = 'actor1' ORDER BY a.key LIMIT 1), ''),
		coalesce(json_extract(body, '$.date.end'), '')`
}

func (postgresDialect) markerFields() string {
	return `coalesce(body::jsonb #>> '{location,name}', ''),
		coalesce((SELECT x.a ->> 'name' FROM jsonb_array_elements(CASE jsonb_typeof(body::jsonb -> 'actors')
			WHEN 'array' THEN body::jsonb -> 'actors' END) WITH ORDINALITY AS x(a, n)
			WHERE x.a ->> 'role' = 'actor1' ORDER BY x.n LIMIT 1), ''),
		coalesce(body::jsonb #>> '{date,end}', '')`
}

// Markers returns the placed incidents matching f (f.Limit and f.Cursor are ignored) as markers, newest first,
// at most limit of them; truncated says whether more matched.
func (s *sqlStore) Markers(ctx context.Context, f Filter, limit int) ([]Marker, bool, error) {
	md, ok := s.d.(markerDialect)
	if !ok {
		return nil, false, fmt.Errorf("markers: dialect %T cannot read bodies", s.d)
	}
	f.Limit, f.Cursor = 0, ""
	where, args, err := s.where(f)
	if err != nil {
		return nil, false, fmt.Errorf("markers: %w", err)
	}
	q := `SELECT id, lat, lon, date_start, event_type, sub_event_type, coalesce(fatalities_best, 0), country, ` +
		md.markerFields() + ` FROM incidents WHERE ` + strings.Join(append(where, `lat IS NOT NULL`), ` AND `) +
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
		if err := rows.Scan(&m.ID, &m.Lat, &m.Lon, &m.Date, &m.EventType, &m.SubEventType, &m.Fatalities,
			&m.Country, &m.Location, &m.Actor1, &m.DateEnd); err != nil {
			return nil, false, fmt.Errorf("markers: %w", err)
		}
		if m.DateEnd == zeroDate {
			m.DateEnd = ""
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, false, fmt.Errorf("markers: %w", err)
	}
	return out, false, nil
}
