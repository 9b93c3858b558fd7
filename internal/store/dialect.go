package store

import (
	"context"
	"database/sql"
	"fmt"
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
	// actorMatches selects, through an index, the incidents whose actors column may contain the (lower-case)
	// substring a: a superset of contains("actors"), or ok false where the index cannot serve a.
	actorMatches(a string) (r residualIndex, ok bool)
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
	// ftsIncidents is a condition on incidents.rid matching the full-text query arg (in ftsArg's form), and
	// its arguments: the incidents of the matching event summaries and documents that are under tf's filters.
	// scan asks SQLite to read the rows of tf's country from its index and test each against the set of
	// matches, instead of looking up each match's row (see sqliteDialect.ftsIncidents).
	ftsIncidents(arg string, tf textFilter, scan bool) (string, []any)
	// ftsCheckIncidents is the condition of ftsIncidents written to be checked row by row (one placeholder
	// each for event summaries and document text): the matching rows it reads are each incident's own.
	ftsCheckIncidents() string
	// ftsCheckWithin is ftsCheckIncidents for a walk that reads only the incidents whose rids rows (a SELECT)
	// selects: the matches it checks against are only those among these incidents' events and documents
	// (placeholders: query, least and greatest event rowid, rows' own, query, least and greatest document
	// rowid, rows' own); and bounds selects those least and greatest rowids among the rows' events and
	// documents, in that order (placeholders: rows' own). Both are "" where the dialect has no such form.
	ftsCheckWithin(rows string) (cond, bounds string)
	// ftsHits counts the event summaries and the documents matching a full-text query, each at most a limit
	// (placeholders: query, limit, query, limit).
	ftsHits() string
	// ftsReach says how far into the rowids of the event summaries and of the documents (a fraction of the
	// largest) the first evLimit and docLimit matches of the full-text query arg reach, to extrapolate counts
	// that stopped at those limits (1 for a limit of 0), or 0 and 0 where the dialect does not estimate.
	ftsReach(ctx context.Context, db *sql.DB, arg string, evLimit, docLimit int64) (ev, doc float64, err error)
	// filteredHits counts, for a plan, the event summaries matching the full-text query arg under tf's
	// filters (at most about evCap) and the matching documents in the whole store (at most docCap), and what
	// collecting under the filters costs beyond one unit per match (see textHits).
	filteredHits(ctx context.Context, db *sql.DB, arg string, tf textFilter, evCap, docCap int64) (textHits, error)
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
	// indexedBy is the clause that makes a query read its table through the named index, or "" where the
	// dialect has none (see candidateQuery).
	indexedBy(index string) string
	// endClassPartial is "date_class > 0 AND " where incidents_end_class holds only the incidents of date
	// classes 1 to 3 (SQLite, migration 0019), so that the From filter reads class 0 as a range of starts in the
	// order index, and a query through it names the index's condition; "" where it holds every class.
	endClassPartial() string
	// typeArms reports whether a listing under an event-type filter reads the ranges of its sub-types, merged
	// (SQLite, migration 0022; see read_type.go), where no index of the event types is kept.
	typeArms() bool
	// rowWritesWait reports whether an insert or update of a row in a write transaction may wait for another
	// transaction, so that its context must be able to interrupt it (see uncancelledQueries).
	rowWritesWait() bool
}

// sqliteDialect is SQLite with FTS5 and R*Tree (both built into modernc.org/sqlite).
type sqliteDialect struct{}

func (sqliteDialect) rebind(q string) string { return q }

func (sqliteDialect) indexedBy(index string) string { return ` INDEXED BY ` + index }

func (sqliteDialect) endClassPartial() string { return `date_class > 0 AND ` }

func (sqliteDialect) typeArms() bool { return true }

// rowWritesWait is false: a write transaction holds the database's write lock from its BEGIN IMMEDIATE on.
func (sqliteDialect) rowWritesWait() bool { return false }

func (sqliteDialect) migrations() string { return "migrations/*.sql" }

