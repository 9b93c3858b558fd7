package store

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"sitrep/internal/event"
)

// TestUpgradeUnusedIndexes checks migration 0012 on a store written before it: the upgraded store has the
// schema and the rows of a new store given the same writes, without the two dropped indexes, and both pass
// SQLite's integrity check.
func TestUpgradeUnusedIndexes(t *testing.T) {
	ctx := context.Background()
	const upTo = "migrations/0012"
	old, err := sql.Open("sqlite", "file:"+filepath.Join(t.TempDir(), "old.db")+"?_pragma=journal_mode(WAL)&_pragma=foreign_keys(ON)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { old.Close() })
	d := sqliteDialect{}
	if _, err := old.ExecContext(ctx, `CREATE TABLE schema_migrations (version TEXT PRIMARY KEY, applied TEXT NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	names, _ := fs.Glob(migrations, d.migrations())
	sort.Strings(names)
	// Every migration but 0012: this binary's write path, which writes the corpus, needs the later ones
	// (incident_date_classes, 0013), which 0012 does not touch.
	for _, name := range names {
		if !strings.HasPrefix(name, upTo) {
			if err := applyMigration(ctx, old, d, name); err != nil {
				t.Fatal(name, err)
			}
		}
	}
	clock := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	upgraded := &SQLite{sqlStore: newSQLStore(old, d, Options{Now: func() time.Time {
		clock = clock.Add(time.Second)
		return clock
	}})}
	if err := upgraded.prepareAll(ctx); err != nil {
		t.Fatal(err)
	}
	fresh := open(t)
	for _, s := range []*sqlStore{&upgraded.sqlStore, fresh} {
		writeUpgradeCorpus(t, s)
	}
	for _, ix := range []string{"events_date", "documents_fetched"} {
		if n := indexCount(t, old, ix); n != 1 {
			t.Fatalf("before 0012: %d indexes %s; want 1", n, ix)
		}
	}
	if err := migrate(ctx, old, d); err != nil {
		t.Fatal(err)
	}
	for _, ix := range []string{"events_date", "documents_fetched"} {
		if n := indexCount(t, old, ix); n != 0 {
			t.Errorf("after 0012: %d indexes %s; want none", n, ix)
		}
	}
	for _, q := range []string{
		`SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master
			WHERE name NOT LIKE 'sqlite_stat%' AND name <> 'schema_migrations' ORDER BY name`,
		`SELECT version FROM schema_migrations ORDER BY 1`,
		`SELECT rowid, id, content_hash, title, text, fetched_at FROM documents ORDER BY rowid`,
		`SELECT rowid, id, document_id, body FROM events ORDER BY rowid`,
		`SELECT rid, id, body, date_start, date_end, country, event_type, sub_event_type, updated FROM incidents ORDER BY rid`,
		`SELECT incident_rid, event_id FROM incident_reports ORDER BY 1, 2`,
		`SELECT * FROM incident_event_rows ORDER BY 1`,
		`SELECT incident_id, body, at FROM incident_changes ORDER BY seq`,
		`SELECT count(*) FROM events`,
		`PRAGMA integrity_check`,
	} {
		got, want := dumpRows(t, old, q), dumpRows(t, fresh.db, q)
		if len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("%s:\nupgraded %v\nnew      %v", q, got, want)
		}
	}
}

// writeUpgradeCorpus stores reports that create incidents and merge into them (one by one and in a batch), and
// splits one off.
func writeUpgradeCorpus(t *testing.T, s *sqlStore) {
	t.Helper()
	first, second := writeMergeCorpus(t, s, "upgrade.example")
	if _, err := s.SplitIncident(context.Background(), first.Changes[0].IncidentID, second.ID); err != nil {
		t.Fatal(err)
	}
}

// writeMergeCorpus stores, under URLs of host, two reports of one shelling (the second merges into the first's
// incident) and a batch of six documents of clashes and protests, returning the two reports' outcomes.
func writeMergeCorpus(t *testing.T, s *sqlStore, host string) (first, second Ingest) {
	t.Helper()
	ctx := context.Background()
	shelling := ev("e1", "Shelling/artillery/missile attack", 10, "Kharkiv", 49.98, 36.25, "UA", 5,
		"Military Forces of Russia")
	first, err := s.PutResult(ctx, doc("https://"+host+"/1", "Shelling of Kharkiv."), []event.Event{shelling})
	if err != nil {
		t.Fatal(err)
	}
	second, err = s.PutResult(ctx, doc("https://"+host+"/2", "Kharkiv shelled again."), []event.Event{shelling})
	if err != nil || second.Merged != 1 {
		t.Fatalf("second report: %+v %v", second, err)
	}
	var batch []Result
	for i := range 6 {
		e := ev("e1", "Armed clash", 1+i, fmt.Sprintf("Town %d", i%3), 15+float64(i%3), 30, "SD", i, "Group 1")
		batch = append(batch, Result{Document: doc(fmt.Sprintf("https://%s/b%d", host, i), "Clashes."),
			Events: []event.Event{e, ev("e2", "Peaceful protest", 20, "Gao", 16.27, -0.04, "ML", 0, "Protesters")}})
	}
	if _, errs := s.PutResults(ctx, batch); errs != nil {
		t.Fatal(errs)
	}
	return first, second
}

// indexCount is how many indexes named name the database has.
func indexCount(t *testing.T, db *sql.DB, name string) int {
	t.Helper()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?`, name).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// dumpRows is every row of q, each as its columns joined by tabs.
func dumpRows(t *testing.T, db *sql.DB, q string) []string {
	t.Helper()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatal(q, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		parts := make([]string, len(vals))
		for i, v := range vals {
			parts[i] = fmt.Sprint(v)
		}
		out = append(out, strings.Join(parts, "\t"))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
