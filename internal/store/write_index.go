package store

import (
	"context"
	"database/sql"
	"fmt"
)

// indexQueue holds the full-text index inserts of a write transaction, run at its end by flushIndex, still
// inside the transaction. SQLite's FTS5 keeps what is inserted in memory until the transaction commits, but
// flushes it to disk at every statement that opens a statement journal (the incident upsert does, and so does
// an INSERT ... SELECT): each report's text became its own small segment to write, journal and merge. Queued,
// and inserted from their values, the texts of a whole batch are flushed once, at commit.
type indexQueue []indexOp

// indexOp is one queued full-text insert: the statement, and its arguments.
type indexOp struct {
	q    string
	args []any
}

// add queues the statement q with args; an empty q (nothing to do in this dialect) is dropped.
func (idx *indexQueue) add(q string, args ...any) {
	if q != "" {
		*idx = append(*idx, indexOp{q, args})
	}
}

// indexDocument queues the full-text indexing of the document inserted by res, with its stored title and text
// (nothing where the dialect's index follows the rows by itself).
func (s *sqlStore) indexDocument(idx *indexQueue, res sql.Result, d *Document) error {
	q := s.d.indexDocument()
	if q == "" {
		return nil
	}
	rowid, err := res.LastInsertId()
	if err != nil {
		return err
	}
	idx.add(q, rowid, d.Title, d.Text)
	return nil
}

// indexEvent queues the full-text indexing of the event inserted by res, with its stored summary.
func (s *sqlStore) indexEvent(idx *indexQueue, res sql.Result, summary string) error {
	q := s.d.indexEvent()
	if q == "" {
		return nil
	}
	rowid, err := res.LastInsertId()
	if err != nil {
		return err
	}
	idx.add(q, rowid, summary)
	return nil
}

// flushIndex runs the queued inserts in tx.
func (s *sqlStore) flushIndex(ctx context.Context, tx *txn, idx indexQueue) error {
	for _, op := range idx {
		if err := s.exec(ctx, tx, op.q, op.args...); err != nil {
			return fmt.Errorf("full-text index: %w", err)
		}
	}
	return nil
}
