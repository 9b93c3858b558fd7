package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"

	"sitrep/internal/event"
	"sitrep/internal/incident"
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

// Incident bodies. An incident row's body is the incident's JSON, except that a report whose event the events
// table holds exactly as the report has it (storedEvents) carries only the event's id, {"id":"e1"}: the events
// are most of an incident's JSON (75% of it over a 5,000-document ingest) and events.body holds each already.
// Whoever reads an incident whole puts the events back from the events table (sqlStore.hydrate). A body written
// before that, every report whole, reads as it did, and so does a report kept whole because the events table
// does not hold its event as the report has it. The indexed columns, and the migrations that read a body
// (location, actors, date), read none of the reports. A reference is a string, not an object, so that a sitrep
// older than references fails to decode such a body (an error it reports) instead of reading each report's
// event as empty and storing incidents recomputed from them; decodeBody also reads {"id":"e1"}, the shape of
// the first bodies with references.

// storedEvents is a set of report events, by eventKey, that the events table holds as the report has it: the
// event decoded from events.body is the report's (json.Marshal writes the same JSON for both). An incident
// body may refer to them by id.
type storedEvents map[string]bool

// add records that the events table holds r's event as r has it (r's event was just stored, or read from the
// table). A report whose ids are empty or not valid UTF-8 is not recorded, and stays whole: the ids a reader
// finds in the body would not lead it back to the event (JSON replaces each invalid byte, eventKey each run).
func (s storedEvents) add(r event.Report) {
	if r.Event.ID != "" && utf8.ValidString(r.DocumentID) && utf8.ValidString(r.Event.ID) {
		s[eventKey(r.DocumentID, r.Event.ID)] = true
	}
}

// has reports whether the events table holds r's event as r has it.
func (s storedEvents) has(r *event.Report) bool {
	return len(s) > 0 && r.Event.ID != "" && s[eventKey(r.DocumentID, r.Event.ID)]
}

// bodyIncident is an incident as its row's body holds it (encodeBody).
type bodyIncident struct {
	event.Incident
	Reports []bodyReport `json:"reports"` // shadows Incident.Reports
}

// bodyReport is a report as an incident body holds it: Event (shadowing Report.Event) is the whole event, or
// the event's id, a reference.
type bodyReport struct {
	event.Report
	Event any `json:"event"`
}

// decodedIncident is an incident body as decodeBody reads it.
type decodedIncident struct {
	event.Incident
	Reports []decodedReport `json:"reports"` // shadows Incident.Reports
}

// decodedReport is a report of a body as decodeBody reads it.
type decodedReport struct {
	event.Report
	Event bodyEvent `json:"event"` // shadows Report.Event
}

// bodyEvent is a report's event in a body: a JSON string is a reference, the event's id; an object is the
// whole event, or a reference as the first bodies with references wrote it ({"id":"e1"}).
type bodyEvent struct{ event.Event }

func (e *bodyEvent) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		return json.Unmarshal(b, &e.ID)
	}
	return json.Unmarshal(b, &e.Event)
}

// decodeBody decodes an incident row's body, its reports' event references as events holding only their id
// (isRef; hydrate puts the events back).
func decodeBody(body []byte) (event.Incident, error) {
	refs := hasStringRef(body)
	var inc event.Incident
	if unmarshalBody(body, &inc, refs) {
		return inc, nil
	}
	return decodeBodyJSON(body, refs)
}

// decodeBodyJSON is decodeBody by json.Unmarshal, for a body not in json.Marshal's form (see unmarshalBody);
// refs is hasStringRef(body).
func decodeBodyJSON(body []byte, refs bool) (event.Incident, error) {
	if !refs { // every event whole, or an {"id"} reference: no second scan of each event
		var inc event.Incident
		err := json.Unmarshal(body, &inc)
		return inc, err
	}
	var d decodedIncident
	if err := json.Unmarshal(body, &d); err != nil {
		return event.Incident{}, err
	}
	inc := d.Incident
	if d.Reports != nil {
		inc.Reports = make([]event.Report, len(d.Reports))
		for i := range d.Reports {
			inc.Reports[i] = d.Reports[i].Report
			inc.Reports[i].Event = d.Reports[i].Event.Event
		}
	}
	return inc, nil
}

// encodeBody is the body of inc's row: the incident's JSON, with each report whose event stored holds
// carrying only the event's id.
func encodeBody(inc event.Incident, stored storedEvents) (string, error) {
	body, err := marshalBody(&inc, stored.has)
	if err != nil {
		return "", fmt.Errorf("incident %s: %w", inc.ID, err)
	}
	return body, nil
}

