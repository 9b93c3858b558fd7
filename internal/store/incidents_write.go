package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"strings"

	"sitrep/internal/event"
)

// columns are the indexed columns derived from a date, a place and a fatality count.
type columns struct {
	start, end, country, admin1, precision string
	lat, lon                               any // nil without coordinates
	best                                   any // nil without a best figure
}

// columnsOf derives the indexed columns.
func columnsOf(w *event.When, p *event.Place, f *event.Count) columns {
	var c columns
	if w != nil && !w.Start.IsZero() {
		c.start, c.end = w.Start.String(), w.End.String()
		if w.End.IsZero() || w.End.Before(w.Start.Time) {
			c.end = c.start
		}
	}
	if p != nil {
		c.country, c.precision = p.Country, p.Precision
		if p.Admin1 != nil {
			c.admin1 = *p.Admin1
		}
		if p.Lat != 0 || p.Lon != 0 {
			c.lat, c.lon = p.Lat, p.Lon
		}
	}
	if f != nil && f.Best != nil {
		c.best = *f.Best
	}
	return c
}

// saveIncident upserts an incident row, its point in the spatial index and its report links.
func (s *sqlStore) saveIncident(ctx context.Context, tx *sql.Tx, inc event.Incident) error {
	body, err := json.Marshal(inc)
	if err != nil {
		return fmt.Errorf("incident %s: %w", inc.ID, err)
	}
	c, m := columnsOf(inc.Date, inc.Location, inc.Fatalities), markerColumnsOf(inc)
	var rid int64
	err = tx.QueryRowContext(ctx, s.d.rebind(s.d.upsertIncident()), inc.ID, string(body), c.start, c.end, c.lat,
		c.lon, clean(c.precision), clean(c.country), clean(c.admin1), clean(inc.EventType), clean(inc.SubEventType),
		clean(actorNames(inc.Actors)), c.best,
		stamp(inc.Updated), m.place, m.actor1, m.end).Scan(&rid)
	if err != nil {
		return fmt.Errorf("save incident %s: %w", inc.ID, err)
	}
	if c.lat != nil {
		err = s.exec(ctx, tx, s.d.putPoint(), rid, c.lat, c.lat, c.lon, c.lon)
	} else {
		err = s.exec(ctx, tx, s.d.deletePoint(), rid)
	}
	if err != nil {
		return fmt.Errorf("index incident %s: %w", inc.ID, err)
	}
	return s.linkReports(ctx, tx, rid, inc)
}

// linkReports replaces the incident's report links with its current reports.
func (s *sqlStore) linkReports(ctx context.Context, tx *sql.Tx, rid int64, inc event.Incident) error {
	if _, err := tx.ExecContext(ctx, s.d.rebind(`DELETE FROM incident_reports WHERE incident_rid = ?`), rid); err != nil {
		return fmt.Errorf("link reports %s: %w", inc.ID, err)
	}
	for _, r := range inc.Reports {
		_, err := tx.ExecContext(ctx, s.d.rebind(`INSERT INTO incident_reports (incident_rid, event_id) VALUES (?, ?)`),
			rid, eventKey(r.DocumentID, r.Event.ID))
		if err != nil {
			return fmt.Errorf("link report %s/%s to %s: %w", r.DocumentID, r.Event.ID, inc.ID, err)
		}
	}
	return nil
}

// actorNames joins actor names, lower-cased, for the actor filter.
func actorNames(as []event.Actor) string {
	var b strings.Builder
	for _, a := range as {
		b.WriteString("|" + strings.ToLower(a.Name))
	}
	if b.Len() > 0 {
		b.WriteString("|")
	}
	return b.String()
}

// candidateWindowDays widens the date window of the candidate query beyond any merge slack the Merger uses.
const candidateWindowDays = 8

// candidates loads the incidents that might hold ev: dates within a window of ev's and either a point in a
// box a little larger than the Merger's widest distance (through the spatial index), or no point or only a
// country in ev's country.
func (s *sqlStore) candidates(ctx context.Context, tx *sql.Tx, ev event.Event) ([]event.Incident, error) {
	c := columnsOf(ev.Date, ev.Location, nil)
	if c.start == "" {
		return nil, nil
	}
	from, _ := event.ParseDate(c.start)
	to, _ := event.ParseDate(c.end)
	window := []any{to.AddDays(candidateWindowDays).String(), from.AddDays(-candidateWindowDays).String()}
	q := `SELECT body FROM incidents WHERE date_start <> '' AND date_start <= ? AND date_end >= ? AND country = ?
		AND (lat IS NULL OR loc_precision = 'country')`
	args := append(append([]any{}, window...), c.country)
	if c.lat != nil && c.precision != event.LocCountry {
		lat, lon := c.lat.(float64), c.lon.(float64)
		dLat := s.merger.Options.RegionKm/111 + 0.1
		if dLat <= 0.1 {
			dLat = 1.1
		}
		dLon := dLat / math.Max(math.Cos(lat*math.Pi/180), 0.05)
		box, boxArgs := s.d.bboxIncidents(BBox{MinLat: lat - dLat, MaxLat: lat + dLat, MinLon: lon - dLon, MaxLon: lon + dLon})
		q += ` UNION SELECT body FROM incidents WHERE date_start <> '' AND date_start <= ? AND date_end >= ? AND ` + box
		args = append(append(args, window...), boxArgs...)
	} else if c.precision == event.LocCountry || c.lat == nil {
		q = `SELECT body FROM incidents WHERE date_start <> '' AND date_start <= ? AND date_end >= ? AND country = ?`
	}
	rows, err := tx.QueryContext(ctx, s.d.rebind(q+` LIMIT 500`), args...)
	if err != nil {
		return nil, fmt.Errorf("candidates: %w", err)
	}
	defer rows.Close()
	var out []event.Incident
	for rows.Next() {
		inc, err := scanIncident(rows)
		if err != nil {
			return nil, fmt.Errorf("candidates: %w", err)
		}
		out = append(out, inc)
	}
	return out, rows.Err()
}

// scanIncident reads an incident from a body column.
func scanIncident(row interface{ Scan(...any) error }) (event.Incident, error) {
	var body string
	var inc event.Incident
	if err := row.Scan(&body); err != nil {
		return inc, err
	}
	if err := json.Unmarshal([]byte(body), &inc); err != nil {
		return inc, fmt.Errorf("decode incident: %w", err)
	}
	return inc, nil
}
