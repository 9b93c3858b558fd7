package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"sitrep/internal/event"
	"sitrep/internal/incident"
)

// PutResult stores d and, unless d duplicates a stored document exactly, its events, merging each into an
// existing incident (found by date window and bounding box, chosen by the incident Merger) or starting a new
// one. Every change is logged. All of it happens in one transaction: after a crash either the whole document
// with its events and merges is stored, or none of it.
func (s *sqlStore) PutResult(ctx context.Context, d Document, events []event.Event) (Ingest, error) {
	var out Ingest
	err := s.tx(ctx, func(tx *txn) error {
		var idx indexQueue
		var err error
		if out, err = s.putResult(ctx, tx, d, events, &idx); err != nil {
			return err
		}
		return s.flushIndex(ctx, tx, idx)
	})
	if err != nil {
		return Ingest{}, fmt.Errorf("put result %s: %w", d.ID, err)
	}
	return out, nil
}

// putResult is PutResult inside tx; the full-text index inserts go to idx.
func (s *sqlStore) putResult(ctx context.Context, tx *txn, d Document, events []event.Event, idx *indexQueue) (Ingest, error) {
	var out Ingest
	p, err := s.putDocument(ctx, tx, &d, idx)
	out.Put = p
	if err != nil || p.Duplicate {
		return out, err
	}
	now := s.now()
	for i, ev := range events {
		if ev.ID == "" {
			ev.ID = "e" + strconv.Itoa(i+1)
		}
		ch, err := s.putEvent(ctx, tx, d, ev, now, idx)
		if err != nil {
			return out, err
		}
		out.Events++
		if ch.Action == incident.ActionCreated {
			out.Created++
		} else {
			out.Merged++
		}
		out.Changes = append(out.Changes, ch)
	}
	return out, nil
}

// eventKey is the events table id of a document's event.
func eventKey(documentID, eventID string) string { return clean(documentID + "/" + eventID) }

// putEvent stores one event and merges it into an incident. The incident's row holds the event as a reference
// (see encodeBody): the events table holds it as the report has it.
func (s *sqlStore) putEvent(ctx context.Context, tx *txn, d Document, ev event.Event, now time.Time, idx *indexQueue) (incident.Change, error) {
	if err := s.insertEvent(ctx, tx, d, ev, idx); err != nil {
		return incident.Change{}, err
	}
	r := event.Report{DocumentID: d.ID, URL: d.URL, Publisher: d.Publisher, Published: d.Published, Event: ev,
		DuplicateOf: d.DuplicateOf, Added: now}
	cands, rows, err := s.candidates(ctx, tx, ev)
	if err != nil {
		return incident.Change{}, err
	}
	var ch incident.Change
	var rid int64
	if best, m, ok := s.merger.Assign(cands, r); ok {
		// Assign chose among the candidates' heads; the merge needs the whole incident.
		row := rows[indexOf(cands, best)]
		var inc event.Incident
		if inc, err = row.decodeIncident(); err != nil {
			return incident.Change{}, err
		}
		// The reports' events, which the body holds as references, in one query.
		var stored storedEvents
		if stored, err = s.hydrateWith(s.txQuery(ctx, tx), true, s.events, tx, &inc); err != nil {
			return incident.Change{}, fmt.Errorf("incident %s: %w", inc.ID, err)
		}
		before := actorsColumn(inc.Actors)
		ch = incident.Add(&inc, r, m, now)
		stored.add(r)
		if rid, err = s.updateIncident(ctx, tx, row, inc, stored); err == nil {
			err = s.indexActors(ctx, tx, rid, before, actorsColumn(inc.Actors))
		}
	} else {
		inc := incident.New(r, now)
		ch = incident.Created(inc)
		stored := storedEvents{}
		stored.add(r)
		if rid, err = s.insertIncident(ctx, tx, inc, stored); err == nil {
			err = s.indexActors(ctx, tx, rid, "", actorsColumn(inc.Actors))
		}
	}
	if err != nil {
		return ch, err
	}
	// Only r's link is new: the incident's other reports are linked already.
	if err := s.linkReport(ctx, tx, rid, ch.IncidentID, r); err != nil {
		return ch, err
	}
	return ch, s.logChange(ctx, tx, ch)
}

// indexOf is the index of the element p points to in xs.
func indexOf(xs []event.Incident, p *event.Incident) int {
	for i := range xs {
		if &xs[i] == p {
			return i
		}
	}
	panic("store: merged incident is not a candidate")
}

// Statements of the event write path.
const (
	insertEventQuery = `INSERT INTO events (id, document_id, body, date_start, date_end, lat, lon, country, admin1,
		event_type, sub_event_type, fatalities_best, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	insertChangeQuery = `INSERT INTO incident_changes (incident_id, body, at) VALUES (?, ?, ?)`
)

// insertEvent stores an event row and queues the full-text indexing of its summary on idx.
func (s *sqlStore) insertEvent(ctx context.Context, tx *txn, d Document, ev event.Event, idx *indexQueue) error {
	docID := d.ID
	body, err := marshalEventIn(&ev, d.Text)
	if err != nil {
		return fmt.Errorf("event %s: %w", ev.ID, err)
	}
	c := columnsOf(ev.Date, ev.Location, ev.Fatalities)
	key := eventKey(docID, ev.ID)
	summary := clean(ev.Summary)
	res, err := s.execTx(ctx, tx, insertEventQuery,
		key, docID, body, nullString(c.start), nullString(c.end), c.lat, c.lon, nullString(clean(c.country)),
		nullString(clean(c.admin1)), clean(ev.EventType), clean(ev.SubEventType), c.best, summary)
	if err != nil {
		return fmt.Errorf("event %s: %w", key, err)
	}
	if err := s.indexEvent(idx, res, summary); err != nil {
		return fmt.Errorf("index event %s: %w", key, err)
	}
	if cacheable(&ev, body) {
		s.events.putPending(tx, key, ev, len(body)+len(d.Text))
	}
	return nil
}

// cacheable reports whether body, ev's JSON, decodes to ev exactly, so that the event cache may hold ev as
// the events table does: no string of ev holds an invalid UTF-8 byte (json.Marshal writes each as a \ufffd
// escape, which decodes as U+FFFD; a string holding the text "\ufffd" is refused too) and its dates are days
// at UTC midnight (a Date's JSON keeps only the day).
func cacheable(ev *event.Event, body string) bool {
	if strings.Contains(body, `\ufffd`) {
		return false
	}
	return ev.Date == nil || isDay(ev.Date.Start) && isDay(ev.Date.End)
}

// isDay reports whether d is a day at UTC midnight, as a decoded Date is.
func isDay(d event.Date) bool {
	t := d.Time
	return t.Location() == time.UTC && t.Equal(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC))
}

// logChange appends a change to the incident history.
func (s *sqlStore) logChange(ctx context.Context, tx *txn, ch incident.Change) error {
	body, err := marshalChange(&ch)
	if err != nil {
		return fmt.Errorf("change: %w", err)
	}
	_, err = s.execTx(ctx, tx, insertChangeQuery,
		ch.IncidentID, body, stamp(ch.At))
	if err != nil {
		return fmt.Errorf("log change %s: %w", ch.IncidentID, err)
	}
	return nil
}
