package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"sitrep/internal/incident"
)

// sqlStore is the Store implementation both backends share: portable SQL over database/sql, with what differs
// between SQLite and PostgreSQL behind the dialect.
type sqlStore struct {
	db     *sql.DB
	d      dialect
	merger *incident.Merger
	now    func() time.Time
	stmts  *stmtCache
	events *eventCache // events stored lately, for the merge path
	// actorIDs are the ids of committed actor names, for the actor index's write path (actor_index.go).
	actorIDs *actorIDCache
	// allClasses makes candidate queries search every date class, not only those incidents have (see
	// dateClassesOf): a test's reference.
	allClasses bool
	// noScoreBound makes candidates read every incident the index's tests pass, without incident.ScoreBound's:
	// a test's reference.
	noScoreBound bool
	// walkOnly makes listings walk the order index under every residual filter, with no bound, as they did
	// before residualPlanFor: a test's reference.
	walkOnly bool
	// planned, when set, is called by a listing between its residual plan and its rows: a test's hook, to
	// write in between.
	planned func()
	hinted  hintedQueries
	writer  *writeConn // the connection SQLite writes its batches on (batchTx)
}

// hintedQueries are the texts of the lookups that name their index on SQLite (dialect.indexedBy), built once
// for the store's dialect.
type hintedQueries struct {
	findDocument string   // findDocumentQuery
	events       []string // eventsQueries
}

// newSQLStore wraps an open database handle.
func newSQLStore(db *sql.DB, d dialect, opts Options) sqlStore {
	s := sqlStore{db: db, d: d, merger: incident.NewMerger(opts.Merge), now: opts.Now, stmts: &stmtCache{},
		events: newEventCache(eventCacheBytes), actorIDs: &actorIDCache{},
		hinted: hintedQueries{findDocumentQuery(d), eventsQueries(d)}, writer: &writeConn{sem: make(chan struct{}, 1)}}
	if s.now == nil {
		s.now = time.Now
	}
	return s
}

// Close closes the cached statements and the database.
func (s *sqlStore) Close() error {
	s.writer.release()
	s.closeStmts()
	return s.db.Close()
}

// DB exposes the handle for checks such as PRAGMA integrity_check.
func (s *sqlStore) DB() *sql.DB { return s.db }

// tx runs fn in a write transaction, committing when it returns nil. Write transactions are serialized, so the
// read-merge-write of incident merging never races: SQLite takes its write lock at BEGIN (BEGIN IMMEDIATE),
// PostgreSQL a transaction-scoped advisory lock (dialect.lockWrites).
func (s *sqlStore) tx(ctx context.Context, fn func(*txn) error) error {
	return s.txWith(ctx, s.db.BeginTx, fn)
}

// txn is a write transaction with the state the store keeps for it: begun by txWith, passed to what runs in
// it, and dropped when it ends, so that none of it outlives the transaction or is seen by another (a state
// kept by the store under the transaction's pointer had to be told, each on its own, when the transaction
// ended). Like its sql.Tx, a txn is used by one goroutine at a time.
type txn struct {
	*sql.Tx
	// bound are the cached statements bound to the transaction (txStmt), each bound once rather than once a
	// statement run: a binding allocates a statement that the transaction keeps until it ends.
	bound map[string]*sql.Stmt
	// classes is the set of date classes a candidate query in the transaction searches (dateClassesOf), read
	// when classesRead; a write of an incident that may be of a class the set lacks clears classesRead
	// (wroteIncident), so that the next candidate query reads the set again.
	classes     classSet
	classesRead bool
	// pending are the events the transaction stored, seen by it alone (eventCache.getIn) until it commits and
	// they are cached; a rollback drops them with the transaction.
	pending map[string]cachedEvent
	// actorIDs are the ids of the actor names the transaction looked up or added, cached once it commits.
	actorIDs map[string]int64
}

// txWith is tx with the transaction begun by begin (on the pool, or on one connection of it).
func (s *sqlStore) txWith(ctx context.Context, begin func(context.Context, *sql.TxOptions) (*sql.Tx, error), fn func(*txn) error) error {
	stx, err := begin(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	tx := &txn{Tx: stx}
	// A panic in fn rolls the transaction back before it goes on up, so that the connection and the write
	// lock are free for the caller that recovers it (a pipeline batch writes its documents again one by one).
	defer func() {
		if r := recover(); r != nil {
			tx.Rollback()
			panic(r)
		}
	}()
	if err := s.exec(ctx, tx, s.d.lockWrites()); err != nil {
		tx.Rollback()
		return fmt.Errorf("lock: %w", err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	s.events.commit(tx) // the events the transaction stored are cached once it commits (see eventCache)
	s.actorIDs.commit(tx)
	return nil
}

// exec runs a dialect statement in tx (prepared once per connection); an empty statement (nothing to do in
// this dialect) is skipped.
func (s *sqlStore) exec(ctx context.Context, tx *txn, q string, args ...any) error {
	if q == "" {
		return nil
	}
	_, err := s.execTx(ctx, tx, q, args...)
	return err
}

// stamp formats a time for the database (RFC 3339, UTC, sortable).
func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// unstamp parses a stamp; the zero time for "".
func unstamp(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}