// lockWrites is empty: SQLite transactions begin IMMEDIATE (the _txlock DSN option), taking the write lock.
func (sqliteDialect) lockWrites() string { return "" }

func (sqliteDialect) contains(col string) string { return `instr(` + col + `, ?) > 0` }

// actorMatches reads the index of actor names, migration 0016 (see actor_index.go).
func (sqliteDialect) actorMatches(a string) (residualIndex, bool) { return actorIndexMatches(a) }

func (sqliteDialect) ftsArg(q string) string { return ftsQuery(q) }

func (sqliteDialect) now() string { return `strftime('%Y-%m-%dT%H:%M:%fZ','now')` }

func (sqliteDialect) upsertIncident() string {
	return `INSERT INTO incidents (id, body, date_start, date_end, lat, lon, loc_precision, country, admin1,
		event_type, sub_event_type, actors, fatalities_best, updated, place_name, actor1, given_end, actor1_key)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(id) DO UPDATE SET body=excluded.body, date_start=excluded.date_start,
		date_end=excluded.date_end, lat=excluded.lat, lon=excluded.lon, loc_precision=excluded.loc_precision,
		country=excluded.country, admin1=excluded.admin1, event_type=excluded.event_type,
		sub_event_type=excluded.sub_event_type, actors=excluded.actors,
		fatalities_best=excluded.fatalities_best, updated=excluded.updated, place_name=excluded.place_name,
		actor1=excluded.actor1, given_end=excluded.given_end, actor1_key=excluded.actor1_key
		RETURNING rid`
}

// insertIncident reads the rid as the last insert id: RETURNING would run as a trigger, for which SQLite opens
// a statement journal.
func (sqliteDialect) insertIncident() (string, bool) { return insertIncidentQuery, false }

// ftsIncidents maps each match to its incident through incident_event_rows (migrations 0008 and 0009), keyed by
// the event rowid the full-text index and the events_document index hold, without reading an event's row; and
// keeps only the matches under tf's filters by their columns there, so that a word common in the store but rare
// under the filters reads no incident row, nor every incident of the filters, to test them.
//
// Each summary match is looked up in incident_event_rows (through the index of the filter's column, which holds
// the rowid, under a country or event-type filter: see scanColumn), unless scan: then the set of matches is built
// once and the rows of the country (or type) are read from that index and looked up in it, which costs less when
// the country holds fewer rows than several times the matches (see filteredHits). The unary plus keeps the
// planner from the other way.
func (sqliteDialect) ftsIncidents(arg string, tf textFilter, scan bool) (string, []any) {
	col, index, v, indexed := tf.scanColumn()
	var events string
	var args []any
	switch {
	case len(tf) == 0:
		events, args = `SELECT incident_rid FROM incident_event_rows
		WHERE event_rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)`, []any{arg}
	case scan && indexed:
		conds, cargs := tf.without(col).conds("")
		events = `SELECT incident_rid FROM incident_event_rows
		WHERE ` + col + ` = ? AND +event_rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)` + conds
		args = append([]any{v, arg}, cargs...)
	case indexed:
		conds, cargs := tf.without(col).conds("")
		events = `SELECT incident_rid FROM incident_event_rows INDEXED BY ` + index + `
		WHERE event_rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?) AND ` + col + ` = ?` + conds
		args = append([]any{arg, v}, cargs...)
	default:
		conds, cargs := tf.conds("+")
		events = `SELECT incident_rid FROM incident_event_rows
		WHERE event_rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)` + conds
		args = append([]any{arg}, cargs...)
	}
	dconds, dargs := tf.conds("+r.")
	return `incidents.rid IN (` + events + `
		UNION
		SELECT r.incident_rid FROM documents d JOIN events e ON e.document_id = d.id
		JOIN incident_event_rows r ON r.event_rowid = e.rowid
		WHERE d.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)` + dconds + `)`,
		append(append(args, arg), dargs...)
}

// filterSample is about how many rows SQLite's filteredHits looks up in incident_event_rows for each of its two
// samples.
const filterSample = 256

