package queue

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"sitrep/internal/document"
	"sitrep/internal/event"
	"sitrep/internal/queue/natstest"
	"sitrep/internal/store"
)

// runWorker starts w.Run in the background; the returned func cancels it and returns Run's error.
func runWorker(w *Worker) func() error {
	stop, _ := startWorker(w)
	return stop
}

// startWorker starts w.Run in the background and returns a func that cancels it and returns Run's error, and
// a channel that receives Run's error when it returns on its own.
func startWorker(w *Worker) (func() error, <-chan error) {
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	done := make(chan error, 1)
	go func() {
		err := w.Run(ctx)
		errc <- err
		done <- err
	}()
	return func() error {
		cancel()
		return <-errc
	}, done
}

func TestPublishDedupesByDocumentID(t *testing.T) {
	n := startNATS(t)
	c := dial(t, n)
	ctx := context.Background()
	first, err := c.Publish(ctx, testDoc(1))
	if err != nil {
		t.Fatal(err)
	}
	again, err := c.Publish(ctx, testDoc(1))
	if err != nil {
		t.Fatal(err)
	}
	if first.Duplicate || !again.Duplicate || first.ID != "doc-0001" {
		t.Fatalf("first %+v, again %+v: want the republish flagged as a duplicate", first, again)
	}
	noID := event.Document{Text: "Shelling hit the town."}
	p, err := c.Publish(ctx, noID)
	if err != nil || p.ID == "" {
		t.Fatalf("publish without id: %+v, %v: want an id derived from the text", p, err)
	}
	if _, err := c.Publish(ctx, event.Document{}); !errors.Is(err, ErrNoDocument) {
		t.Fatalf("empty document: %v, want ErrNoDocument", err)
	}
	huge := event.Document{ID: "huge", Text: strings.Repeat("x", 2<<20)} // over the default 1 MB max_payload
	if _, err := c.Publish(ctx, huge); !errors.Is(err, document.ErrTooLarge) {
		t.Fatalf("2 MB document: %v, want document.ErrTooLarge", err)
	}
	st, err := c.js.Stream(ctx, DefaultStream)
	if err != nil {
		t.Fatal(err)
	}
	info, err := st.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if info.State.Msgs != 2 {
		t.Fatalf("stream holds %d messages, want 2", info.State.Msgs)
	}
	if b, err := c.Backlog(ctx); err != nil || b.Pending != 2 || b.InProgress != 0 {
		t.Fatalf("backlog before any worker: %+v, %v; want 2 pending", b, err)
	}
}

func TestTwoWorkersStoreEveryDocumentOnce(t *testing.T) {
	const docs = 100
	n := startNATS(t)
	st := openStore(t)
	publishN(t, dial(t, n), 0, docs)
	var workers []*Worker
	var stops []func() error
	for range 2 {
		w := NewWorker(dial(t, n), storeProcess(st), WorkerOptions{Workers: 2})
		workers, stops = append(workers, w), append(stops, runWorker(w))
	}
	probe := dial(t, n)
	waitFor(t, "every document stored", func() bool { return counts(t, st).Documents == docs && drained(t, probe) })
	var processed int64
	for i, stop := range stops {
		if err := stop(); err != nil {
			t.Fatalf("worker %d: %v", i, err)
		}
		s := workers[i].Stats()
		if s.Processed == 0 {
			t.Errorf("worker %d processed nothing: the two workers did not share the stream", i)
		}
		processed += s.Processed
	}
	if processed != docs {
		t.Errorf("workers processed %d documents, want %d", processed, docs)
	}
	wantStored(t, st, docs)
}

// takeOverAfterKill is the second half of the killed-worker tests: once kill is closed, worker A (stopA, doneA)
// must end as it was killed (with an error when its connection was closed, cleanly when its context was
// cancelled) having stored only part of the docs documents; a worker newB makes on a fresh connection then
// stores the rest, every document once.
func takeOverAfterKill(t *testing.T, n *natstest.Server, st store.Store, docs int, closeConn bool,
	kill <-chan struct{}, stopA func() error, doneA <-chan error, newB func(*Client) *Worker) {
	t.Helper()
	<-kill
	if closeConn {
		if err := <-doneA; err == nil {
			t.Error("worker A: want an error after its connection closed")
		}
	} else if err := stopA(); err != nil {
		t.Errorf("worker A after cancel: %v", err)
	}
	if c := counts(t, st).Documents; c >= docs {
		t.Fatalf("worker A stored all %d documents before it was killed; the test needs a partial run", c)
	}
	b := dial(t, n)
	stopB := runWorker(newB(b))
	waitFor(t, "every document stored", func() bool { return counts(t, st).Documents == docs && drained(t, b) })
	if err := stopB(); err != nil {
		t.Fatal(err)
	}
	wantStored(t, st, docs)
}

func TestWorkerKilledMidBatch(t *testing.T) {
	for _, tc := range []struct {
		name      string
		closeConn bool // kill by closing the connection (acks lost) rather than cancelling the context
	}{{"connection closed", true}, {"context cancelled", false}} {
		t.Run(tc.name, func(t *testing.T) {
			const docs, killAt = 60, 20
			n := startNATS(t)
			st := openStore(t)
			publishN(t, dial(t, n), 0, docs)
			a := dial(t, n)
			var calls atomic.Int64
			var once sync.Once
			kill := make(chan struct{})
			store := storeProcess(st)
			procA := func(ctx context.Context, doc event.Document) error {
				if calls.Add(1) == killAt {
					once.Do(func() { close(kill) })
					if tc.closeConn {
						a.Close() // the document is stored below, but its ack cannot reach the server
					}
				}
				return store(ctx, doc)
			}
			opts := WorkerOptions{Workers: 3, AckWait: time.Second}
			stopA, doneA := startWorker(NewWorker(a, procA, opts))
			takeOverAfterKill(t, n, st, docs, tc.closeConn, kill, stopA, doneA, func(b *Client) *Worker {
				return NewWorker(b, store, opts)
			})
		})
	}
}

func TestNATSRestartUnderLoad(t *testing.T) {
	const docs = 150
	n := startNATS(t)
	st := openStore(t)
	pub := dial(t, n)
	var stops []func() error
	for range 2 {
		stops = append(stops, runWorker(NewWorker(dial(t, n), storeProcess(st), WorkerOptions{Workers: 2, AckWait: 2 * time.Second})))
	}
	published := make(chan error, 1)
	go func() {
		for i := range docs {
			if _, err := pub.Publish(context.Background(), testDoc(i)); err != nil {
				published <- err
				return
			}
		}
		published <- nil
	}()
	waitFor(t, "a quarter stored", func() bool { return counts(t, st).Documents >= docs/4 })
	n.Stop()
	n.Restart()
	if err := <-published; err != nil {
		t.Fatalf("publishing across the restart: %v", err)
	}
	waitFor(t, "every document stored", func() bool { return counts(t, st).Documents == docs && drained(t, pub) })
	for _, stop := range stops {
		if err := stop(); err != nil {
			t.Fatal(err)
		}
	}
	wantStored(t, st, docs)
}
