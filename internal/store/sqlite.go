package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strconv"
	"sync/atomic"
	"time"

	"sitrep/internal/event"
	"sitrep/internal/incident"

	"modernc.org/sqlite" // registers the "sqlite" driver
	sqlite3 "modernc.org/sqlite/lib"
)

// SQLite is the Store over one SQLite file.
type SQLite struct {
	sqlStore
	// optimized is when the store last refreshed the planner's statistics (UnixNano; see refreshStats).
	optimized atomic.Int64
}

var _ Store = (*SQLite)(nil)

// Options tune a store. The zero value is usable.
type Options struct {
	// Merge holds the incident merger's thresholds (zero fields take the defaults).
	Merge incident.Options
	// Now is the clock; time.Now when nil.
	Now func() time.Time
}

// Page cache sizes, in KiB: a connection's (its reads beyond the memory map keep pages there), and that of a
// batch's write transaction (see sqliteDialect.batchPragmas): 16 MB hold the pages a 128-document batch changes
// in a store of a million incidents.
const (
	cacheKiB      = 65536
	writeCacheKiB = 16384
)

// busyTimeoutMillis is how long a statement waits for a lock another connection holds.
const busyTimeoutMillis = 10000

// walCheckpointPages is the size of the write-ahead log, in pages, past which a commit copies it into the
// database (SQLite's default is 1000). A batch of 128 documents writes about 1,200 pages, so at 1000 every batch
// ended with a checkpoint that copied again the pages the previous one had copied (index leaves, the full-text
// index's segments); at 10,000 a checkpoint comes every eight batches or so and copies each page once. The log
// grows to about 40 MB. In a store of a million incidents a batch writes about 2,700 pages (29,648 for the 1,000
// documents of the bench corpus, in 11 batches), mostly index leaves that no other batch writes again, so a larger
// interval gains little there: one checkpoint for the whole ingest would have copied 16,860 pages instead of
// 17,061. About half of a checkpoint's CPU is the fsync of the file (the kernel's writeback of the copied pages).
const walCheckpointPages = 10000

// mmapBytes is how much of the database file a connection reads through a memory map (SQLite's mmap_size)
// rather than read calls. Mapping more does not pay: with 2 GiB (the most this build of SQLite maps,
// SQLITE_MAX_MMAP_SIZE) over the 2.7 GB store of a million incidents, an ingest of 1,000 documents made 10,000
// read calls instead of 42,000 but took as much CPU (4.0-4.5 ms a document against 3.7-4.5, 4 alternated pairs at a
// load of 5), the page faults costing what the calls did, and its resident set grew from 300 to 860 MB.
const mmapBytes = 256 << 20

// OpenSQLite opens (creating if needed) the SQLite database at path, with WAL, a busy timeout and foreign keys,
// and applies pending migrations.
func OpenSQLite(ctx context.Context, path string, opts Options) (*SQLite, error) {
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "busy_timeout(" + strconv.Itoa(busyTimeoutMillis) + ")", "foreign_keys(ON)", "synchronous(NORMAL)",
		"cache_size(-" + strconv.Itoa(cacheKiB) + ")", "mmap_size(" + strconv.Itoa(mmapBytes) + ")",
		"wal_autocheckpoint(" + strconv.Itoa(walCheckpointPages) + ")"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	// The path is escaped as a URI path, so a "?" or "#" in a file name does not end it.
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db.SetMaxOpenConns(4)
	s := &SQLite{sqlStore: newSQLStore(db, sqliteDialect{}, opts)}
	if err := migrate(ctx, db, s.d); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// Refresh the planner's statistics where they are missing or stale (cheap when they are not), so it picks
	// the filter indexes by their selectivity.
	if _, err := db.ExecContext(ctx, `PRAGMA optimize=0x10002`); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: optimize: %w", path, err)
	}
	if err := s.prepareAll(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s.optimized.Store(time.Now().UnixNano())
	return s, nil
}

// statsRefreshEvery is how often at most a store that is being written refreshes the planner's statistics.
var statsRefreshEvery = time.Minute

// PutResults is sqlStore.PutResults, then refreshStats.
func (s *SQLite) PutResults(ctx context.Context, rs []Result) ([]Ingest, []error) {
	ins, errs := s.sqlStore.PutResults(ctx, rs)
	s.refreshStats(ctx)
	return ins, errs
}

// PutResult is sqlStore.PutResult, then refreshStats.
func (s *SQLite) PutResult(ctx context.Context, d Document, events []event.Event) (Ingest, error) {
	in, err := s.sqlStore.PutResult(ctx, d, events)
	s.refreshStats(ctx)
	return in, err
}

// refreshStats analyses the tables whose statistics have gone stale, at most once every statsRefreshEvery, so
// that a long-lived process that writes (serve, a worker) does not plan its reads all its life on the
// statistics OpenSQLite found: those of a store opened small describe tables of a few rows, on which SQLite's
// planner prefers table scans. A failure is logged, not returned: the write has succeeded.
func (s *SQLite) refreshStats(ctx context.Context) {
	now := time.Now().UnixNano() // wall time, not the store's clock (Options.Now), which tests may stop
	last := s.optimized.Load()
	if ctx.Err() != nil || now-last < int64(statsRefreshEvery) || !s.optimized.CompareAndSwap(last, now) {
		return
	}
	switch analysed, err := s.analyseStale(ctx); {
	case isBusy(err):
		slog.Debug("store: statistics not refreshed: another writer holds the store; next time", "err", err)
	case err != nil:
		slog.Warn("store: refresh the planner's statistics", "err", err)
	case analysed:
		slog.Debug("store: planner's statistics refreshed")
	}
}

// analyseStale runs PRAGMA optimize where it would analyse a table: SQLite analyses again only the tables whose
// size has changed many times over since their last analysis (usually none; listing them costs little), and
// within a bounded number of rows (0x10: analysis_limit). Other connections, of this process and of others,
// keep the statistics they loaded with the schema until the schema changes (ANALYZE does not count), so the
// same transaction creates and drops a table, which makes every connection read the schema, and the new
// statistics, again before its next statement. It does not wait for the write lock: when another writer holds
// it, it returns that error (isBusy) and the next refresh tries again.
func (s *SQLite) analyseStale(ctx context.Context) (analysed bool, err error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return false, err
	}
	defer conn.Close()
	// Even listing what it would do takes the write lock.
	if _, err := conn.ExecContext(ctx, `PRAGMA busy_timeout = 0`); err != nil {
		return false, err
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `PRAGMA busy_timeout = `+strconv.Itoa(busyTimeoutMillis))
	// 0x01: list the statements the pragma would run, without running them.
	rows, err := conn.QueryContext(ctx, `PRAGMA optimize=0x10013`)
	if err != nil {
		return false, err
	}
	stale := 0
	for rows.Next() {
		stale++
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil || stale == 0 {
		return false, err
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	for _, q := range []string{`PRAGMA optimize=0x10012`, `CREATE TABLE stats_reload (x)`, `DROP TABLE stats_reload`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return false, err
		}
	}
	return true, tx.Commit()
}

// isBusy reports whether err is SQLite's "database is locked" (SQLITE_BUSY, in any of its extended codes).
func isBusy(err error) bool {
	var e *sqlite.Error
	return errors.As(err, &e) && e.Code()&0xff == sqlite3.SQLITE_BUSY
}
