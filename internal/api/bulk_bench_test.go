package api

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"sitrep/internal/cputime"
	"sitrep/internal/pgtest"
	"sitrep/internal/store"
)

// bulkCountries are the ~20 countries bulk copies are spread over, with rough bounding boxes.
var bulkCountries = append(slices.Clone(benchCountries), []benchCountry{
	{"LY", 20.0, 33.0, 10.0, 25.0}, {"BF", 10.0, 15.0, -5.5, 2.0}, {"CF", 2.5, 11.0, 14.5, 27.0},
	{"SS", 3.5, 12.0, 24.0, 35.5}, {"MZ", -26.5, -10.5, 30.5, 40.5}, {"CO", -4.0, 12.0, -79.0, -67.0},
	{"PS", 31.2, 32.5, 34.2, 35.5}, {"PK", 24.0, 37.0, 61.0, 77.0},
}...)

// bulkDialect holds the SQL that differs between SQLite and PostgreSQL in the bulk copy.
type bulkDialect struct {
	name string
	// seq is a CTE "seq(i)" of the integers between the two placeholders (or "" when series is used instead).
	seq string
	// from is the FROM item yielding rows i between the two placeholders.
	from string
	// date is the ISO date expression of row i (spread over three years from 2023-01-01).
	date string
	// body rewrites the JSON text s.body: id, date and location (placeholders %[1]s id, %[2]s date, %[3]s lat,
	// %[4]s lon, %[5]s country, %[6]s admin1).
	body string
	// columns lists a table's stored, non-generated, non-identity columns.
	columns string
	bind    func(string) string
}

var bulkSQLite = bulkDialect{name: "sqlite",
	seq:  `seq(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM seq WHERE i < ?), `,
	from: `seq`,
	date: `date('2023-01-01', '+' || (i * 104729 % 1095) || ' days')`,
	body: `json_set(s.body, '$.id', %[1]s, '$.date.start', %[2]s, '$.date.end', %[2]s, '$.location.lat', %[3]s,
		'$.location.lon', %[4]s, '$.location.country', %[5]s, '$.location.admin1', %[6]s)`,
	columns: `SELECT name FROM pragma_table_xinfo(?) WHERE hidden = 0 AND name <> 'rid' ORDER BY cid`,
	bind:    func(q string) string { return q },
}

var bulkPostgres = bulkDialect{name: "postgres",
	from: `generate_series(?::bigint, ?::bigint) AS seq(i)`,
	date: `to_char(date '2023-01-01' + (i * 104729 % 1095)::int, 'YYYY-MM-DD')`,
	body: `jsonb_set(jsonb_set(jsonb_set(jsonb_set(jsonb_set(jsonb_set(jsonb_set(s.body::jsonb, '{id}', to_jsonb(%[1]s)),
		'{date,start}', to_jsonb(%[2]s)), '{date,end}', to_jsonb(%[2]s)), '{location,lat}', to_jsonb(%[3]s)),
		'{location,lon}', to_jsonb(%[4]s)), '{location,country}', to_jsonb(%[5]s)), '{location,admin1}', to_jsonb(%[6]s))::text`,
	columns: `SELECT column_name FROM information_schema.columns WHERE table_name = ? AND table_schema = current_schema()
		AND is_generated = 'NEVER' AND is_identity = 'NO' ORDER BY ordinal_position`,
	bind: func(q string) string {
		for n := 1; strings.Contains(q, "?"); n++ {
			q = strings.Replace(q, "?", fmt.Sprintf("$%d", n), 1)
		}
		return q
	},
}

// chronological returns d with copy i dated (i * 1095 / n) days after 2023-01-01, so that the rows of n copies
// lie in the table in date order, as a monitor that stores reports as they come writes them. The default date
// of copy i jumps by about 104,729 days modulo three years from one copy to the next, so that the incidents of
// any date window are spread over the whole table: the layout of a store loaded out of date order (an archive
// back-filled), the worst case for the page reads of a merge-candidate query.
func (d bulkDialect) chronological(n int) bulkDialect {
	switch d.name {
	case "sqlite":
		d.date = fmt.Sprintf(`date('2023-01-01', '+' || (i * 1095 / %d) || ' days')`, n)
	case "postgres":
		d.date = fmt.Sprintf(`to_char(date '2023-01-01' + (i * 1095 / %d)::int, 'YYYY-MM-DD')`, n)
	}
	return d
}

