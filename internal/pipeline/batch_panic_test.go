package pipeline

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"sitrep/internal/event"
	"sitrep/internal/store"
)

// panickyStore is a real store that panics when asked to store the document with URL bad, alone or in a batch.
type panickyStore struct {
	*store.SQLite
	bad string
}

func (s panickyStore) PutResult(ctx context.Context, d store.Document, evs []event.Event) (store.Ingest, error) {
	if d.URL == s.bad {
		panic("test: a bad document")
	}
	return s.SQLite.PutResult(ctx, d, evs)
}

func (s panickyStore) PutResults(ctx context.Context, rs []store.Result) ([]store.Ingest, []error) {
	for _, r := range rs {
		if r.Document.URL == s.bad {
			panic("test: a bad document in the batch")
		}
	}
	return s.SQLite.PutResults(ctx, rs)
}

// TestBatchSurvivesStorePanic checks that a panic in the store while a batch is written fails only the
// document it came from: every other document of the batch is stored and completed, and the batch goes on.
func TestBatchSurvivesStorePanic(t *testing.T) {
	docs := generated(10, 3)
	bad := 5
	for _, size := range []int{1, 4, 1000} {
		t.Run(fmt.Sprintf("size=%d", size), func(t *testing.T) {
			_, fresh := newTestPipeline(t)
			p := New(testEngine(t), panickyStore{SQLite: fresh, bad: docs[bad].URL}, Options{})
			b := p.NewBatch(context.Background(), BatchOptions{Size: size, Wait: time.Hour})
			errs := make([]error, len(docs))
			called := make([]int, len(docs))
			for i, d := range docs {
				b.Submit(context.Background(), d, func(_ Outcome, err error) { errs[i] = err; called[i]++ })
			}
			b.Close()
			for i := range docs {
				switch {
				case called[i] != 1:
					t.Errorf("size %d, document %d: completed %d times", size, i, called[i])
				case i == bad && (errs[i] == nil || !strings.Contains(errs[i].Error(), "panic")):
					t.Errorf("size %d: the bad document's error is %v, want the panic", size, errs[i])
				case i != bad && errs[i] != nil:
					t.Errorf("size %d, document %d: %v", size, i, errs[i])
				}
			}
			c, err := fresh.Counts(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if c.Documents != len(docs)-1 {
				t.Errorf("size %d: %d documents stored, want %d", size, c.Documents, len(docs)-1)
			}
		})
	}
}
