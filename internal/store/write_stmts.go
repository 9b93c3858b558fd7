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
}

// cachedQueries are the statements prepareAll prepares: every fixed statement of the write path, GetDocument
// and the events queries that put back an incident's events (hydrate).
func (s *sqlStore) cachedQueries() []string {
	qs := []string{getDocumentQuery, s.hinted.findDocument, insertDocumentQuery, insertEventQuery, insertChangeQuery,
		s.d.upsertIncident(), updateIncidentQuery, updateIncidentBodyQuery, unlinkReportsQuery, linkReportQuery, s.d.indexDocument(), s.d.indexEvent(),
		s.d.putPoint(), s.d.deletePoint()}
	q, _ := s.d.insertIncident()
	set, reset := s.batchPragmas()
	qs = append(append(append(qs, q), set...), reset...)
	return append(append(qs, s.candidateQueries()...), s.hinted.events...)
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
	return nil
}

// txStmt is the statement for q bound to tx: the cached one, else one prepared in tx for this transaction.
func (s *sqlStore) txStmt(ctx context.Context, tx *sql.Tx, q string) (*sql.Stmt, error) {
	if st := s.stmts.m[q]; st != nil {
		return tx.StmtContext(ctx, st), nil
	}
	return tx.PrepareContext(ctx, s.d.rebind(q))
}

// execTx runs the statement q in tx.
func (s *sqlStore) execTx(ctx context.Context, tx *sql.Tx, q string, args ...any) (sql.Result, error) {
	st, err := s.txStmt(ctx, tx, q)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

// queryTx runs the query q in tx.
func (s *sqlStore) queryTx(ctx context.Context, tx *sql.Tx, q string, args ...any) (*sql.Rows, error) {
	st, err := s.txStmt(ctx, tx, q)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

// queryRowTx runs the single-row query q in tx; an error preparing it comes back from Scan.
func (s *sqlStore) queryRowTx(ctx context.Context, tx *sql.Tx, q string, args ...any) scanner {
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