// Costs of collecting under a filter on SQLite beyond the unit per match (an incident's row read and sorted,
// about 2 µs with modernc.org/sqlite at a million events), in those units: looking up a match in
// incident_event_rows (seekCost, about 0.7 µs), or reading an entry of the country's range of the index
// incident_event_rows_country and testing it against the set of matches (scanCost, about 0.1 µs).
const (
	seekCost = 1.0 / 3
	scanCost = 1.0 / 20
)

// filteredHits estimates, rather than counts, the matches under tf's filters: counting them would cost as much
// as collecting them, a lookup per match. It reads the first evCap summary matches from the full-text index
// (in rowid order) and looks up every stride-th of them (by rowid; a prime stride giving about filterSample)
// in incident_event_rows under the filters: that share of the matches is under the filters, the matches past
// evCap reckoned from how far into the events' rowids the first evCap reach. The share of the store under the
// filters is sampled the same way, every stride-th event rowid, which gives the rows a walk reads and what
// collecting costs: a lookup per match, or under a country (or an event type) its entries of that column's index
// when that costs less (scan). The summaries' estimate is also allEvents, for sizing a walk's chunk (see
// sqlStore.extrapolated).
func (sqliteDialect) filteredHits(ctx context.Context, db *sql.DB, arg string, tf textFilter, evCap,
	docCap int64) (textHits, error) {
	stride := nextPrime(max(1, evCap/filterSample))
	conds, cargs := tf.conds("r.")
	args := append(append([]any{stride, stride}, cargs...), arg, docCap, arg, evCap)
	var n, last, sampled, under, maxRow, docs int64
	err := db.QueryRowContext(ctx, `SELECT count(*), coalesce(max(rowid), 0), coalesce(sum(rowid % ? = 0), 0),
		coalesce(sum(CASE WHEN rowid % ? = 0 THEN EXISTS (SELECT 1 FROM incident_event_rows r
			WHERE r.event_rowid = m.rowid`+conds+`) END), 0),
		(SELECT coalesce(max(rowid), 0) FROM events),
		(SELECT count(*) FROM (SELECT 1 FROM documents_fts WHERE documents_fts MATCH ? LIMIT ?))
		FROM (SELECT rowid FROM events_fts WHERE events_fts MATCH ? LIMIT ?) m`, args...).Scan(&n, &last,
		&sampled, &under, &maxRow, &docs)
	if err != nil {
		return textHits{}, fmt.Errorf("full-text plan: %w", err)
	}
	h := textHits{events: float64(n), docs: docs}
	if n >= evCap && last > 0 {
		h.events = float64(n) * max(1, float64(maxRow)/float64(last))
	}
	h.under, h.allEvents = h.events, h.events
	if sampled > 0 {
		h.under = h.events * float64(under) / float64(sampled)
	}

	rowStride := nextPrime(max(1, maxRow/filterSample))
	var linked, filtered int64
	if err := db.QueryRowContext(ctx, `WITH RECURSIVE k(x) AS (SELECT ? UNION ALL SELECT x + ? FROM k
			WHERE x + ? <= ?)
		SELECT count(*), coalesce(sum(1`+conds+`), 0) FROM k JOIN incident_event_rows r ON r.event_rowid = k.x`,
		append([]any{(rowStride + 1) / 2, rowStride, rowStride, maxRow}, cargs...)...).Scan(&linked,
		&filtered); err != nil {
		return textHits{}, fmt.Errorf("full-text plan: %w", err)
	}
	// A filter the sample misses holds fewer rows than one in linked, not none: half a sample keeps a plan's
	// walk bounded (a walk expected to read no row would have no budget).
	share := 1.0
	if linked > 0 {
		share = max(float64(filtered), 0.5) / float64(linked)
	}
	h.share = share
	h.extra = seekCost * h.events
	if _, _, _, ok := tf.scanColumn(); ok && scanCost*share*float64(maxRow) < h.extra {
		h.extra, h.scan = scanCost*share*float64(maxRow), true
	}
	return h, nil
}

