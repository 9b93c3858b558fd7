package store

import (
	"strings"
)

// dialect holds every piece of SQL that differs between SQLite and PostgreSQL: placeholders, the clock,
// migrations, write locking, upserts, substring search, full-text search and the spatial index. The rest of
// the package writes portable SQL with ? placeholders and passes it through rebind. A statement the dialect
// returns as "" has nothing to do there and is skipped.
type dialect interface {
	// migrations is the glob of this dialect's migration files in the embedded migrations directory.
	migrations() string
	// lockWrites is run first in every write transaction to serialize writers.
	lockWrites() string
	// contains is a condition that column col contains a (lower-case) substring placeholder.
	contains(col string) string
	// ftsArg turns free text into the argument of the full-text conditions (every word required).
	ftsArg(q string) string
	// rebind turns ? placeholders into the dialect's own.
	rebind(q string) string
	// now is an SQL expression for the current time as a string.
	now() string
	// upsertIncident is the statement storing an incident row by id, returning its rid.
	upsertIncident() string
	// insertIncident is the statement inserting a new incident row (insertIncidentQuery's placeholders);
	// returning says whether it returns the rid, which is otherwise the statement's last insert id.
	insertIncident() (q string, returning bool)
	// ftsIncidents is a condition on incidents.rid matching a full-text query (one placeholder each for
	// event summaries and document text).
	ftsIncidents() string
	// ftsCheckIncidents is the condition of ftsIncidents written to be checked row by row (one placeholder
	// each for event summaries and document text): the matching rows it reads are each incident's own.
	ftsCheckIncidents() string
	// ftsHits counts the event summaries and the documents matching a full-text query, each at most a limit
	// (placeholders: query, limit, query, limit).
	ftsHits() string
	// ftsDocuments is a condition on documents.rowid matching a full-text query.
	ftsDocuments() string
	// indexEvent (rowid, summary) and indexDocument (rowid, title, text) add a new row to the full-text index
	// from its values; "" where the index follows the rows by itself.
	indexEvent() string
	indexDocument() string
	// putPoint (rid, minLat, maxLat, minLon, maxLon) and deletePoint (rid) maintain the spatial index.
	putPoint() string
	deletePoint() string
	// bboxIncidents is a condition on incidents matching points inside b, and its arguments.
	bboxIncidents(b BBox) (string, []any)
	// bboxCheck is the condition of bboxIncidents written to be tested row by row on the point columns.
	bboxCheck(b BBox) (string, []any)
	// bboxHits counts the incidents in a box from the spatial index, at most a limit (placeholders: minimum
	// and maximum latitude, minimum and maximum longitude, limit), or is "" when the dialect's planner chooses
	// between the spatial index and a walk by itself.
	bboxHits() string
}

// sqliteDialect is SQLite with FTS5 and R*Tree (both built into modernc.org/sqlite).
type sqliteDialect struct{}

func (sqliteDialect) rebind(q string) string { return q }

func (sqliteDialect) migrations() string { return "migrations/*.sql" }

// lockWrites is empty: SQLite transactions begin IMMEDIATE (the _txlock DSN option), taking the write lock.
func (sqliteDialect) lockWrites() string { return "" }

func (sqliteDialect) contains(col string) string { return `instr(` + col + `, ?) > 0` }

func (sqliteDialect) ftsArg(q string) string { return ftsQuery(q) }

func (sqliteDialect) now() string { return `strftime('%Y-%m-%dT%H:%M:%fZ','now')` }

func (sqliteDialect) upsertIncident() string {
	return `INSERT INTO incidents (id, body, date_start, date_end, lat, lon, loc_precision, country, admin1,
		event_type, sub_event_type, actors, fatalities_best, updated, place_name, actor1, given_end)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(id) DO UPDATE SET body=excluded.body, date_start=excluded.date_start,
		date_end=excluded.date_end, lat=excluded.lat, lon=excluded.lon, loc_precision=excluded.loc_precision,
		country=excluded.country, admin1=excluded.admin1, event_type=excluded.event_type,
		sub_event_type=excluded.sub_event_type, actors=excluded.actors,
		fatalities_best=excluded.fatalities_best, updated=excluded.updated, place_name=excluded.place_name,
		actor1=excluded.actor1, given_end=excluded.given_end
		RETURNING rid`
}

