package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sitrep/internal/event"
)

// TestStatsRefresh checks that a SQLite store that grows while open analyses its tables again (refreshStats),
// instead of planning its reads all its life on the statistics of the few rows it held when it opened; that
// its other connections plan with the new statistics too; and that it refreshes at most once every
// statsRefreshEvery.
func TestStatsRefresh(t *testing.T) {
	for _, tc := range []struct {
		every time.Duration
		want  string // the incidents' row count in sqlite_stat1 after the ingest
		plan  string // how a connection opened before the ingest then reads incidents by geo key
	}{
		{time.Hour, "3", "SCAN incidents"}, // no refresh within the hour: the statistics of the open stay
		{0, "303", "SEARCH incidents USING INDEX incidents_cand_geo (geo_key=? AND date_class=? AND date_start>? AND date_start<?)"},
	} {
		t.Run(fmt.Sprint(tc.every), func(t *testing.T) {
			defer func(d time.Duration) { statsRefreshEvery = d }(statsRefreshEvery)
			statsRefreshEvery = tc.every
			ctx := context.Background()
			path := filepath.Join(t.TempDir(), "s.db")
			// put stores n incidents from the i-th on: the first three in one place, the others each in a
			// place and country of their own (none merges).
			put := func(s *SQLite, from, n int) {
				var rs []Result
				for i := from; i < from+n; i++ {
					d := doc(fmt.Sprintf("https://stats.example/%d", i), fmt.Sprintf("Report %d.", i))
					lat, lon := 1.0, 1.0
					if i >= 3 {
						lat, lon = float64(-80+i%160), float64(-170+3*i%340)
					}
					rs = append(rs, Result{Document: d, Events: []event.Event{ev("e1", "Armed clash", 1+i%28,
						"P", lat, lon, fmt.Sprintf("%c%c", 'A'+i/26%26, 'A'+i%26), 1, "A")}})
				}
				if _, errs := s.PutResults(ctx, rs); errs != nil {
					t.Fatal(errs)
				}
			}
			s, err := OpenSQLite(ctx, path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			put(s, 0, 3)
			s.Close()
			// Opened again, the store is analysed with its three incidents, which a connection held through
			// the ingest has loaded.
			if s, err = OpenSQLite(ctx, path, Options{}); err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			held, err := s.db.Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer held.Close()
			if got := geoKeyPlan(t, held); got != "SCAN incidents" {
				t.Fatalf("at open, the held connection plans %q, want a scan", got)
			}
			if got := incidentRowsStat(t, s); got != "3" {
				t.Fatalf("at open, incidents analysed with %s rows, want 3", got)
			}
			put(s, 3, 300)
			if got := incidentRowsStat(t, s); got != tc.want {
				t.Errorf("after the ingest, incidents analysed with %s rows, want %s", got, tc.want)
			}
			if got := geoKeyPlan(t, held); got != tc.plan {
				t.Errorf("after the ingest, the held connection plans %q, want %q", got, tc.plan)
			}
		})
	}
}

// geoKeyPlan is how conn plans a read of incidents by geo key, date class and start without an index named,
// after a statement (EXPLAIN runs none: a connection finds the schema changed, and reads it again, when a
// statement starts).
func geoKeyPlan(t *testing.T, conn *sql.Conn) string {
	t.Helper()
	var id, parent, notused int
	var detail string
	if err := conn.QueryRowContext(context.Background(), `SELECT count(*) FROM documents`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	if err := conn.QueryRowContext(context.Background(), `EXPLAIN QUERY PLAN SELECT rid FROM incidents
		WHERE geo_key = CAST(? AS TEXT) AND date_class = 0 AND date_start BETWEEN CAST(? AS TEXT) AND CAST(? AS TEXT)`,
		"g:1:1", "2026-01-01", "2026-02-01").Scan(&id, &parent, &notused, &detail); err != nil {
		t.Fatal(err)
	}
	return detail
}

// incidentRowsStat is the row count sqlite_stat1 holds for the incidents table (the first number of its stat).
func incidentRowsStat(t *testing.T, s *SQLite) string {
	t.Helper()
	var n string
	if err := s.db.QueryRow(`SELECT substr(stat, 1, instr(stat || ' ', ' ') - 1) FROM sqlite_stat1
		WHERE tbl = 'incidents' AND idx = 'incidents_cand_geo'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestStatsRefreshBusy checks that the refresh does not wait for a write lock another process holds: it returns
// SQLite's busy error (which refreshStats only notes) and succeeds once the lock is free.
func TestStatsRefreshBusy(t *testing.T) {
	defer func(d time.Duration) { statsRefreshEvery = d }(statsRefreshEvery)
	statsRefreshEvery = time.Hour
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	s, err := OpenSQLite(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var rs []Result
	for i := range 100 {
		d := doc(fmt.Sprintf("https://busy.example/%d", i), fmt.Sprintf("Report %d.", i))
		rs = append(rs, Result{Document: d, Events: []event.Event{ev("e1", "Armed clash", 1+i%28, "P",
			float64(i%80), float64(i%170), fmt.Sprintf("%c%c", 'A'+i/26%26, 'A'+i%26), 1, "A")}})
	}
	if _, errs := s.PutResults(ctx, rs); errs != nil { // no refresh within the hour: the tables stay unanalysed
		t.Fatal(errs)
	}
	other, err := OpenSQLite(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	tx, err := other.db.BeginTx(ctx, nil) // BEGIN IMMEDIATE: the write lock
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.analyseStale(ctx); !isBusy(err) {
		t.Errorf("with the write lock held elsewhere: %v, want SQLite's busy error", err)
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	if analysed, err := s.analyseStale(ctx); err != nil || !analysed {
		t.Errorf("with the lock free: analysed %v, %v", analysed, err)
	}
}

// TestLinkTriggersSeek checks that the triggers keeping incident_event_rows read events and documents by their
// ids even on the statistics of a store analysed while small, which make SQLite's planner scan a table of a few
// rows instead (migration 0020): each statement of each trigger that reads events, as written in the schema,
// with its NEW and OLD values made literals, is planned on a store opened again after one document.
func TestLinkTriggersSeek(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	s, err := OpenSQLite(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// One document of two events: on these statistics the planner scanned events for the 0009 triggers.
	d := doc("https://link.example/1", "Report 1.")
	if _, err := s.PutResult(ctx, d, []event.Event{ev("e1", "Armed clash", 1, "P", 1, 1, "SY", 1, "A"),
		ev("e2", "Attack", 3, "Q", 5, 5, "SY", 1, "B")}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err = OpenSQLite(ctx, path, Options{}); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var events string
	if err := s.db.QueryRow(`SELECT stat FROM sqlite_stat1 WHERE tbl = 'events' AND idx = 'sqlite_autoindex_events_1'`).Scan(&events); err != nil {
		t.Fatalf("events not analysed at open (the case this test is about): %v", err)
	}
	rows, err := s.db.Query(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'incident_reports'`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	literals := strings.NewReplacer("NEW.incident_rid", "1", "NEW.event_id", "'x'", "OLD.event_id", "'x'")
	checked := 0
	for rows.Next() {
		var name, body string
		if err := rows.Scan(&name, &body); err != nil {
			t.Fatal(err)
		}
		begin := strings.Index(body, " BEGIN")
		for stmt := range strings.SplitSeq(strings.TrimSuffix(strings.TrimSpace(body[begin+len(" BEGIN"):]), "END"), ";") {
			if !strings.Contains(stmt, "events") {
				continue
			}
			checked++
			plan := queryPlan(t, &s.sqlStore, literals.Replace(stmt))
			for _, p := range plan {
				if strings.HasPrefix(p, "SCAN") {
					t.Errorf("trigger %s (events analysed as %q) plans %q:\n%s", name, events, p, stmt)
				}
			}
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if checked < 4 {
		t.Errorf("checked %d trigger statements that read events, want the link's, the unlink's and the relink's two", checked)
	}
}
