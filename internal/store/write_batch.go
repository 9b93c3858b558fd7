package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"strconv"

	"sitrep/internal/event"
)

// Result is one document with its extracted events, for PutResults.
type Result struct {
	Document Document
	Events   []event.Event
}

// Batcher is a Store that can store many results in one transaction. Both SQLite and PostgreSQL stores are.
type Batcher interface {
	// PutResults stores each result as PutResult does, in one transaction when none fails.
	PutResults(ctx context.Context, rs []Result) ([]Ingest, []error)
}

var (
	_ Batcher = (*SQLite)(nil)
	_ Batcher = (*Postgres)(nil)
)

// PutResults stores rs in order, each as PutResult would (a later result may merge into an incident an earlier
// one created, or duplicate an earlier document), in one transaction: one commit, one lock and one full-text
// flush for the whole batch instead of one per document. It returns one Ingest per result, and errs, nil when
// every result was stored, else holding at each index the error of that result (nil for the stored ones).
//
// When a result fails, or the commit does, the transaction is rolled back and the results are stored again one
// by one, each in its own PutResult transaction: a bad document costs only itself, and each failure comes back
// with its own error. Either way a result is stored whole or not at all, and an Ingest is returned only once
// its transaction has committed.
func (s *sqlStore) PutResults(ctx context.Context, rs []Result) ([]Ingest, []error) {
	out := make([]Ingest, len(rs))
	if len(rs) == 0 {
		return out, nil
	}
	if len(rs) > 1 {
		err := s.batchTx(ctx, func(tx *sql.Tx) error {
			var idx indexQueue
			for i, r := range rs {
				ing, err := s.putResult(ctx, tx, r.Document, r.Events, &idx)
				if err != nil {
					return fmt.Errorf("put result %s: %w", r.Document.ID, err)
				}
				out[i] = ing
			}
			return s.flushIndex(ctx, tx, idx)
		})
		if err == nil {
			return out, nil
		}
		clear(out)
	}
	var errs []error
	for i, r := range rs {
		ing, err := s.PutResult(ctx, r.Document, r.Events)
		if err != nil {
			if errs == nil {
				errs = make([]error, len(rs))
			}
			errs[i] = err
			continue
		}
		out[i] = ing
	}
	return out, errs
}

// batchCacher is a dialect that sizes the page cache of a batch's write transaction: set is run first in the
// transaction, reset last, to restore the connection's own size.
type batchCacher interface {
	batchCache() (set, reset string)
}

// batchCache is the dialect's batchCache, or "" where it has none.
// batchTx runs fn in a write transaction as tx does, on a connection that has the dialect's batch page cache
// (batchCache) for the transaction's length. The cache size is the connection's: it is restored afterwards
// whatever became of the transaction, also when ctx ended in it (database/sql then rolls the transaction back on
// its own, and a restore run in it would fail), and a connection whose restore fails is dropped, not given back
// to the pool with the small cache.
func (s *sqlStore) batchTx(ctx context.Context, fn func(*sql.Tx) error) error {
	set, reset := s.batchCache()
	if set == "" {
		return s.tx(ctx, fn)
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, set); err != nil {
		return fmt.Errorf("page cache: %w", err)
	}
	defer func() {
		if _, err := conn.ExecContext(context.WithoutCancel(ctx), reset); err != nil {
			conn.Raw(func(any) error { return driver.ErrBadConn })
		}
	}()
	return s.txWith(ctx, conn.BeginTx, fn)
}

func (s *sqlStore) batchCache() (set, reset string) {
	if d, ok := s.d.(batchCacher); ok {
		return d.batchCache()
	}
	return "", ""
}

// batchCache bounds a batch's page cache to writeCacheKiB. A write transaction copies every page it reads or
// writes into the page cache (outside one, reads come from the memory map), so a cache as large as the
// connection's fills with pages an ingest touches once: each page costs fresh memory (two page faults) and,
// when the store closes, its release (a madvise per 64 KB region). The connection's own size is restored for
// the reads that may follow on it. PostgreSQL has none: the server's shared buffers are not the client's to
// size.
func (sqliteDialect) batchCache() (string, string) {
	return `PRAGMA cache_size = -` + strconv.Itoa(writeCacheKiB), `PRAGMA cache_size = -` + strconv.Itoa(cacheKiB)
}