// insertIncident reads the rid as the last insert id: RETURNING would run as a trigger, for which SQLite opens
// a statement journal.
func (sqliteDialect) insertIncident() (string, bool) { return insertIncidentQuery, false }

// ftsIncidents maps each match to its incident through incident_event_rows (migration 0008), keyed by the event
// rowid the full-text index and the events_document index hold, without reading an event's row.
func (sqliteDialect) ftsIncidents() string {
	return `incidents.rid IN (
		SELECT incident_rid FROM incident_event_rows
		WHERE event_rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)
		UNION
		SELECT r.incident_rid FROM documents d JOIN events e ON e.document_id = d.id
		JOIN incident_event_rows r ON r.event_rowid = e.rowid
		WHERE d.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?))`
}

// ftsCheckIncidents reads the full-text matches as two sets of row ids, each built once per statement (an IN
// subquery that does not depend on the row), which every walked incident's events and documents probe; the
// row ids of an incident's events and their documents are read from the index incident_event_rows_incident.
func (sqliteDialect) ftsCheckIncidents() string {
	return `EXISTS (SELECT 1 FROM incident_event_rows r WHERE r.incident_rid = incidents.rid AND (
			r.event_rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)
			OR r.document_rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)))`
}

func (sqliteDialect) ftsHits() string {
	return `SELECT (SELECT count(*) FROM (SELECT 1 FROM events_fts WHERE events_fts MATCH ? LIMIT ?)),
		(SELECT count(*) FROM (SELECT 1 FROM documents_fts WHERE documents_fts MATCH ? LIMIT ?))`
}

func (sqliteDialect) ftsDocuments() string {
	return `documents.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)`
}

// indexEvent and indexDocument are single-row INSERTs of the new row's values: unlike an INSERT ... SELECT they
// open no statement journal, whose savepoint would make FTS5 flush what it holds in memory (see indexQueue).
func (sqliteDialect) indexEvent() string {
	return `INSERT INTO events_fts(rowid, summary) VALUES (?, ?)`
}

func (sqliteDialect) indexDocument() string {
	return `INSERT INTO documents_fts(rowid, title, text) VALUES (?, ?, ?)`
}

func (sqliteDialect) putPoint() string {
	return `INSERT OR REPLACE INTO incidents_rtree(rid, min_lat, max_lat, min_lon, max_lon) VALUES (?, ?, ?, ?, ?)`
}

func (sqliteDialect) deletePoint() string { return `DELETE FROM incidents_rtree WHERE rid = ?` }

// bboxIncidents collects the incidents in the box from the R*Tree, then tests their points exactly: the R*Tree
// stores 32-bit floats rounded outward, so it may hold points a hair outside the box.
func (d sqliteDialect) bboxIncidents(b BBox) (string, []any) {
	check, args := d.bboxCheck(b)
	return `incidents.rid IN (SELECT rid FROM incidents_rtree
		WHERE max_lat >= ? AND min_lat <= ? AND max_lon >= ? AND min_lon <= ?) AND ` + check,
		append([]any{b.MinLat, b.MaxLat, b.MinLon, b.MaxLon}, args...)
}

// bboxCheck tests the point columns, which the order index incidents_order_point holds (migration 0007), so
// a walk in listing order reads an incident's row only when its point is in the box.
func (sqliteDialect) bboxCheck(b BBox) (string, []any) {
	return `lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?`, []any{b.MinLat, b.MaxLat, b.MinLon, b.MaxLon}
}

func (sqliteDialect) bboxHits() string {
	return `SELECT count(*) FROM (SELECT 1 FROM incidents_rtree
		WHERE max_lat >= ? AND min_lat <= ? AND max_lon >= ? AND min_lon <= ? LIMIT ?)`
}

// ftsQuery turns free text into a safe FTS5 query: each word quoted, all required.
func ftsQuery(q string) string {
	var parts []string
	for _, w := range strings.Fields(clean(q)) {
		parts = append(parts, `"`+strings.ReplaceAll(w, `"`, `""`)+`"`)
	}
	return strings.Join(parts, " ")
}
