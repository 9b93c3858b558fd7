package store

import (
	"context"
	"testing"
	"time"
)

// TestTxPanicRollsBack checks that a panic inside a write transaction rolls it back before it goes on up, so
// that the next write gets the write lock (without the rollback it waits for a lock nobody will release).
func TestTxPanicRollsBack(t *testing.T) {
	eachBackend(t, func(t *testing.T, s *sqlStore) {
		ctx := context.Background()
		func() {
			defer func() {
				if recover() == nil {
					t.Fatal("the panic did not reach the caller")
				}
			}()
			_ = s.tx(ctx, func(*txn) error { panic("test: fail mid-transaction") })
		}()
		wctx, cancel := context.WithTimeout(ctx, time.Minute) // liveness bound only
		defer cancel()
		if _, err := s.PutResult(wctx, doc("https://a.example/after", "Two soldiers were killed."), nil); err != nil {
			t.Fatalf("write after the panic: %v", err)
		}
	})
}
