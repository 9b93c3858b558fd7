package store

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// postgresDialect is PostgreSQL 15 with tsvector columns under GIN indexes and a GiST index on incident points
// (or a PostGIS geometry index when migration 0003 found PostGIS).
type postgresDialect struct {
	postgis bool
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

func (postgresDialect) ftsIncidents() string {
	return `incidents.rid IN (
		SELECT ir.incident_rid FROM incident_reports ir JOIN events e ON e.id = ir.event_id
		WHERE e.tsv @@ plainto_tsquery('simple', ?)
		UNION
		SELECT ir.incident_rid FROM incident_reports ir JOIN events e ON e.id = ir.event_id
		JOIN documents d ON d.id = e.document_id
		WHERE d.tsv @@ plainto_tsquery('simple', ?))`
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
