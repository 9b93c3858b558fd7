package store

import (
	"context"
	"database/sql"
	"fmt"
)

// stmtCache keeps the write path's statements prepared for the life of the store, so it does not parse and
// plan them again for every document. database/sql prepares each statement once per connection and reuses it
// in every transaction on that connection. The cache is filled when the store opens (prepareAll): preparing
// on the database while a transaction holds a connection could wait for a free connection that the writers
// queued behind that transaction hold.
type stmtCache struct {
	m map[string]*sql.Stmt // read-only after prepareAll
	// uncancelled are the statements of m run in a transaction without their context's cancellation (see
	// execTx); read-only after prepareAll.
	uncancelled map[string]bool
}

// cachedQueries are the statements prepareAll prepares: every fixed statement of the write path, GetDocument
// and the events queries that put back an incident's events (hydrate).
func (s *sqlStore) cachedQueries() []string {
	findActor, _ := s.actorIndexQueries()
	qs := append([]string{getDocumentQuery, s.hinted.findDocument, s.d.upsertIncident(), dateClassesQuery,
		findActor}, s.rowWrites()...)
	qs = append(qs, candidateRowQueries...)
	set, reset := s.batchPragmas()
	qs = append(append(qs, set...), reset...)
	return append(append(qs, s.candidateQueries()...), s.hinted.events...)
}

// rowWrites are the write path's inserts and updates of a row or two each ("" where the dialect has none).
func (s *sqlStore) rowWrites() []string {
	q, _ := s.d.insertIncident()
	_, actorWrites := s.actorIndexQueries()
	return append(append([]string{insertDocumentQuery, insertEventQuery, insertChangeQuery, q, unlinkReportsQuery,
		linkReportQuery, s.d.indexDocument(), s.d.indexEvent(), s.d.putPoint(), s.d.deletePoint()},
		updateIncidentQueries()...), actorWrites...)
}

// prepareAll prepares the cached statements.
func (s *sqlStore) prepareAll(ctx context.Context) error {
	m := map[string]*sql.Stmt{}
	for _, q := range s.cachedQueries() {
		if q == "" || m[q] != nil {
			continue
		}
		st, err := s.db.PrepareContext(ctx, s.d.rebind(q))
		if err != nil {
			for _, st := range m {
				st.Close()
			}
			return fmt.Errorf("prepare: %w", err)
		}
		m[q] = st
	}
	s.stmts.m = m
	s.stmts.uncancelled = s.uncancelledQueries(m)
	return nil
}

// uncancelledQueries are the statements execTx runs without their context's cancellation: the write path's
// inserts and updates (rowWrites), where the dialect's write transaction holds every lock they need already
// (dialect.rowWritesWait false: SQLite). The SQLite driver watches a cancellable context by starting a
// goroutine for every statement (about 2% of an ingest's CPU); the transaction still ends with its context, at
// the next statement (database/sql rolls it back). PostgreSQL's statements, and the rest, keep their context.
func (s *sqlStore) uncancelledQueries(m map[string]*sql.Stmt) map[string]bool {
	if s.d.rowWritesWait() {
		return nil
	}
	out := map[string]bool{}
	for _, q := range s.rowWrites() {
		if m[q] != nil {
			out[q] = true
		}
	}
	return out
}

// txStmt is the statement for q bound to tx: the cached one (bound once in tx, see txn.bound), else one
// prepared in tx for this transaction.
func (s *sqlStore) txStmt(ctx context.Context, tx *txn, q string) (*sql.Stmt, error) {
	st := s.stmts.m[q]
	if st == nil {
		return tx.PrepareContext(ctx, s.d.rebind(q))
	}
	if b := tx.bound[q]; b != nil {
		return b, nil
	}
	// Bound with ctx, which database/sql uses only to prepare the statement on the transaction's connection if
	// it has not been there yet (a round trip on PostgreSQL, which ctx may need to interrupt). A binding made
	// while ctx ended may carry that error, so it is not kept for the transaction's other runs.
	b := tx.StmtContext(ctx, st)
	if ctx.Err() != nil {
		return b, nil
	}
	if tx.bound == nil {
		tx.bound = map[string]*sql.Stmt{}
	}
	tx.bound[q] = b
	return b, nil
}

// execTx runs the statement q in tx.
func (s *sqlStore) execTx(ctx context.Context, tx *txn, q string, args ...any) (sql.Result, error) {
	st, err := s.txStmt(ctx, tx, q)
	if err != nil {
		return nil, err
	}
	if s.stmts.uncancelled[q] {
		ctx = context.WithoutCancel(ctx)
	}
	return st.ExecContext(ctx, args...)
}

// queryTx runs the query q in tx.
func (s *sqlStore) queryTx(ctx context.Context, tx *txn, q string, args ...any) (*sql.Rows, error) {
	st, err := s.txStmt(ctx, tx, q)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

// queryRowTx runs the single-row query q in tx; an error preparing it comes back from Scan.
func (s *sqlStore) queryRowTx(ctx context.Context, tx *txn, q string, args ...any) scanner {
	st, err := s.txStmt(ctx, tx, q)
	if err != nil {
		return errRow{err}
	}
	return st.QueryRowContext(ctx, args...)
}

// queryRow runs the single-row query q outside a transaction, through the cache when q is there.
func (s *sqlStore) queryRow(ctx context.Context, q string, args ...any) scanner {
	if st := s.stmts.m[q]; st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return s.db.QueryRowContext(ctx, s.d.rebind(q), args...)
}

// scanner is a row that can be scanned.
type scanner interface{ Scan(...any) error }

// errRow is a row that fails with err.
type errRow struct{ err error }

func (r errRow) Scan(...any) error { return r.err }

// closeStmts closes every cached statement.
func (s *sqlStore) closeStmts() {
	for _, st := range s.stmts.m {
		st.Close()
	}
}
