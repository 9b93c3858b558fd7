package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"time"

	"sitrep/internal/incident"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// SQLite is the Store over one SQLite file.
type SQLite struct {
	db     *sql.DB
	d      dialect
	merger *incident.Merger
	now    func() time.Time
}

var _ Store = (*SQLite)(nil)

// Options tune a store. The zero value is usable.
type Options struct {
	// Merge holds the incident merger's thresholds (zero fields take the defaults).
	Merge incident.Options
	// Now is the clock; time.Now when nil.
	Now func() time.Time
}

// OpenSQLite opens (creating if needed) the SQLite database at path, with WAL, a busy timeout and foreign keys,
// and applies pending migrations.
func OpenSQLite(ctx context.Context, path string, opts Options) (*SQLite, error) {
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "busy_timeout(10000)", "foreign_keys(ON)", "synchronous(NORMAL)",
		"cache_size(-65536)", "mmap_size(268435456)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db.SetMaxOpenConns(4)
	s := &SQLite{db: db, d: sqliteDialect{}, merger: incident.NewMerger(opts.Merge), now: opts.Now}
	if s.now == nil {
		s.now = time.Now
	}
	if err := migrate(ctx, db, s.d); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return s, nil
}

// Close closes the database.
func (s *SQLite) Close() error { return s.db.Close() }

// DB exposes the handle for checks such as PRAGMA integrity_check.
func (s *SQLite) DB() *sql.DB { return s.db }

// tx runs fn in a transaction, committing when it returns nil.
func (s *SQLite) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// stamp formats a time for the database (RFC 3339, UTC, sortable).
func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// unstamp parses a stamp; the zero time for "".
func unstamp(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}