// newBodyIncident is inc as a bodyIncident, each report for which ref is true carrying only its event's id.
func newBodyIncident(inc *event.Incident, ref func(r *event.Report) bool) *bodyIncident {
	b := &bodyIncident{Incident: *inc, Reports: make([]bodyReport, len(inc.Reports))}
	for i := range inc.Reports {
		r := &inc.Reports[i]
		b.Reports[i].Report = *r
		if ref(r) {
			b.Reports[i].Event = r.Event.ID
		} else {
			b.Reports[i].Event = &r.Event
		}
	}
	if inc.Reports == nil {
		b.Reports = nil // null, as json.Marshal(inc) writes it
	}
	return b
}

// eventIDField is the index of event.Event's ID field.
var eventIDField = func() int {
	f, _ := reflect.TypeFor[event.Event]().FieldByName("ID")
	return f.Index[0]
}()

// isRef reports whether e is what a body's event reference decodes to: an id and nothing else.
func isRef(e *event.Event) bool {
	if e.ID == "" {
		return false
	}
	v := reflect.ValueOf(e).Elem()
	for i := range v.NumField() {
		if i != eventIDField && !v.Field(i).IsZero() {
			return false
		}
	}
	return true
}

// saveIncident upserts an incident row, its point in the spatial index and its report links. The reports whose
// event stored holds are stored as references.
func (s *sqlStore) saveIncident(ctx context.Context, tx *txn, inc event.Incident, stored storedEvents) error {
	rid, err := s.upsertIncident(ctx, tx, inc, stored)
	if err != nil {
		return err
	}
	if err := s.indexActors(ctx, tx, rid, "", actorsColumn(inc.Actors)); err != nil {
		return err
	}
	return s.linkReports(ctx, tx, rid, inc)
}

