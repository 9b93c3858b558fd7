package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// postgresDialect is PostgreSQL 15 with tsvector columns under GIN indexes and a GiST index on incident points
// (or a PostGIS geometry index when migration 0003 found PostGIS).
type postgresDialect struct {
	postgis bool
	// actorTrgm is whether migration 0009 built incidents_actors_trgm (pg_trgm was there to use).
	actorTrgm bool
}

// writeLockKey is the advisory lock that serializes store writers across every process sharing a database.
const writeLockKey = 0x5173726570 // "Qsrep"

// rebind numbers the ? placeholders $1, $2, ... (the package's SQL has no ? inside literals).
func (postgresDialect) rebind(q string) string {
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func (postgresDialect) now() string {
	return `to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
}

func (postgresDialect) migrations() string { return "migrations/postgres/*.sql" }

// lockWrites takes the transaction-scoped advisory lock: writers in every worker process queue here, so two
// reports of one incident never both miss each other's incident or overwrite each other's merge.
func (postgresDialect) lockWrites() string {
	return `SELECT pg_advisory_xact_lock(` + strconv.Itoa(writeLockKey) + `)`
}

func (postgresDialect) contains(col string) string { return `strpos(` + col + `, ?) > 0` }

// actorMatches reads incidents_actors_trgm (migration 0009), a pg_trgm index of the actors column, with LIKE
// (its wildcards and escape character escaped), which it serves for a pattern of three characters or more,
// where the migration could build it.
func (d postgresDialect) actorMatches(a string) (residualIndex, bool) {
	if !d.actorTrgm || len(a) < 3 {
		return residualIndex{}, false
	}
	esc := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(a)
	union := `SELECT rid FROM incidents WHERE actors LIKE ?`
	return residualIndex{cond: `rid IN (` + union + `)`, args: []any{"%" + esc + "%"}, union: union}, true
}

// ftsArg keeps the words of q, ASCII punctuation read as spaces like the indexed text; plainto_tsquery
// requires them all.
func (postgresDialect) ftsArg(q string) string {
	q = strings.Map(func(r rune) rune {
		if r == 0 || r == utf8.RuneError {
			return ' '
		}
		if r < unicode.MaxASCII && (unicode.IsPunct(r) || unicode.IsSymbol(r)) {
			return ' '
		}
		return r
	}, q)
	return strings.Join(strings.Fields(q), " ")
}

func (postgresDialect) upsertIncident() string { return sqliteDialect{}.upsertIncident() }

// insertIncident returns the rid: the pgx driver has no last insert id.
func (postgresDialect) insertIncident() (string, bool) {
	return insertIncidentQuery + ` RETURNING rid`, true
}

// ftsIncidents reads the incidents matching the words from incident_event_words (migration 0007), with the
// filter columns it holds beside each incident's row id: the planner carries an equality filter on incidents'
// country, event type or sub-event type over to these columns, so only the matches under the filter are read
// (a bitmap AND of the GIN index and the filter's index), not every match in the store, each tested on its
// incident's row. tf and scan are not needed.
func (postgresDialect) ftsIncidents(arg string, _ textFilter, _ bool) (string, []any) {
	return `(incidents.rid, incidents.country, incidents.event_type, incidents.sub_event_type) IN (
		SELECT incident_rid, country, event_type, sub_event_type FROM incident_event_words
		WHERE tsv @@ plainto_tsquery('simple', ?)
		UNION
		SELECT w.incident_rid, w.country, w.event_type, w.sub_event_type FROM documents d
		JOIN incident_event_words w ON w.document_rowid = d.rowid
		WHERE d.tsv @@ plainto_tsquery('simple', ?))`, []any{arg, arg}
}

// ftsCheckIncidents is a scalar subquery, which PostgreSQL runs per row instead of turning it into a join over
// every match: each walked incident's rows of incident_event_words, and their documents, are tested in place.
func (postgresDialect) ftsCheckIncidents() string {
	return `coalesce((SELECT true FROM incident_event_words w
		WHERE w.incident_rid = incidents.rid AND (w.tsv @@ plainto_tsquery('simple', ?)
			OR EXISTS (SELECT 1 FROM documents d WHERE d.rowid = w.document_rowid
				AND d.tsv @@ plainto_tsquery('simple', ?)))
		LIMIT 1), false)`
}

// ftsHits counts the matching summaries in incident_event_words, whose rows are narrower than the events'.
func (postgresDialect) ftsHits() string {
	return `SELECT (SELECT count(*) FROM (SELECT 1 FROM incident_event_words
			WHERE tsv @@ plainto_tsquery('simple', ?) LIMIT ?) e),
		(SELECT count(*) FROM (SELECT 1 FROM documents WHERE tsv @@ plainto_tsquery('simple', ?) LIMIT ?) d)`
}

// ftsCheckWithin and ftsReach have nothing to do: PostgreSQL checks a walked row's words in place (see
// ftsCheckIncidents), cheaply, so its walks read no chunk first.
func (postgresDialect) ftsCheckWithin(string) (string, string) { return "", "" }

func (postgresDialect) ftsReach(context.Context, *sql.DB, string, int64, int64) (float64, float64, error) {
	return 0, 0, nil
}

// filteredHits counts the summaries under tf's filters in incident_event_words, which holds the filter
// columns: PostgreSQL reads only the matches under them (a bitmap AND of the GIN index and the filter's index),
// so collecting costs nothing more. The share of the store under the filters is taken as the whole, which errs
// toward collecting, whose cost the count bounds.
func (d postgresDialect) filteredHits(ctx context.Context, db *sql.DB, arg string, tf textFilter, evCap,
	docCap int64) (textHits, error) {
	conds, cargs := tf.conds("")
	var ev, docs int64
	if err := db.QueryRowContext(ctx, d.rebind(`SELECT (SELECT count(*) FROM (SELECT 1 FROM incident_event_words
			WHERE tsv @@ plainto_tsquery('simple', ?)`+conds+` LIMIT ?) e),
		(SELECT count(*) FROM (SELECT 1 FROM documents WHERE tsv @@ plainto_tsquery('simple', ?) LIMIT ?) d)`),
		append(append([]any{arg}, cargs...), evCap, arg, docCap)...).Scan(&ev, &docs); err != nil {
		return textHits{}, fmt.Errorf("full-text plan: %w", err)
	}
	return textHits{events: float64(ev), under: float64(ev), docs: docs, share: 1}, nil
}

func (postgresDialect) ftsDocuments() string {
	return `documents.tsv @@ plainto_tsquery('simple', ?)`
}

// indexEvent, indexDocument, putPoint and deletePoint are empty: generated columns and expression indexes
// follow the rows by themselves.
func (postgresDialect) indexEvent() string    { return "" }
func (postgresDialect) indexDocument() string { return "" }
func (postgresDialect) putPoint() string      { return "" }
func (postgresDialect) deletePoint() string   { return "" }

func (d postgresDialect) bboxIncidents(b BBox) (string, []any) {
	args := []any{b.MinLon, b.MinLat, b.MaxLon, b.MaxLat}
	if d.postgis {
		return `lat IS NOT NULL AND ST_SetSRID(ST_MakePoint(lon, lat), 4326) && ST_MakeEnvelope(?, ?, ?, ?, 4326)`, args
	}
	return `lat IS NOT NULL AND point(lon, lat) <@ box(point(?, ?), point(?, ?))`, args
}

// bboxCheck is bboxIncidents: PostgreSQL's planner weighs the GiST index against a walk in order by itself.
func (d postgresDialect) bboxCheck(b BBox) (string, []any) { return d.bboxIncidents(b) }

func (postgresDialect) bboxHits() string { return "" }

// indexedBy is "": PostgreSQL has no index hints, and its statistics follow the tables (autovacuum's analyse).
func (postgresDialect) indexedBy(string) string { return "" }

// endClassPartial is "": incidents_end_class (migration 0009) holds every date class.
func (postgresDialect) endClassPartial() string { return "" }

// typeArms is false: incidents_type_order (migration 0004) serves the event-type filter.
func (postgresDialect) typeArms() bool { return false }

// rowWritesWait is true: the advisory lock serializes sitrep's writers, but a row lock or a server stall can
// still hold a statement.
func (postgresDialect) rowWritesWait() bool { return true }