// bulkStore opens the store named by SITREP_BENCH_1M and a raw connection to the same database.
func bulkStore(b *testing.B) (store.Store, *sql.DB, bulkDialect) {
	ctx := context.Background()
	switch kind := os.Getenv("SITREP_BENCH_1M"); kind {
	case "sqlite":
		path := os.Getenv("SITREP_BENCH_DB")
		if path == "" {
			path = filepath.Join(b.TempDir(), "bulk.db")
		}
		st, err := store.OpenSQLite(ctx, path, store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { st.Close() })
		db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)")
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { db.Close() })
		return st, db, bulkSQLite
	case "postgres":
		dsn := os.Getenv("SITREP_BENCH_PG")
		if dsn == "" {
			dsn = pgtest.Start(b)
		}
		st, err := store.OpenPostgres(ctx, dsn, store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { st.Close() })
		db, err := sql.Open("pgx", dsn)
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { db.Close() })
		return st, db, bulkPostgres
	default:
		b.Skip("set SITREP_BENCH_1M=sqlite or postgres to run the bulk-filled query benchmark")
		return nil, nil, bulkDialect{}
	}
}

// columns lists the columns the bulk copy writes into table.
func (d bulkDialect) cols(ctx context.Context, db *sql.DB, table string) ([]string, error) {
	rows, err := db.QueryContext(ctx, d.bind(d.columns), table)
	if err != nil {
		return nil, fmt.Errorf("columns %s: %w", table, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// copySQL is the INSERT ... SELECT that adds copies i in [lo, hi] of the seed rows s of table, with the columns
// of over replaced by expressions of i, the country row c and the seed row s; every other column is copied.
func (d bulkDialect) copySQL(cols []string, table, seed string, over map[string]string) string {
	var exprs []string
	for _, c := range cols {
		if e, ok := over[c]; ok {
			exprs = append(exprs, e)
		} else {
			exprs = append(exprs, "s."+c)
		}
	}
	var vals []string
	for k, c := range bulkCountries {
		vals = append(vals, fmt.Sprintf("(%d, '%s', %g, %g, %g, %g)", k, c.code, c.minLat, c.maxLat, c.minLon, c.maxLon))
	}
	return d.bind(`WITH RECURSIVE ` + d.seq + `c(k, code, a, b2, x, y) AS (VALUES ` + strings.Join(vals, ", ") + `),
		s AS (` + seed + `)
		INSERT INTO ` + table + ` (` + strings.Join(cols, ", ") + `)
		SELECT ` + strings.Join(exprs, ", ") + ` FROM ` + d.from + `
		JOIN s ON s.k = i % ? JOIN c ON c.k = i % ` + fmt.Sprint(len(bulkCountries)))
}

// overrides are the per-copy column expressions shared by events and incidents.
func (d bulkDialect) overrides(id string) map[string]string {
	lat := `(c.a + (i * 7919 % 1000) / 1000.0 * (c.b2 - c.a))`
	lon := `(c.x + (i * 6007 % 1000) / 1000.0 * (c.y - c.x))`
	admin1 := `(c.code || ' Province')`
	return map[string]string{"id": id, "body": fmt.Sprintf(d.body, id, d.date, lat, lon, "c.code", admin1),
		"date_start": d.date, "date_end": d.date, "lat": lat, "lon": lon, "country": "c.code", "admin1": admin1}
}

// bulkFill copies the seed incidents (and one event each) until the store holds n incidents, keeping the
// report links, full-text rows and spatial index rows consistent.
func bulkFill(b *testing.B, st store.Store, db *sql.DB, d bulkDialect, n int) {
	ctx := context.Background()
	c, err := st.Counts(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if c.Incidents >= n {
		b.Logf("store already holds %d incidents, %d events", c.Incidents, c.Events)
		return
	}
	if c.Incidents == 0 {
		rng := rand.New(rand.NewPCG(1, 11))
		for i := range 40 {
			doc, evs := benchDoc(rng, i, 10)
			if _, err := st.PutResult(ctx, doc, evs); err != nil {
				b.Fatal(err)
			}
		}
	}
	var pl bulkPlan
	var bulk int
	row := db.QueryRowContext(ctx, `SELECT coalesce(max(rid), 0), count(*) FROM incidents WHERE id NOT LIKE 'bulk-%'`)
	if err := row.Scan(&pl.seedMax, &pl.seeds); err != nil {
		b.Fatal(err)
	}
	row = db.QueryRowContext(ctx, `SELECT count(*) FROM documents WHERE id NOT LIKE 'bulk-doc-%'`)
	if err := row.Scan(&pl.seedDocs); err != nil {
		b.Fatal(err)
	}
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM incidents WHERE id LIKE 'bulk-%'`).Scan(&bulk); err != nil {
		b.Fatal(err)
	}
	if err := pl.build(ctx, db, d); err != nil {
		b.Fatal(err)
	}
	start, batch := time.Now(), envInt("SITREP_BENCH_BATCH", 50000)
	for lo := bulk; pl.seeds+lo < n; lo += batch {
		hi := min(lo+batch, n-pl.seeds) - 1
		if err := pl.batch(ctx, db, d, lo, hi); err != nil {
			b.Fatal(err)
		}
		b.Logf("bulk-filled %d incidents (%.0f/s)", hi+1, float64(hi+1-bulk)/time.Since(start).Seconds())
	}
	// The store's own connections keep the empty store's statistics until the schema changes (ANALYZE does not
	// count), so on SQLite a table created and dropped makes them read the new ones before the first request.
	analyse := []string{`ANALYZE`}
	if d.name == "sqlite" {
		analyse = append(analyse, `CREATE TABLE stats_reload (x)`, `DROP TABLE stats_reload`)
	}
	for _, q := range analyse {
		if _, err := db.ExecContext(ctx, q); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("bulk fill done in %s", time.Since(start).Round(time.Second))
}

// bulkPerDoc is how many bulk events share one bulk document copy, as in the seed.
const bulkPerDoc = 10

// bulkPlan is the SQL of one bulk fill: the seed sizes and the INSERT ... SELECT of each copied table.
type bulkPlan struct {
	seedMax, seeds, seedDocs int
	docSQL, evSQL, incSQL    string
}

// build writes the copy statements for the columns the tables have now.
func (pl *bulkPlan) build(ctx context.Context, db *sql.DB, d bulkDialect) error {
	var cols [3][]string
	for k, t := range []string{"documents", "events", "incidents"} {
		c, err := d.cols(ctx, db, t)
		if err != nil {
			return err
		}
		cols[k] = c
	}
	seedDoc := `SELECT row_number() OVER (ORDER BY rowid) - 1 AS k, t.* FROM documents t WHERE id NOT LIKE 'bulk-doc-%'`
	pl.docSQL = d.copySQL(cols[0], "documents", seedDoc, map[string]string{"id": `'bulk-doc-' || i`,
		"canonical_url": `s.canonical_url || '#bulk-' || i`, "url": `s.url || '#bulk-' || i`,
		"content_hash": `s.content_hash || '-bulk-' || i`, "duplicate_of": `NULL`})
	seedEv := fmt.Sprintf(`SELECT row_number() OVER (ORDER BY r.incident_rid) - 1 AS k, e.* FROM events e
		JOIN (SELECT incident_rid, min(event_id) AS event_id FROM incident_reports WHERE incident_rid <= %d
		GROUP BY incident_rid) r ON e.id = r.event_id`, pl.seedMax)
	evOver := d.overrides(`'bulk-ev-' || i`)
	evOver["document_id"] = fmt.Sprintf(`'bulk-doc-' || (i / %d)`, bulkPerDoc)
	pl.evSQL = d.copySQL(cols[1], "events", seedEv, evOver)
	seedInc := fmt.Sprintf(`SELECT row_number() OVER (ORDER BY rid) - 1 AS k, t.* FROM incidents t WHERE rid <= %d`,
		pl.seedMax)
	incOver := d.overrides(`'bulk-' || i`)
	incOver["given_end"] = `CASE s.given_end WHEN '' THEN '' ELSE ` + d.date + ` END`
	pl.incSQL = d.copySQL(cols[2], "incidents", seedInc, incOver)
	return nil
}

// bulkStep is one statement of a batch.
type bulkStep struct {
	q    string
	args []any
}

// batch adds copies lo..hi in one transaction: their documents, events, incidents, report links, and on
// SQLite the full-text, R*Tree and actor-name rows (PostgreSQL derives its tsvector columns and GiST entries itself).
func (pl *bulkPlan) batch(ctx context.Context, db *sql.DB, d bulkDialect, lo, hi int) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var docMax, evMax, incMax int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(rowid), 0) FROM documents`).Scan(&docMax); err != nil {
		return fmt.Errorf("max document rowid: %w", err)
	}
	if d.name == "sqlite" {
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(rowid), 0) FROM events`).Scan(&evMax); err != nil {
			return fmt.Errorf("max event rowid: %w", err)
		}
	}
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(rid), 0) FROM incidents`).Scan(&incMax); err != nil {
		return fmt.Errorf("max incident rid: %w", err)
	}
	var steps []bulkStep
	// Document copy j serves event copies 10j..10j+9; one started by the previous batch exists already.
	if dlo, dhi := (lo+bulkPerDoc-1)/bulkPerDoc, hi/bulkPerDoc; dlo <= dhi {
		steps = append(steps, bulkStep{pl.docSQL, []any{dlo, dhi, pl.seedDocs}})
	}
	steps = append(steps, bulkStep{pl.evSQL, []any{lo, hi, pl.seeds}}, bulkStep{pl.incSQL, []any{lo, hi, pl.seeds}},
		bulkStep{d.bind(`INSERT INTO incident_reports (incident_rid, event_id) SELECT rid, 'bulk-ev-' || substr(id, 6)
			FROM incidents WHERE rid > ?`), []any{incMax}})
	if d.name == "sqlite" {
		steps = append(steps,
			bulkStep{`INSERT INTO documents_fts (rowid, title, text) SELECT rowid, title, text FROM documents
				WHERE rowid > ?`, []any{docMax}},
			bulkStep{`INSERT INTO events_fts (rowid, summary) SELECT rowid, summary FROM events WHERE rowid > ?`,
				[]any{evMax}},
			bulkStep{`INSERT INTO incidents_rtree (rid, min_lat, max_lat, min_lon, max_lon) SELECT rid, lat, lat, lon,
				lon FROM incidents WHERE rid > ? AND lat IS NOT NULL`, []any{incMax}},
			// The copies' actor names are their seeds', which the write path stored in actor_names (store's
			// actor_index.go): each copy is linked to the names of its actors column.
			bulkStep{`INSERT OR IGNORE INTO incident_actor_names (name_id, rid)
				WITH RECURSIVE p(rid, name, rest) AS (SELECT rid, NULL, actors || '|' FROM incidents WHERE rid > ?
					UNION ALL SELECT rid, substr(rest, 1, instr(rest, '|') - 1), substr(rest, instr(rest, '|') + 1)
					FROM p WHERE rest <> '')
				SELECT n.id, p.rid FROM p JOIN actor_names n ON n.name = p.name`, []any{incMax}})
	}
	for _, s := range steps {
		if _, err := tx.ExecContext(ctx, s.q, s.args...); err != nil {
			return fmt.Errorf("bulk copy %d-%d: %w", lo, hi, err)
		}
	}
	return tx.Commit()
}

// bulkFilters are the requests timed at scale: filtered incident pages, and the map and timeline by country.
var bulkFilters = []struct{ name, path string }{
	{"inc-country", "/api/incidents?country=SY"},
	{"inc-country-month", "/api/incidents?country=UA&from=2025-03-01&to=2025-03-31"},
	{"inc-week", "/api/incidents?from=2025-06-01&to=2025-06-07"},
	{"inc-bbox", "/api/incidents?bbox=36,33,38,35"},
	{"inc-type-dead", "/api/incidents?event_type=Battles&min_fatalities=10"},
	{"inc-q-country", "/api/incidents?q=checkpoint&country=SD"},
	{"inc-q", "/api/incidents?q=checkpoint"},
	{"inc-q-mid-country", "/api/incidents?q=chemical+weapon&country=SD"},
	// Every "chemical weapon" is an explosion: none under Battles, whose rows no index of the text tables holds.
	{"inc-q-mid-type", "/api/incidents?q=chemical+weapon&event_type=Battles"},
	// 4289 is the number of one seed event's place: its 2,500 copies all fall in one country (CD).
	{"inc-q-rare-country", "/api/incidents?q=4289&country=CD"},
	{"inc-actor-country", "/api/incidents?actor=group+17&country=ML"},
	// Filters the order indexes do not serve, where few incidents or none pass (see store's read_residual.go).
	{"inc-admin1-none", "/api/incidents?country=SY&admin1=Aleppo"},
	{"inc-admin1-only", "/api/incidents?admin1=Aleppo"},
	{"inc-from", "/api/incidents?from=2025-12-01"},
	{"inc-to", "/api/incidents?to=2023-01-15"},
	{"inc-dead-common", "/api/incidents?min_fatalities=1"},
	{"inc-dead-few", "/api/incidents?min_fatalities=20"},
	{"inc-dead-none", "/api/incidents?min_fatalities=50"},
	{"inc-dead-country", "/api/incidents?min_fatalities=30&country=SY"},
	{"inc-actor", "/api/incidents?actor=group+17"},
	{"inc-actor-none", "/api/incidents?actor=nobody+at+all"},
	{"inc-sub-country-days", "/api/incidents?sub_event_type=Sexual+violence&country=SY&from=2025-01-01&to=2025-01-02"},
	{"inc-bbox-empty", "/api/incidents?bbox=0,0,1,1"},
	{"inc-bbox-from", "/api/incidents?bbox=36,33,38,35&from=2025-12-20"},
	{"inc-limit-200", "/api/incidents?country=SY&limit=200"},
	{"map-country", "/api/map?country=SY"},
	{"map-country-month", "/api/map?country=UA&from=2025-03-01&to=2025-03-31"},
	{"timeline-country", "/api/timeline?country=SY"},
	// Event-type filters: on SQLite the merged ranges of the type's sub-types (see store's read_type.go).
	{"inc-type", "/api/incidents?event_type=Riots"},
	{"inc-type-many", "/api/incidents?event_type=Strategic+developments"},
	{"inc-type-from", "/api/incidents?event_type=Battles&from=2025-12-01"},
	{"inc-type-bbox", "/api/incidents?event_type=Protests&bbox=36,33,38,35"},
	{"inc-type-country", "/api/incidents?event_type=Protests&country=SY"},
	{"inc-type-q", "/api/incidents?event_type=Protests&q=checkpoint"},
	// Words under a type without a country: the walk reads incidents_order_point and keeps the type's rows from
	// a set (store's read_type.go). Riots (9% of the store) has no summary with "checkpoint": its matches are
	// documents'; "convoy" matches one in eight of its incidents.
	{"inc-type-q-riots", "/api/incidents?event_type=Riots&q=checkpoint"},
	{"inc-type-q-battles", "/api/incidents?event_type=Battles&q=checkpoint"},
	{"inc-type-q-few", "/api/incidents?event_type=Riots&q=convoy"},
	{"map-type", "/api/map?event_type=Strategic+developments"},
	{"timeline-type-month", "/api/timeline?event_type=Battles&from=2025-03-01&to=2025-03-31"},
	{"timeline-type", "/api/timeline?event_type=Riots"},
}

// BenchmarkQueries1M times filtered API requests on a store bulk-filled to SITREP_BENCH_EVENTS incidents
// (default 1,000,000) by SQL copies of a few hundred incidents stored through PutResult:
// SITREP_BENCH_1M=sqlite SITREP_BENCH_DB=/tmp/bb1m.db go test -run '^$' -bench Queries1M -benchtime 1x
// -timeout 60m ./internal/api (or SITREP_BENCH_1M=postgres with SITREP_BENCH_PG or a pgtest server).
// SITREP_BENCH_REQS sets the requests per filter (default 20); p50/p95 are reported per filter.
// SITREP_BENCH_ONLY, when set, times only the filters whose name contains it. Besides latency, each filter
// reports this process's CPU time per request and, on PostgreSQL, the server's (serverCPU).
func BenchmarkQueries1M(b *testing.B) {
	st, db, d := bulkStore(b)
	n := envInt("SITREP_BENCH_EVENTS", 1000000)
	if os.Getenv("SITREP_BENCH_LAYOUT") == "chrono" {
		d = d.chronological(n)
	}
	bulkFill(b, st, db, d, n)
	h := New(st, nil, nil, Options{}).Handler()
	bulkVerify(b, h, db, d)
	reqs := envInt("SITREP_BENCH_REQS", 20)
	for b.Loop() {
		for _, f := range bulkFilters {
			if !strings.Contains(f.name, os.Getenv("SITREP_BENCH_ONLY")) {
				continue
			}
			lat := make([]time.Duration, reqs)
			cpu0, srv0 := cputime.Self(), serverCPU(db, d)
			for i := range lat {
				rec := httptest.NewRecorder()
				t0 := time.Now()
				h.ServeHTTP(rec, httptest.NewRequest("GET", f.path, nil))
				lat[i] = time.Since(t0)
				if rec.Code != http.StatusOK {
					b.Fatalf("%s: %d %s", f.path, rec.Code, rec.Body)
				}
			}
			cpu := (cputime.Self() - cpu0) / time.Duration(reqs)
			srv := (serverCPU(db, d) - srv0) / time.Duration(reqs)
			slices.Sort(lat)
			b.ReportMetric(ms(lat[len(lat)/2]), f.name+"-p50-ms")
			b.ReportMetric(ms(lat[len(lat)*95/100]), f.name+"-p95-ms")
			b.ReportMetric(ms(cpu), f.name+"-cpu-ms")
			if d.name == "postgres" {
				b.ReportMetric(ms(srv), f.name+"-server-cpu-ms")
			}
			b.Logf("%-18s p50 %8.1f ms  p95 %8.1f ms  cpu %7.1f ms  server cpu %7.1f ms  %s", f.name,
				ms(lat[len(lat)/2]), ms(lat[len(lat)*95/100]), ms(cpu), ms(srv), f.path)
		}
	}
}

// serverCPU is, for a PostgreSQL server on this machine, the processor time (user and system) its backends
// serving the benchmark's database have used, read from /proc at the kernel's clock-tick resolution; the time
// of parallel workers, which exit when their query ends, is not counted. It is 0 for SQLite.
func serverCPU(db *sql.DB, d bulkDialect) time.Duration {
	if d.name != "postgres" {
		return 0
	}
	rows, err := db.Query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`)
	if err != nil {
		return 0
	}
	defer rows.Close()
	var total time.Duration
	for rows.Next() {
		var pid int
		if rows.Scan(&pid) != nil {
			continue
		}
		stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		if err != nil {
			continue
		}
		// Fields 14 and 15 (utime, stime) follow the parenthesised command name.
		f := strings.Fields(string(stat[strings.LastIndexByte(string(stat), ')')+1:]))
		if len(f) < 13 {
			continue
		}
		var ut, st int64
		fmt.Sscan(f[11], &ut)
		fmt.Sscan(f[12], &st)
		total += time.Duration(ut+st) * time.Second / 100 // USER_HZ is 100 on Linux
	}
	return total
}

// bulkVerify checks that the timeline's incident count for one country equals a direct SQL count.
func bulkVerify(b *testing.B, h http.Handler, db *sql.DB, d bulkDialect) {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/timeline?country=SY", nil))
	var tl struct {
		Days []day `json:"days"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &tl); err != nil {
		b.Fatalf("timeline: %v: %s", err, rec.Body)
	}
	api := 0
	for _, x := range tl.Days {
		api += x.Incidents
	}
	var want int
	if err := db.QueryRow(`SELECT count(*) FROM incidents WHERE country = 'SY' AND date_start <> ''`).Scan(&want); err != nil {
		b.Fatal(err)
	}
	if api != want {
		b.Fatalf("timeline counts %d SY incidents, SQL counts %d", api, want)
	}
	b.Logf("%s: timeline and SQL agree: %d SY incidents", d.name, want)
}