// scanColumn is the filter of t whose index on incident_event_rows a text query under t reads: the country
// (incident_event_rows_country, migration 0009), else the event type (incident_event_rows_type, 0011); the
// column, the index, the value, and whether t has either.
func (t textFilter) scanColumn() (col, index, v string, ok bool) {
	for _, c := range []struct{ col, index string }{{"country", "incident_event_rows_country"},
		{"event_type", "incident_event_rows_type"}} {
		if v, ok := t.value(c.col); ok {
			return c.col, c.index, v, true
		}
	}
	return "", "", "", false
}

// nextPrime is the least prime at or above n.
func nextPrime(n int64) int64 {
	for ; ; n++ {
		prime := n >= 2
		for d := int64(2); d*d <= n && prime; d++ {
			prime = n%d != 0
		}
		if prime {
			return n
		}
	}
}

// ftsCheckIncidents reads the full-text matches as two sets of row ids, each built once per statement (an IN
// subquery that does not depend on the row), which every walked incident's events and documents probe; the
// row ids of an incident's events and their documents are read from the index incident_event_rows_incident.
func (sqliteDialect) ftsCheckIncidents() string {
	return `EXISTS (SELECT 1 FROM incident_event_rows r WHERE r.incident_rid = incidents.rid AND (
			r.event_rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)
			OR r.document_rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)))`
}

// ftsCheckWithin builds its two sets from the matches among the events and documents of the rows' incidents
// only: each full-text index streams its matches between the least and the greatest of those rowids (a range
// FTS5 seeks to) through a set of them (the unary plus keeps FTS5 from looking each one up), instead of
// inserting every match into a set, which at a word in a quarter of the store cost most of a listing (75,000
// summaries and 17,500 documents, about 20 ms). Rows written in date order, as a monitor writes them, hold
// the newest incidents' events and documents in a narrow range of rowids.
func (sqliteDialect) ftsCheckWithin(rows string) (string, string) {
	return `EXISTS (SELECT 1 FROM incident_event_rows r WHERE r.incident_rid = incidents.rid AND (
			r.event_rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ? AND rowid BETWEEN ? AND ?
				AND +rowid IN (SELECT event_rowid FROM incident_event_rows WHERE incident_rid IN (` + rows + `)))
			OR r.document_rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?
				AND rowid BETWEEN ? AND ? AND +rowid IN (
				SELECT document_rowid FROM incident_event_rows WHERE incident_rid IN (` + rows + `)))))`,
		`SELECT coalesce(min(event_rowid), 1), coalesce(max(event_rowid), 0), coalesce(min(document_rowid), 1),
			coalesce(max(document_rowid), 0) FROM incident_event_rows WHERE incident_rid IN (` + rows + `)`
}

func (sqliteDialect) ftsHits() string {
	return `SELECT (SELECT count(*) FROM (SELECT 1 FROM events_fts WHERE events_fts MATCH ? LIMIT ?)),
		(SELECT count(*) FROM (SELECT 1 FROM documents_fts WHERE documents_fts MATCH ? LIMIT ?))`
}

// ftsReach reads the matches in rowid order (FTS5's), so the largest rowid among the first ones says how far
// they reach. It is a query of its own, run only for counts that reached their limit: reading the largest
// rowid along with every count cost a fifth to a half of a millisecond more per plan.
func (sqliteDialect) ftsReach(ctx context.Context, db *sql.DB, arg string, evLimit, docLimit int64) (float64,
	float64, error) {
	var ev, doc float64
	err := db.QueryRowContext(ctx, `SELECT
		coalesce((SELECT max(rowid) FROM (SELECT rowid FROM events_fts WHERE events_fts MATCH ? LIMIT ?))
			* 1.0 / (SELECT max(rowid) FROM events), 1),
		coalesce((SELECT max(rowid) FROM (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? LIMIT ?))
			* 1.0 / (SELECT max(rowid) FROM documents), 1)`, arg, evLimit, arg, docLimit).Scan(&ev, &doc)
	if err != nil {
		return 0, 0, fmt.Errorf("full-text plan: %w", err)
	}
	return ev, doc, nil
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
