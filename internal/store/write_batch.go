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
		err := s.batchTx(ctx, func(tx *txn) error {
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

// batchPragmaer is a dialect that tunes the connection of a batch's write transaction: set is run before the
// transaction, reset after it, to restore the connection's own settings.
type batchPragmaer interface {
	batchPragmas() (set, reset []string)
}

// batchTx runs fn in a write transaction as tx does, on the store's batch connection (writeConn) where the
// dialect has batch settings (batchPragmas): the connection is taken from the pool and given the settings at the
// first batch, and kept for the next ones. A connection whose batch fails is dropped, not given back to the pool
// with the batch's settings (and maybe in a bad state: a transaction database/sql rolled back when ctx ended in
// it); the next batch takes another.
func (s *sqlStore) batchTx(ctx context.Context, fn func(*txn) error) error {
	set, _ := s.batchPragmas()
	if len(set) == 0 {
		return s.tx(ctx, fn)
	}
	w := s.writer
	select {
	case w.sem <- struct{}{}:
	case <-ctx.Done():
		return fmt.Errorf("begin: %w", ctx.Err())
	}
	defer func() { <-w.sem }()
	if w.conn == nil {
		conn, err := s.db.Conn(ctx)
		if err != nil {
			return fmt.Errorf("begin: %w", err)
		}
		for _, q := range set {
			if _, err := conn.ExecContext(ctx, q); err != nil {
				dropConn(conn)
				return fmt.Errorf("batch settings: %w", err)
			}
		}
		w.conn = conn
	}
	err := s.txWith(ctx, w.conn.BeginTx, fn)
	if err != nil {
		dropConn(w.conn)
		w.conn = nil
	}
	return err
}

// writeConn is the connection a SQLite store writes its batches on, the same one batch after batch. SQLite
// empties a connection's page cache when another connection has written since its last transaction, so batches
// written on whichever connection the pool gave (the one a concurrent read had just given back) each read again
// the pages the batch before had cached on another connection, and freed the pages of the one it left (a madvise
// per 64 KB, whose TLB shootdowns cost most while another thread of the process runs): an ingest with two
// workers spent a third more CPU than with one. The connection is not given back to the pool while the store is
// open: its settings (batchPragmas) stay, and the pool's connections keep theirs for the reads.
type writeConn struct {
	sem  chan struct{} // held while a batch is written
	conn *sql.Conn     // nil until the first batch, and after a batch failed
}

// release closes the batch connection, if any (the store is closing).
func (w *writeConn) release() {
	w.sem <- struct{}{}
	defer func() { <-w.sem }()
	if w.conn != nil {
		dropConn(w.conn)
		w.conn = nil
	}
}

// dropConn closes conn without giving it back to the pool.
func dropConn(conn *sql.Conn) {
	conn.Raw(func(any) error { return driver.ErrBadConn })
	conn.Close()
}

// batchPragmas is the dialect's batchPragmas, or none where it has none.
func (s *sqlStore) batchPragmas() (set, reset []string) {
	if d, ok := s.d.(batchPragmaer); ok {
		return d.batchPragmas()
	}
	return nil, nil
}

// batchPragmas bounds a batch's page cache to writeCacheKiB and keeps its statement journals in memory.
//
// A write transaction copies every page it reads or writes into the page cache (outside one, reads come from
// the memory map), so a cache as large as the connection's fills with pages an ingest touches once: each page
// costs fresh memory (two page faults) and, when the store closes, its release (a madvise per 64 KB region).
//
// A statement that may fail half-way (an insert or update of an incident row and its dozen indexes, a report
// link and its trigger) keeps the original of each page it changes in a statement journal, which SQLite writes
// to a temporary file once it passes 64 KB (16 pages) unless temporary storage is in memory: with the
// default, about half of an ingest's write calls went to these files, each page as two writes (2,000 varied
// documents in batches of 128: 50-54 write calls per document, 25-30 with temp_store MEMORY, the range over two
// versions of the incident rows). In memory a journal holds at most the pages one
// statement changes, and is dropped when the statement ends. Temporary storage is not in memory for the
// connection's other work: a sort as large as an index build would then be held whole in memory.
//
// The connection's own settings are restored for the reads that may follow on it. PostgreSQL has none: the
// server's buffers and temporary files are not the client's to size.
func (sqliteDialect) batchPragmas() ([]string, []string) {
	return []string{`PRAGMA cache_size = -` + strconv.Itoa(writeCacheKiB), `PRAGMA temp_store = MEMORY`},
		[]string{`PRAGMA cache_size = -` + strconv.Itoa(cacheKiB), `PRAGMA temp_store = DEFAULT`}
}
