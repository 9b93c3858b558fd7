package store

import (
	"context"
	"errors"
	"testing"

	"sitrep/internal/event"
)

// TestTxStateEndsWithTx checks that what a write transaction keeps for itself (txn: its statement bindings, the
// date classes it read, the events it stored) is seen by no later transaction: after a rollback, the next
// transaction searches no date class the rolled-back one added, sees none of its events, and runs the cached
// statements bound afresh; after a commit, the next transaction reads the date classes again, with those
// another writer added in between.
func TestTxStateEndsWithTx(t *testing.T) {
	const class = 3 // a span longer than every bounded class
	wide := ev("e1", "Armed clash", 1, "Goma", -1.68, 29.22, "CD", 1, "Group B")
	wide.Date.End = wide.Date.Start.AddDays(500)
	errRollback := errors.New("test: roll back")
	tests := []struct {
		name string
		// first runs in the first transaction, of s, returning its error (errRollback to roll it back); between
		// runs after it ends, with other, a second store on the same database.
		first   func(ctx context.Context, t *testing.T, s *sqlStore, tx *txn) error
		between func(ctx context.Context, t *testing.T, other *sqlStore)
		// wantClass is whether the next transaction searches class.
		wantClass bool
	}{
		{name: "rolled back",
			first: func(ctx context.Context, t *testing.T, s *sqlStore, tx *txn) error {
				var idx indexQueue
				put, err := s.putResult(ctx, tx, doc("https://state.example/wide", "Fighting for months."), []event.Event{wide}, &idx)
				if err != nil {
					t.Fatal(err)
				}
				if has, err := s.dateClassesOf(ctx, tx); err != nil || !has[class] {
					t.Fatalf("the transaction that stored a class-%d incident searches %v (%v)", class, has, err)
				}
				if _, ok := s.events.getIn(tx, eventKey(put.ID, "e1")); !ok {
					t.Fatal("the transaction does not see the event it stored")
				}
				return errRollback
			}},
		{name: "committed, then another writer",
			first: func(ctx context.Context, t *testing.T, s *sqlStore, tx *txn) error {
				if has, err := s.dateClassesOf(ctx, tx); err != nil || has[class] {
					t.Fatalf("an empty store searches %v (%v)", has, err)
				}
				return nil
			},
			between: func(ctx context.Context, t *testing.T, other *sqlStore) {
				if _, err := other.PutResult(ctx, doc("https://state.example/wide", "Fighting for months."), []event.Event{wide}); err != nil {
					t.Fatal(err)
				}
			},
			wantClass: true},
	}
	for _, b := range backends {
		for _, tt := range tests {
			t.Run(b.name+"/"+tt.name, func(t *testing.T) {
				ctx := context.Background()
				dsn := b.fresh(t)
				s, other := openAt(t, dsn), openAt(t, dsn)
				var first *txn
				err := s.tx(ctx, func(tx *txn) error {
					first = tx
					return tt.first(ctx, t, s, tx)
				})
				if err != nil && !errors.Is(err, errRollback) {
					t.Fatal(err)
				}
				if tt.between != nil {
					tt.between(ctx, t, other)
				}
				err = s.tx(ctx, func(tx *txn) error {
					if tx == first || tx.classesRead || tx.pending != nil || tx.bound != nil {
						t.Errorf("the next transaction starts with the state of the first")
					}
					has, err := s.dateClassesOf(ctx, tx) // through a cached statement, bound in this transaction
					if err != nil {
						return err
					}
					if has[class] != tt.wantClass {
						t.Errorf("the next transaction searches class %d: %v, want %v", class, has[class], tt.wantClass)
					}
					for k := range first.pending {
						if _, ok := s.events.getIn(tx, k); ok {
							t.Errorf("the next transaction sees event %s of a rolled-back one", k)
						}
					}
					_, _, err = s.candidates(ctx, tx, wide)
					return err
				})
				if err != nil {
					t.Fatal(err)
				}
			})
		}
	}
}
