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
	// ftsIncidents is a condition on incidents.rid matching a full-text query (one placeholder each for
	// event summaries and document text).
	ftsIncidents() string
	// ftsDocuments is a condition on documents.rowid matching a full-text query.
	ftsDocuments() string
	// indexEvent and indexDocument add a new row to the full-text index.
	indexEvent() string
	indexDocument() string
	// putPoint (rid, minLat, maxLat, minLon, maxLon) and deletePoint (rid) maintain the spatial index.
	putPoint() string
	deletePoint() string
	// bboxIncidents is a condition on incidents matching points inside b, and its arguments.
	bboxIncidents(b BBox) (string, []any)
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

func (sqliteDialect) ftsIncidents() string {
	return `incidents.rid IN (
		SELECT ir.incident_rid FROM incident_reports ir JOIN events e ON e.id = ir.event_id
		WHERE e.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)
		UNION
		SELECT ir.incident_rid FROM incident_reports ir JOIN events e ON e.id = ir.event_id
		JOIN documents d ON d.id = e.document_id
		WHERE d.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?))`
}

func (sqliteDialect) ftsDocuments() string {
	return `documents.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)`
}

func (sqliteDialect) indexEvent() string {
	return `INSERT INTO events_fts(rowid, summary) SELECT rowid, summary FROM events WHERE id = ?`
}

func (sqliteDialect) indexDocument() string {
	return `INSERT INTO documents_fts(rowid, title, text) SELECT rowid, title, text FROM documents WHERE id = ?`
}

func (sqliteDialect) putPoint() string {
	return `INSERT OR REPLACE INTO incidents_rtree(rid, min_lat, max_lat, min_lon, max_lon) VALUES (?, ?, ?, ?, ?)`
}

func (sqliteDialect) deletePoint() string { return `DELETE FROM incidents_rtree WHERE rid = ?` }

func (sqliteDialect) bboxIncidents(b BBox) (string, []any) {
	return `incidents.rid IN (SELECT rid FROM incidents_rtree
		WHERE max_lat >= ? AND min_lat <= ? AND max_lon >= ? AND min_lon <= ?)`,
		[]any{b.MinLat, b.MaxLat, b.MinLon, b.MaxLon}
}

// ftsQuery turns free text into a safe FTS5 query: each word quoted, all required.
func ftsQuery(q string) string {
	var parts []string
	for _, w := range strings.Fields(clean(q)) {
		parts = append(parts, `"`+strings.ReplaceAll(w, `"`, `""`)+`"`)
	}
	return strings.Join(parts, " ")
}
