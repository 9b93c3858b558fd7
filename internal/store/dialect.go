package store

import (
	"strings"
)

// dialect holds every piece of SQL that differs between SQLite and PostgreSQL: placeholders, the clock,
// upserts, full-text search and the spatial index. The rest of the package writes portable SQL with ?
// placeholders and passes it through rebind.
type dialect interface {
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
	// putPoint and bboxIncidents maintain and query the spatial index (bbox: minLat, maxLat, minLon, maxLon).
	putPoint() string
	deletePoint() string
	bboxIncidents() string
}

// sqliteDialect is SQLite with FTS5 and R*Tree (both built into modernc.org/sqlite).
type sqliteDialect struct{}

func (sqliteDialect) rebind(q string) string { return q }

func (sqliteDialect) now() string { return `strftime('%Y-%m-%dT%H:%M:%fZ','now')` }

func (sqliteDialect) upsertIncident() string {
	return `INSERT INTO incidents (id, body, date_start, date_end, lat, lon, loc_precision, country, admin1,
		event_type, sub_event_type, actors, fatalities_best, updated)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(id) DO UPDATE SET body=excluded.body, date_start=excluded.date_start,
		date_end=excluded.date_end, lat=excluded.lat, lon=excluded.lon, loc_precision=excluded.loc_precision,
		country=excluded.country, admin1=excluded.admin1, event_type=excluded.event_type,
		sub_event_type=excluded.sub_event_type, actors=excluded.actors,
		fatalities_best=excluded.fatalities_best, updated=excluded.updated
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

func (sqliteDialect) bboxIncidents() string {
	return `incidents.rid IN (SELECT rid FROM incidents_rtree
		WHERE max_lat >= ? AND min_lat <= ? AND max_lon >= ? AND min_lon <= ?)`
}

// ftsQuery turns free text into a safe FTS5 query: each word quoted, all required.
func ftsQuery(q string) string {
	var parts []string
	for _, w := range strings.Fields(q) {
		parts = append(parts, `"`+strings.ReplaceAll(w, `"`, `""`)+`"`)
	}
	return strings.Join(parts, " ")
}
