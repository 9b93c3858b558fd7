package queue

import (
	"context"
	"testing"

	"sitrep/internal/event"
)

func TestStopFinishesInFlightDocument(t *testing.T) {
	n := startNATS(t)
	st := openStore(t)
	c := dial(t, n)
	started, release := make(chan struct{}), make(chan struct{})
	store := storeProcess(st)
	proc := func(ctx context.Context, doc event.Document) error {
		close(started)
		<-release
		return store(ctx, doc)
	}
	w := NewWorker(c, proc, WorkerOptions{})
	stop := runWorker(w)
	publishN(t, c, 0, 1)
	<-started
	stopped := make(chan error, 1)
	go func() { stopped <- stop() }() // cancel while the document is in hand
	close(release)
	if err := <-stopped; err != nil {
		t.Fatal(err)
	}
	if !drained(t, c) {
		t.Error("the in-flight document was not acknowledged before Run returned")
	}
	if s := w.Stats(); s.Processed != 1 {
		t.Errorf("stats %+v, want 1 processed", s)
	}
	wantStored(t, st, 1)
}
