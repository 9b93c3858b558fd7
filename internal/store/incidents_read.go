package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"sitrep/internal/event"
	"sitrep/internal/incident"
)

// GetIncident returns the incident with id, the documents of its reports and its change history.
func (s *sqlStore) GetIncident(ctx context.Context, id string) (IncidentDetail, error) {
	var out IncidentDetail
	inc, err := scanIncident(s.db.QueryRowContext(ctx, s.d.rebind(`SELECT body FROM incidents WHERE id = ?`), clean(id)))
	if errors.Is(err, sql.ErrNoRows) {
		return out, fmt.Errorf("incident %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return out, fmt.Errorf("incident %s: %w", id, err)
	}
	if _, err := s.hydrate(s.dbQuery(ctx), false, &inc); err != nil {
		return out, fmt.Errorf("incident %s: %w", id, err)
	}
	out.Incident = inc
	seen := map[string]bool{}
	for _, r := range inc.Reports {
		if seen[r.DocumentID] {
			continue
		}
		seen[r.DocumentID] = true
		d, err := s.GetDocument(ctx, r.DocumentID)
		if err != nil {
			return out, fmt.Errorf("incident %s: %w", id, err)
		}
		out.Documents = append(out.Documents, d)
	}
	out.Changes, err = s.changes(ctx, id)
	return out, err
}

// changes returns an incident's change log, oldest first.
func (s *sqlStore) changes(ctx context.Context, id string) ([]incident.Change, error) {
	rows, err := s.db.QueryContext(ctx, s.d.rebind(`SELECT body FROM incident_changes WHERE incident_id = ?
		ORDER BY seq`), id)
	if err != nil {
		return nil, fmt.Errorf("changes %s: %w", id, err)
	}
	defer rows.Close()
	var out []incident.Change
	for rows.Next() {
		var body string
		var ch incident.Change
		if err := rows.Scan(&body); err != nil {
			return nil, fmt.Errorf("changes %s: %w", id, err)
		}
		if err := json.Unmarshal([]byte(body), &ch); err != nil {
			return nil, fmt.Errorf("changes %s: %w", id, err)
		}
		out = append(out, ch)
	}
	return out, rows.Err()
}

// ListIncidents returns a page of incidents matching f, ordered by start date then row id, newest first.
func (s *sqlStore) ListIncidents(ctx context.Context, f Filter) (Page, error) {
	limit := pageSize(f.Limit)
	plan, err := s.planFor(ctx, f, limit+1)
	if err != nil {
		return Page{}, fmt.Errorf("list incidents: %w", err)
	}
	return s.listIncidents(ctx, f, plan)
}

// listIncidents is ListIncidents with the full-text and bounding-box filters applied as plan says.
func (s *sqlStore) listIncidents(ctx context.Context, f Filter, plan readPlan) (Page, error) {
	limit := pageSize(f.Limit)
	var p Page
	var last cursor
	err := s.orderedRows(ctx, f, `rid, date_start, body`, nil, limit+1, plan, func(rows *sql.Rows) error {
		var c cursor
		var body string
		if err := rows.Scan(&c.rid, &c.key, &body); err != nil {
			return err
		}
		if len(p.Incidents) == limit {
			p.Next = encodeCursor(last)
			return nil
		}
		inc, err := decodeBody([]byte(body))
		if err != nil {
			return fmt.Errorf("decode: %w", err)
		}
		p.Incidents, last = append(p.Incidents, inc), c
		return nil
	})
	if err != nil {
		return Page{}, fmt.Errorf("list incidents: %w", err)
	}
	incs := make([]*event.Incident, len(p.Incidents))
	for i := range p.Incidents {
		incs[i] = &p.Incidents[i]
	}
	if _, err := s.hydrate(s.dbQuery(ctx), false, incs...); err != nil {
		return Page{}, fmt.Errorf("list incidents: %w", err)
	}
	return p, nil
}

// queryFunc runs a query.
type queryFunc func(q string, args ...any) (*sql.Rows, error)

// dbQuery runs queries outside a transaction, through the statement cache when it holds them.
func (s *sqlStore) dbQuery(ctx context.Context) queryFunc {
	return func(q string, args ...any) (*sql.Rows, error) {
		if st := s.stmts.m[q]; st != nil {
			return st.QueryContext(ctx, args...)
		}
		return s.db.QueryContext(ctx, s.d.rebind(q), args...)
	}
}

// txQuery runs queries in tx.
func (s *sqlStore) txQuery(ctx context.Context, tx *txn) queryFunc {
	return func(q string, args ...any) (*sql.Rows, error) { return s.queryTx(ctx, tx, q, args...) }
}

// eventsQuerySizes are the numbers of keys an events query (eventsQueries) takes: the keys of a read are padded
// to the next size with a key no event has, so few statement texts are cached; beyond the largest, a read takes
// several queries.
var eventsQuerySizes = []int{1, 2, 4, 8, 16, 32, 64, 128, 256, 512}

// eventsQueries are d's events query texts, one for each of eventsQuerySizes, followed by its document text
// queries, one for each size too (docTextQuery). Each key is read through a CAST, as in candidateQuery: on bare
// parameters SQLite's planner would look at the bound keys (with sqlite_stat4) and mark the statement to be
// prepared again whenever they change, that is at every read. On SQLite the queries name the id index of the
// events and documents tables: on the statistics of a store analysed while it held a few events, the planner
// chose to scan the table for every read of more keys than it had rows then (see candidateQuery).
//
// An events query reads each event's key, body and, where the body holds spans as offsets (docTextCondition), its
// document's id; readEvents then reads the text of each of those documents once, however many of its events
// the query read, and no document for bodies without offsets.
func eventsQueries(d dialect) []string {
	n := len(eventsQuerySizes)
	qs := make([]string, 2*n)
	for i, k := range eventsQuerySizes {
		keys := `(CAST(? AS TEXT)` + strings.Repeat(`, CAST(? AS TEXT)`, k-1) + `)`
		qs[i] = `SELECT id, body, CASE WHEN ` + docTextCondition + ` THEN document_id END FROM events` +
			d.indexedBy(`sqlite_autoindex_events_1`) + ` WHERE id IN ` + keys
		qs[n+i] = `SELECT id, text FROM documents` + d.indexedBy(`sqlite_autoindex_documents_1`) + ` WHERE id IN ` + keys
	}
	return qs
}

// docTextQuery is the index in hinted.events of the query reading the texts of eventsQuerySizes[size] documents.
func docTextQuery(size int) int { return len(eventsQuerySizes) + size }

// querySize is the index in sizes (ascending: the numbers of keys a cached query takes, such as
// eventsQuerySizes) of the size a read of n keys takes: the smallest that holds them, else the largest.
func querySize(sizes []int, n int) int {
	for i, k := range sizes {
		if n <= k {
			return i
		}
	}
	return len(sizes) - 1
}

// paddedKeys are the n arguments of a query of n keys for keys (at most n), padded with pad.
func paddedKeys[K any](n int, keys []K, pad any) []any {
	args := make([]any, n)
	for i := range args {
		args[i] = pad
		if i < len(keys) {
			args[i] = keys[i]
		}
	}
	return args
}

// hydrate puts back the events of incs' reports that their bodies hold as references (isRef), read from the
// events table in one query for up to 512 of them; a reference the table does not hold stays as it is. With
// check it also reads the events of the reports held whole, and returns the events (storedEvents) that the
// table holds as the reports now have them: those it put back, and those held whole that the table's event
// reads as (the same JSON once decoded). A write path may store all of them as references.
func (s *sqlStore) hydrate(query queryFunc, check bool, incs ...*event.Incident) (storedEvents, error) {
	return s.hydrateWith(query, check, nil, nil, incs...)
}

// hydrateWith is hydrate taking the events cache holds (as tx sees it) from it, not from the table: the merge
// path's.
func (s *sqlStore) hydrateWith(query queryFunc, check bool, cache *eventCache, tx *txn, incs ...*event.Incident) (storedEvents, error) {
	type wanted struct {
		e   *event.Event
		ref bool
	}
	wants := map[string][]wanted{}
	var keys []string
	for _, inc := range incs {
		for i := range inc.Reports {
			r := &inc.Reports[i]
			ref := isRef(&r.Event)
			if !ref && (!check || r.Event.ID == "") {
				continue
			}
			k := eventKey(r.DocumentID, r.Event.ID)
			if wants[k] == nil {
				keys = append(keys, k)
			}
			wants[k] = append(wants[k], wanted{&r.Event, ref})
		}
	}
	stored := storedEvents{}
	if cache != nil {
		missed := keys[:0]
		for _, k := range keys {
			ev, ok := cache.getIn(tx, k)
			for _, w := range wants[k] {
				ok = ok && w.ref // a report held whole is compared with the table's event (below)
			}
			if !ok {
				missed = append(missed, k)
				continue
			}
			for _, w := range wants[k] {
				*w.e = ev
			}
			stored[k] = true
		}
		keys = missed
	}
	for len(keys) > 0 {
		size := querySize(eventsQuerySizes, len(keys))
		n := min(len(keys), eventsQuerySizes[size])
		args := paddedKeys(eventsQuerySizes[size], keys[:n], "") // no event's key: eventKey holds a "/"
		keys = keys[n:]
		if err := s.readEvents(query, size, args, func(key string, body []byte, doc string, hasDoc bool) error {
			var ev event.Event
			if err := unmarshalEventIn(body, doc, hasDoc, &ev); err != nil {
				return fmt.Errorf("decode event %s: %w", key, err)
			}
			same := true
			var evJSON []byte
			for _, w := range wants[key] {
				if w.ref {
					*w.e = ev
					continue
				}
				// The same event, put back, must read as the report's: compared as json.Marshal writes them
				// (body need not be those bytes: json.Marshal writes a U+FFFD it put for an invalid byte as
				// an escape, one it decoded as the character).
				if evJSON == nil {
					evJSON, _ = json.Marshal(ev)
				}
				b, err := json.Marshal(w.e)
				same = same && err == nil && evJSON != nil && bytes.Equal(b, evJSON)
			}
			if same {
				stored[key] = true
			}
			return nil
		}); err != nil {
			return nil, err
		}
	}
	return stored, nil
}

// readEvents runs the events query of the given size (eventsQueries) with args, calling f with each event's key,
// body (valid until f returns) and, when the body holds spans as offsets, the text of its document (hasDoc: false
// if the store holds none). f sees the bodies without offsets as the query reads them, then those with offsets,
// after one read of their documents' texts (each once, into one string, which the decoded events do not keep:
// unmarshalEventIn copies their span texts out).
func (s *sqlStore) readEvents(query queryFunc, size int, args []any, f func(key string, body []byte, doc string, hasDoc bool) error) error {
	type pending struct {
		key, doc string
		body     []byte
	}
	var later []pending
	var docIDs []string
	err := func() error {
		rows, err := query(s.hinted.events[size], args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		var key string
		var body sql.RawBytes
		var doc sql.NullString
		seen := map[string]bool{}
		for rows.Next() {
			if err := rows.Scan(&key, &body, &doc); err != nil {
				return err
			}
			if !doc.Valid {
				if err := f(key, body, "", false); err != nil {
					return err
				}
				continue
			}
			later = append(later, pending{key, doc.String, bytes.Clone(body)})
			if !seen[doc.String] {
				seen[doc.String] = true
				docIDs = append(docIDs, doc.String)
			}
		}
		return rows.Err()
	}()
	if err != nil {
		return fmt.Errorf("read events: %w", err)
	}
	if len(later) == 0 {
		return nil
	}
	texts, err := s.readDocTexts(query, docIDs)
	if err != nil {
		return fmt.Errorf("read events: %w", err)
	}
	for _, p := range later {
		text, ok := texts[p.doc]
		if err := f(p.key, p.body, text, ok); err != nil {
			return err
		}
	}
	return nil
}

// readDocTexts reads the texts of the documents ids (distinct) name, by id, in one query for up to 512 of them.
func (s *sqlStore) readDocTexts(query queryFunc, ids []string) (map[string]string, error) {
	texts := make(map[string]string, len(ids))
	for len(ids) > 0 {
		size := querySize(eventsQuerySizes, len(ids))
		n := min(len(ids), eventsQuerySizes[size])
		// The padding repeats a key of the read: a document id may be anything.
		rows, err := query(s.hinted.events[docTextQuery(size)], paddedKeys(eventsQuerySizes[size], ids[:n], ids[0])...)
		if err != nil {
			return nil, err
		}
		ids = ids[n:]
		var id, text string // a string, not sql.RawBytes: both drivers return text as one, which Scan then keeps
		for rows.Next() {
			if err := rows.Scan(&id, &text); err != nil {
				rows.Close()
				return nil, err
			}
			texts[id] = text
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, err
		}
	}
	return texts, nil
}

// where builds the conditions of a Filter, collecting the full-text and bounding-box matches first (the zero
// readPlan).
func (s *sqlStore) where(f Filter) ([]string, []any, error) { return s.whereWith(f, readPlan{}) }

// whereWith builds the conditions of a Filter with its full-text and bounding-box conditions in the forms plan
// names.
func (s *sqlStore) whereWith(f Filter, plan readPlan) ([]string, []any, error) {
	var w []string
	var a []any
	add := func(cond string, args ...any) { w, a = append(w, cond), append(a, args...) }
	if f.Cursor != "" {
		c, err := decodeCursor(f.Cursor)
		if err != nil {
			return nil, nil, err
		}
		// The first term bounds an index range; a plain OR of the two cases makes SQLite scan the order index
		// from its end (or collect both cases and sort), whatever the depth of the page.
		add(`date_start <= ? AND (date_start < ? OR rid < ?)`, c.key, c.key, c.rid)
	}
	if !f.From.IsZero() {
		add(`date_end >= ?`, f.From.String())
	}
	if !f.To.IsZero() {
		add(`date_start <> '' AND date_start <= ?`, f.To.String())
	}
	if b := f.BBox; b != nil {
		cond, args := s.bboxCondition(*b, plan)
		add(cond, args...)
	}
	for _, eq := range []struct{ col, v string }{{"country", f.Country}, {"admin1", f.Admin1},
		{"event_type", f.EventType}, {"sub_event_type", f.SubEventType}} {
		if eq.v != "" {
			add(eq.col+` = ?`, clean(eq.v))
		}
	}
	if f.Actor != "" {
		add(s.d.contains("actors"), strings.ToLower(clean(f.Actor)))
	}
	if q := s.d.ftsArg(f.Query); q != "" {
		cond, args := s.ftsCondition(f, q, plan)
		add(cond, args...)
	}
	if f.MinFatalities > 0 {
		add(`fatalities_best >= ?`, f.MinFatalities)
	}
	return w, a, nil
}

// SplitIncident undoes the merge of documentID's reports into incident id, storing both incidents and the
// change, and returns the new incident.
func (s *sqlStore) SplitIncident(ctx context.Context, id, documentID string) (event.Incident, error) {
	var out event.Incident
	err := s.tx(ctx, func(tx *txn) error {
		inc, err := scanIncident(tx.QueryRowContext(ctx, s.d.rebind(`SELECT body FROM incidents WHERE id = ?`), clean(id)))
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("incident %s: %w", id, ErrNotFound)
		}
		if err != nil {
			return err
		}
		stored, err := s.hydrate(s.txQuery(ctx, tx), true, &inc)
		if err != nil {
			return err
		}
		now := s.now()
		if out, err = incident.Split(&inc, documentID, now); err != nil {
			return err
		}
		if err := s.saveIncident(ctx, tx, inc, stored); err != nil {
			return err
		}
		if err := s.saveIncident(ctx, tx, out, stored); err != nil {
			return err
		}
		note := "split " + documentID + " into " + out.ID
		if err := s.logChange(ctx, tx, incident.Change{IncidentID: inc.ID, DocumentID: documentID,
			Action: incident.ActionSplit, Notes: []string{note}, At: now}); err != nil {
			return err
		}
		return s.logChange(ctx, tx, incident.Change{IncidentID: out.ID, DocumentID: documentID,
			Action: incident.ActionSplit, Notes: []string{"split from " + inc.ID}, At: now})
	})
	if err != nil {
		return event.Incident{}, fmt.Errorf("split incident: %w", err)
	}
	return out, nil
}
