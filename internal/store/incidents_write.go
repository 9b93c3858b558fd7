package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
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
	rid, err := s.upsertIncident(ctx, tx, inc)
	if err != nil {
		return err
	}
	return s.linkReports(ctx, tx, rid, inc)
}

// upsertIncident stores an incident row and its point in the spatial index, returning its rid.
func (s *sqlStore) upsertIncident(ctx context.Context, tx *sql.Tx, inc event.Incident) (int64, error) {
	body, err := json.Marshal(inc)
	if err != nil {
		return 0, fmt.Errorf("incident %s: %w", inc.ID, err)
	}
	c, m := columnsOf(inc.Date, inc.Location, inc.Fatalities), markerColumnsOf(inc)
	var rid int64
	err = s.queryRowTx(ctx, tx, s.d.upsertIncident(), inc.ID, string(body), c.start, c.end, c.lat,
		c.lon, clean(c.precision), clean(c.country), clean(c.admin1), clean(inc.EventType), clean(inc.SubEventType),
		clean(actorNames(inc.Actors)), c.best,
		stamp(inc.Updated), m.place, m.actor1, m.end).Scan(&rid)
	if err != nil {
		return 0, fmt.Errorf("save incident %s: %w", inc.ID, err)
	}
	if c.lat != nil {
		err = s.exec(ctx, tx, s.d.putPoint(), rid, c.lat, c.lat, c.lon, c.lon)
	} else {
		err = s.exec(ctx, tx, s.d.deletePoint(), rid)
	}
	if err != nil {
		return 0, fmt.Errorf("index incident %s: %w", inc.ID, err)
	}
	return rid, nil
}

// linkReport links one report's event to the incident.
func (s *sqlStore) linkReport(ctx context.Context, tx *sql.Tx, rid int64, incID string, r event.Report) error {
	if _, err := s.execTx(ctx, tx, linkReportQuery, rid, eventKey(r.DocumentID, r.Event.ID)); err != nil {
		return fmt.Errorf("link report %s/%s to %s: %w", r.DocumentID, r.Event.ID, incID, err)
	}
	return nil
}

// Statements maintaining the report links. Linking an event twice to its incident is a no-op.
const (
	unlinkReportsQuery = `DELETE FROM incident_reports WHERE incident_rid = ?`
	linkReportQuery    = `INSERT INTO incident_reports (incident_rid, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING`
)

// linkReports replaces the incident's report links with its current reports.
func (s *sqlStore) linkReports(ctx context.Context, tx *sql.Tx, rid int64, inc event.Incident) error {
	if _, err := s.execTx(ctx, tx, unlinkReportsQuery, rid); err != nil {
		return fmt.Errorf("link reports %s: %w", inc.ID, err)
	}
	for _, r := range inc.Reports {
		if err := s.linkReport(ctx, tx, rid, inc.ID, r); err != nil {
			return err
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
