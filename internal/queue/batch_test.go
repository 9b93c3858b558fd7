package queue

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"sitrep/internal/event"
	"sitrep/internal/store"
)

// testBatcher stores test documents as storeProcess does, in batches of up to size through the store's
// PutResults (one transaction each), as pipeline.Batch does: a batch is written when it is full, on Flush, and
// shortly after its first document came (so that a last, partial batch does not wait for the worker's stop).
// before, when set, runs before batch n (from 1) is written.
type testBatcher struct {
	st     store.Batcher
	size   int
	before func(n int)

	writeMu sync.Mutex // held while a batch is written
	batches int        // batches written, under writeMu
	largest atomic.Int64

	mu      sync.Mutex
	pending []pendingDoc
}

type pendingDoc struct {
	r    store.Result
	done func(error)
}

func newTestBatcher(t testing.TB, st store.Store, size int) *testBatcher {
	t.Helper()
	b, ok := st.(store.Batcher)
	if !ok {
		t.Fatalf("%T cannot store in batches", st)
	}
	return &testBatcher{st: b, size: size}
}

func (b *testBatcher) Submit(_ context.Context, doc event.Document, done func(error)) {
	i, err := docIndex(doc)
	if err != nil {
		done(err)
		return
	}
	r := store.Result{Document: store.Document{Document: doc, CanonicalURL: doc.URL}, Events: []event.Event{testEvent(i)}}
	b.mu.Lock()
	b.pending = append(b.pending, pendingDoc{r, done})
	n := len(b.pending)
	b.mu.Unlock()
	switch {
	case n >= b.size:
		b.Flush()
	case n == 1:
		time.AfterFunc(10*time.Millisecond, b.Flush)
	}
}

func (b *testBatcher) Flush() {
	b.writeMu.Lock()
	defer b.writeMu.Unlock()
	b.mu.Lock()
	ps := b.pending
	b.pending = nil
	b.mu.Unlock()
	if len(ps) == 0 {
		return
	}
	b.batches++
	if int64(len(ps)) > b.largest.Load() {
		b.largest.Store(int64(len(ps)))
	}
	if b.before != nil {
		b.before(b.batches)
	}
	rs := make([]store.Result, len(ps))
	for i, p := range ps {
		rs[i] = p.r
	}
	_, errs := b.st.PutResults(context.Background(), rs)
	for i, p := range ps {
		var err error
		if errs != nil {
			err = errs[i]
		}
		p.done(err)
	}
}

// TestBatchWorkersStoreEveryDocumentOnce: two batch workers share the stream; every document is stored once and
// acknowledged, in batches of more than one document.
func TestBatchWorkersStoreEveryDocumentOnce(t *testing.T) {
	const docs = 100
	n := startNATS(t)
	st := openStore(t)
	publishN(t, dial(t, n), 0, docs)
	var workers []*Worker
	var batchers []*testBatcher
	var stops []func() error
	for range 2 {
		b := newTestBatcher(t, st, 16)
		w := NewBatchWorker(dial(t, n), b, WorkerOptions{Workers: 2})
		workers, batchers, stops = append(workers, w), append(batchers, b), append(stops, runWorker(w))
	}
	probe := dial(t, n)
	waitFor(t, "every document stored", func() bool { return counts(t, st).Documents == docs && drained(t, probe) })
	var processed int64
	for i, stop := range stops {
		if err := stop(); err != nil {
			t.Fatalf("worker %d: %v", i, err)
		}
		processed += workers[i].Stats().Processed
	}
	if processed != docs {
		t.Errorf("workers processed %d documents, want %d", processed, docs)
	}
	if batchers[0].largest.Load() < 2 && batchers[1].largest.Load() < 2 {
		t.Error("no batch held more than one document")
	}
	wantStored(t, st, docs)
}

// TestBatchWorkerKilledMidBatch: a batch worker stops while documents wait in its batches, either by losing its
// connection (the batch being written commits, but its acks cannot reach the server) or by the end of its
// context (it writes what waits and answers before Run returns). Another worker then stores the rest: every
// document is stored once, none lost.
func TestBatchWorkerKilledMidBatch(t *testing.T) {
	for _, tc := range []struct {
		name      string
		closeConn bool
	}{{"connection closed", true}, {"context cancelled", false}} {
		t.Run(tc.name, func(t *testing.T) {
			const docs, killAt = 60, 3
			n := startNATS(t)
			st := openStore(t)
			publishN(t, dial(t, n), 0, docs)
			a := dial(t, n)
			kill := make(chan struct{})
			ba := newTestBatcher(t, st, 8)
			ba.before = func(n int) {
				if n == killAt {
					close(kill)
					if tc.closeConn {
						a.Close()
					}
				}
			}
			opts := WorkerOptions{Workers: 3, AckWait: time.Second}
			stopA, doneA := startWorker(NewBatchWorker(a, ba, opts))
			takeOverAfterKill(t, n, st, docs, tc.closeConn, kill, stopA, doneA, func(b *Client) *Worker {
				return NewBatchWorker(b, newTestBatcher(t, st, 8), opts)
			})
		})
	}
}
