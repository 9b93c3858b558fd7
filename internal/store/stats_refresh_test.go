package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"sitrep/internal/event"
)

// TestStatsRefresh checks that a SQLite store that grows while open analyses its tables again (refreshStats),
// instead of planning its reads all its life on the statistics of the few rows it held when it opened; and that
// it does so at most once every statsRefreshEvery.
func TestStatsRefresh(t *testing.T) {
	for _, tc := range []struct {
		every time.Duration
		want  string // the incidents' row count in sqlite_stat1 after the ingest
	}{
		{time.Hour, "3"}, // no refresh within the hour: the statistics of the open stay
		{0, "303"},
	} {
		t.Run(fmt.Sprint(tc.every), func(t *testing.T) {
			defer func(d time.Duration) { statsRefreshEvery = d }(statsRefreshEvery)
			statsRefreshEvery = tc.every
			ctx := context.Background()
			path := filepath.Join(t.TempDir(), "s.db")
			put := func(s *SQLite, from, n int) {
				var rs []Result
				for i := from; i < from+n; i++ {
					d := doc(fmt.Sprintf("https://stats.example/%d", i), fmt.Sprintf("Report %d.", i))
					// Each in a country of its own, so none merges.
					rs = append(rs, Result{Document: d, Events: []event.Event{ev("e1", "Armed clash", 1+i%28,
						"P", 1, 1, fmt.Sprintf("%c%c", 'A'+i/26%26, 'A'+i%26), 1, "A")}})
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
			// Opened again, the store is analysed with its three incidents.
			if s, err = OpenSQLite(ctx, path, Options{}); err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if got := incidentRowsStat(t, s); got != "3" {
				t.Fatalf("at open, incidents analysed with %s rows, want 3", got)
			}
			put(s, 3, 300)
			if got := incidentRowsStat(t, s); got != tc.want {
				t.Errorf("after the ingest, incidents analysed with %s rows, want %s", got, tc.want)
			}
		})
	}
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