// upsertIncident stores an incident row and its point in the spatial index, returning its rid.
func (s *sqlStore) upsertIncident(ctx context.Context, tx *txn, inc event.Incident, stored storedEvents) (int64, error) {
	body, err := encodeBody(inc, stored)
	if err != nil {
		return 0, fmt.Errorf("incident %s: %w", inc.ID, err)
	}
	c, m := columnsOf(inc.Date, inc.Location, inc.Fatalities), markerColumnsOf(inc)
	s.wroteIncident(tx, c.start, c.end)
	var rid int64
	err = s.queryRowTx(ctx, tx, s.d.upsertIncident(), inc.ID, body, c.start, c.end, c.lat,
		c.lon, clean(c.precision), clean(c.country), clean(c.admin1), clean(inc.EventType), clean(inc.SubEventType),
		clean(actorNames(inc.Actors)), c.best,
		stamp(inc.Updated), m.place, m.actor1, m.end, actor1KeyOf(inc.Actors)).Scan(&rid)
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

// rowColumns are the indexed columns of an incident row, as stored: an update sets only those whose value changes
// (see updateSet), and moves the point in the spatial index only when it moves.
type rowColumns struct {
	start, end, precision, country, admin1, eventType, subEventType string
	lat, lon                                                        sql.NullFloat64
	best                                                            sql.NullInt64
	actor1Key                                                       sql.NullString // see actor1KeyOf
}

// incidentRow is what an incident row stores: its indexed columns, and the others.
type incidentRow struct {
	rowColumns
	body, actors, updated string
	m                     markerColumns
}

// rowOf derives the row that stores inc, the reports whose event stored holds as references.
func rowOf(inc event.Incident, stored storedEvents) (incidentRow, error) {
	body, err := encodeBody(inc, stored)
	if err != nil {
		return incidentRow{}, err
	}
	c := columnsOf(inc.Date, inc.Location, inc.Fatalities)
	r := incidentRow{body: body, actors: clean(actorNames(inc.Actors)), updated: stamp(inc.Updated),
		m: markerColumnsOf(inc)}
	r.start, r.end, r.precision, r.country, r.admin1 = c.start, c.end, clean(c.precision), clean(c.country), clean(c.admin1)
	r.eventType, r.subEventType = clean(inc.EventType), clean(inc.SubEventType)
	r.actor1Key = actor1KeyOf(inc.Actors)
	if c.lat != nil {
		r.lat = sql.NullFloat64{Float64: c.lat.(float64), Valid: true}
		r.lon = sql.NullFloat64{Float64: c.lon.(float64), Valid: true}
	}
	if c.best != nil {
		r.best = sql.NullInt64{Int64: int64(c.best.(int)), Valid: true}
	}
	return r, nil
}

// actor1KeyOf is the actor1_key column of an incident with these actors (migration 0018): incident.Actor1Key,
// by which a candidate query leaves unread the incidents whose actor1s rule the report out. NULL, which a
// candidate query reads as unknown, when Actor1Key is not ok or the key is not storable as it is (a NUL byte).
func actor1KeyOf(as []event.Actor) sql.NullString {
	k, ok := incident.Actor1Key(as)
	if !ok || clean(k) != k {
		return sql.NullString{}
	}
	return sql.NullString{String: k, Valid: true}
}

// Statements of the event write path's incident rows: a new incident is inserted (the dialect's
// insertIncident, which adds RETURNING rid where the driver has no last insert id); a merge updates the row by
// rid, setting its indexed columns only where they change (updateSet). In SQLite neither opens a statement
// journal, which the upsert does (RETURNING runs as a trigger) and fills with a copy of every page the statement
// changes.
const insertIncidentQuery = `INSERT INTO incidents (id, body, date_start, date_end, lat, lon, loc_precision, country,
		admin1, event_type, sub_event_type, actors, fatalities_best, updated, place_name, actor1, given_end, actor1_key)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// Groups of an incident row's indexed columns, which a merge's update sets only when one of the group's columns
// changes. SQLite rewrites the entry of every index that holds a column of an UPDATE's SET list (or a generated
// column computed from one: geo_key, date_class), whatever the value, and each rewritten entry is an index leaf
// read, changed, written to the log at the commit and copied back at the next checkpoint: in a store of a million
// incidents, a leaf no other write of the batch shares. Setting fatalities_best, which an update almost never
// changes, at every merge rewrote an incidents_fatalities entry; setting every indexed column whenever one changed
// (a merge that only widened the incident's dates rewrote the entries of all ten indexes).
const (
	setEnd    = 1 << iota // date_end: incidents_cand_geo, incidents_cand_country, incidents_end_class (classes 1-3 only, 0019)
	setPlace              // lat, lon, loc_precision, country, admin1: the candidate, point, country and admin1 indexes
	setTypes              // event_type, sub_event_type: the type (PostgreSQL; SQLite: incidents_type_other), sub-type and candidate indexes
	setBest               // fatalities_best: incidents_fatalities
	setActor1             // actor1_key: the candidate indexes
	// setStart is date_start, which every index but incidents_fatalities holds: with it, every group but setBest
	// is set (the entries are rewritten anyway), so fewer statements are cached.
	setStart
	setAll = setStart<<1 - 1
)

// updateSet is the groups of indexed columns whose values differ between rows a and b.
func updateSet(a, b rowColumns) int {
	set := 0
	if a.start != b.start {
		set |= setStart | setEnd | setPlace | setTypes | setActor1
	}
	if a.end != b.end {
		set |= setEnd
	}
	if a.lat != b.lat || a.lon != b.lon || a.precision != b.precision || a.country != b.country || a.admin1 != b.admin1 {
		set |= setPlace
	}
	if a.eventType != b.eventType || a.subEventType != b.subEventType {
		set |= setTypes
	}
	if a.best != b.best {
		set |= setBest
	}
	if a.actor1Key != b.actor1Key {
		set |= setActor1
	}
	return set
}

// updateIncidentQuery is the update of an incident row by rid that sets the columns of the groups in set (see
// updateSet) and the row's other columns; its arguments are updateArgs'.
func updateIncidentQuery(set int) string { return updateIncidentQueryTexts[set] }

// updateIncidentQueryTexts are updateIncidentQuery's texts, built once.
var updateIncidentQueryTexts = func() (qs [setAll + 1]string) {
	for set := range qs {
		qs[set] = buildUpdateIncidentQuery(set)
	}
	return qs
}()

// buildUpdateIncidentQuery builds updateIncidentQuery(set).
func buildUpdateIncidentQuery(set int) string {
	q := `UPDATE incidents SET body = ?, actors = ?, updated = ?, place_name = ?, actor1 = ?, given_end = ?`
	if set&setStart != 0 {
		q += `, date_start = ?`
	}
	if set&setEnd != 0 {
		q += `, date_end = ?`
	}
	if set&setPlace != 0 {
		q += `, lat = ?, lon = ?, loc_precision = ?, country = ?, admin1 = ?`
	}
	if set&setTypes != 0 {
		q += `, event_type = ?, sub_event_type = ?`
	}
	if set&setBest != 0 {
		q += `, fatalities_best = ?`
	}
	if set&setActor1 != 0 {
		q += `, actor1_key = ?`
	}
	return q + ` WHERE rid = ?`
}

// updateArgs are the arguments of updateIncidentQuery(set) that store r in the row rid.
func updateArgs(set int, r incidentRow, rid int64) []any {
	args := []any{r.body, r.actors, r.updated, r.m.place, r.m.actor1, r.m.end}
	if set&setStart != 0 {
		args = append(args, r.start)
	}
	if set&setEnd != 0 {
		args = append(args, r.end)
	}
	if set&setPlace != 0 {
		args = append(args, r.lat, r.lon, r.precision, r.country, r.admin1)
	}
	if set&setTypes != 0 {
		args = append(args, r.eventType, r.subEventType)
	}
	if set&setBest != 0 {
		args = append(args, r.best)
	}
	if set&setActor1 != 0 {
		args = append(args, r.actor1Key)
	}
	return append(args, rid)
}

// updateIncidentQueries are the updates updateSet can choose, for the statement cache.
func updateIncidentQueries() []string {
	var qs []string
	for set := range setAll + 1 {
		if set&setStart == 0 || set|setBest == setAll {
			qs = append(qs, updateIncidentQuery(set))
		}
	}
	return qs
}

// insertIncident stores a new incident row and its point in the spatial index, returning its rid. The reports
// whose event stored holds are stored as references.
func (s *sqlStore) insertIncident(ctx context.Context, tx *txn, inc event.Incident, stored storedEvents) (int64, error) {
	r, err := rowOf(inc, stored)
	if err != nil {
		return 0, err
	}
	args := []any{inc.ID, r.body, r.start, r.end, r.lat, r.lon, r.precision, r.country, r.admin1, r.eventType,
		r.subEventType, r.actors, r.best, r.updated, r.m.place, r.m.actor1, r.m.end, r.actor1Key}
	s.wroteIncident(tx, r.start, r.end)
	var rid int64
	if q, returning := s.d.insertIncident(); returning {
		err = s.queryRowTx(ctx, tx, q, args...).Scan(&rid)
	} else {
		var res sql.Result
		if res, err = s.execTx(ctx, tx, q, args...); err == nil {
			rid, err = res.LastInsertId()
		}
	}
	if err != nil {
		return 0, fmt.Errorf("save incident %s: %w", inc.ID, err)
	}
	if r.lat.Valid {
		if err := s.exec(ctx, tx, s.d.putPoint(), rid, r.lat, r.lat, r.lon, r.lon); err != nil {
			return 0, fmt.Errorf("index incident %s: %w", inc.ID, err)
		}
	}
	return rid, nil
}

// updateIncident stores inc over its row c (as a candidate query read it), and moves its point in the spatial
// index if it moved. It returns the row's rid. The reports whose event stored holds are stored as references.
func (s *sqlStore) updateIncident(ctx context.Context, tx *txn, c candidate, inc event.Incident, stored storedEvents) (int64, error) {
	r, err := rowOf(inc, stored)
	if err != nil {
		return 0, err
	}
	set := updateSet(r.rowColumns, c.row)
	if set&(setStart|setEnd) != 0 { // else the dates, and so the date class, stay as they are
		s.wroteIncident(tx, r.start, r.end)
	}
	err = s.exec(ctx, tx, updateIncidentQuery(set), updateArgs(set, r, c.rid)...)
	if err != nil {
		return 0, fmt.Errorf("save incident %s: %w", inc.ID, err)
	}
	switch {
	case r.lat == c.row.lat && r.lon == c.row.lon:
	case r.lat.Valid:
		err = s.exec(ctx, tx, s.d.putPoint(), c.rid, r.lat, r.lat, r.lon, r.lon)
	default:
		err = s.exec(ctx, tx, s.d.deletePoint(), c.rid)
	}
	if err != nil {
		return 0, fmt.Errorf("index incident %s: %w", inc.ID, err)
	}
	return c.rid, nil
}

// linkReport links one report's event to the incident.
func (s *sqlStore) linkReport(ctx context.Context, tx *txn, rid int64, incID string, r event.Report) error {
	if _, err := s.execTx(ctx, tx, linkReportQuery, rid, eventKey(r.DocumentID, r.Event.ID)); err != nil {
		return fmt.Errorf("link report %s/%s to %s: %w", r.DocumentID, r.Event.ID, incID, err)
	}
	return nil
}

// Statements maintaining the report links. Linking an event twice to its incident is a no-op. The unlink reads
// its rid through a CAST, which SQLite's planner does not look into: on a bare parameter it estimated the range
// from the bound value and the sqlite_stat4 samples, and so planned the statement again at every rid
// (TestCachedQueriesNotReplanned).
const (
	unlinkReportsQuery = `DELETE FROM incident_reports WHERE incident_rid = CAST(? AS BIGINT)`
	linkReportQuery    = `INSERT INTO incident_reports (incident_rid, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING`
)

// linkReports replaces the incident's report links with its current reports.
func (s *sqlStore) linkReports(ctx context.Context, tx *txn, rid int64, inc event.Incident) error {
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

// scanIncident reads an incident from a body column, its reports' event references as they are (see hydrate).
func scanIncident(row interface{ Scan(...any) error }) (event.Incident, error) {
	var body []byte
	if err := row.Scan(&body); err != nil {
		return event.Incident{}, err
	}
	inc, err := decodeBody(body)
	if err != nil {
		return inc, fmt.Errorf("decode incident: %w", err)
	}
	return inc, nil
}
