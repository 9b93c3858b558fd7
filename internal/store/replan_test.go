package store

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"modernc.org/libc"
	sqlite3 "modernc.org/sqlite/lib"

	"sitrep/internal/event"
)

// TestCachedQueriesNotReplanned checks that no statement of the statement cache is planned again when its
// parameters take new values. SQLite marks a statement to be prepared again on the next bind of a parameter whose
// value its planner looked at: its full planner estimates a bare parameter compared to an indexed column from the
// sqlite_stat4 samples (only the lookup of a whole unique key in one table, without INDEXED BY, skips it), so the
// write path's document lookup was parsed and planned again for every document stored. Parameters are read
// through a CAST where that happened. The statements run on the test's analysed store, opened read-write (so
// that the inserts run) through SQLite's own interface, which counts the preparations
// (SQLITE_STMTSTATUS_REPREPARE); PRAGMAs, prepared again by design at every run, are left out.
func TestCachedQueriesNotReplanned(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "t.db")
	s := openAt(t, path)
	for i := range 40 {
		d := doc(fmt.Sprintf("https://news.example/%d", i), fmt.Sprintf("Clashes in Kadugli, day %d.", i))
		e := ev("e1", "Armed clash", 1+i%20, "Kadugli", 11.01, 29.72, "SD", i%3, "SAF")
		if _, err := s.PutResult(ctx, d, []event.Event{e}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.db.ExecContext(ctx, `ANALYZE`); err != nil {
		t.Fatal(err)
	}
	var samples int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_stat4 WHERE tbl = 'documents'`).Scan(&samples); err != nil || samples == 0 {
		t.Fatalf("no sqlite_stat4 samples of the documents indexes (%d, %v)", samples, err)
	}

	tls := libc.NewTLS()
	defer tls.Close()
	cpath, err := libc.CString(path)
	if err != nil {
		t.Fatal(err)
	}
	defer libc.Xfree(tls, cpath)
	pdb := libc.Xmalloc(tls, 8)
	defer libc.Xfree(tls, pdb)
	if rc := sqlite3.Xsqlite3_open_v2(tls, cpath, pdb, sqlite3.SQLITE_OPEN_READWRITE, 0); rc != sqlite3.SQLITE_OK {
		t.Fatalf("open: %d", rc)
	}
	db := libc.AtomicLoadPUintptr(pdb)
	defer sqlite3.Xsqlite3_close_v2(tls, db)

	checked := 0
	for k, q := range s.cachedQueries() {
		if strings.HasPrefix(strings.TrimSpace(q), "PRAGMA") {
			continue
		}
		checked++
		if n := reprepares(t, tls, db, k, s.d.rebind(q)); n != 0 {
			t.Errorf("prepared again %d times in 4 runs with new values:\n%s", n, q)
		}
	}
	if checked == 0 {
		t.Fatal("no cached statement")
	}
}

// reprepares runs q, the k-th cached statement, four times on db, each time with every parameter bound to a new
// value (a new one for each statement, so that the inserts add rows), and returns how many times SQLite prepared
// it again.
func reprepares(t *testing.T, tls *libc.TLS, db uintptr, k int, q string) int32 {
	t.Helper()
	cq, err := libc.CString(q)
	if err != nil {
		t.Fatal(err)
	}
	defer libc.Xfree(tls, cq)
	pst := libc.Xmalloc(tls, 8)
	defer libc.Xfree(tls, pst)
	if rc := sqlite3.Xsqlite3_prepare_v2(tls, db, cq, -1, pst, 0); rc != sqlite3.SQLITE_OK {
		t.Fatalf("prepare: %s\n%s", libc.GoString(sqlite3.Xsqlite3_errmsg(tls, db)), q)
	}
	st := libc.AtomicLoadPUintptr(pst)
	defer sqlite3.Xsqlite3_finalize(tls, st)
	n := sqlite3.Xsqlite3_bind_parameter_count(tls, st)
	for run := range 4 {
		for i := int32(1); i <= n; i++ {
			// An integer, which every column and CAST takes (an FTS5 rowid takes no text).
			v := int64(k)*1_000_000 + int64(run)*1000 + int64(i)
			if rc := sqlite3.Xsqlite3_bind_int64(tls, st, i, v); rc != sqlite3.SQLITE_OK {
				t.Fatalf("bind parameter %d: %s\n%s", i, libc.GoString(sqlite3.Xsqlite3_errmsg(tls, db)), q)
			}
		}
		for {
			rc := sqlite3.Xsqlite3_step(tls, st)
			if rc == sqlite3.SQLITE_DONE {
				break
			}
			if rc != sqlite3.SQLITE_ROW {
				t.Fatalf("step: %s\n%s", libc.GoString(sqlite3.Xsqlite3_errmsg(tls, db)), q)
			}
		}
		sqlite3.Xsqlite3_reset(tls, st)
	}
	return sqlite3.Xsqlite3_stmt_status(tls, st, sqlite3.SQLITE_STMTSTATUS_REPREPARE, 0)
}
