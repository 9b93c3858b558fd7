package cli

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"sitrep/internal/demo"
	"sitrep/internal/document"
	"sitrep/internal/event"
	"sitrep/internal/pgtest"
	"sitrep/internal/pipeline"
	"sitrep/internal/queue/natstest"
	"sitrep/internal/store"
)

// killDocs is n sample-corpus articles, each made unique.
func killDocs(t *testing.T, n int) []event.Document {
	t.Helper()
	docs, err := demo.Documents()
	if err != nil {
		t.Fatal(err)
	}
	out := make([]event.Document, n)
	for i := range out {
		out[i] = uniqueDoc(docs[i%len(docs)], i)
		out[i].ID = document.ID(out[i].URL, out[i].Text)
	}
	return out
}

// referenceCounts stores docs through one pipeline in order and returns the store's counts.
func referenceCounts(t *testing.T, docs []event.Document) store.Counts {
	t.Helper()
	eng, err := benchEngine()
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "ref.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	pipe := pipeline.New(eng, st, pipeline.Options{})
	for _, d := range docs {
		if _, err := pipe.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	c, err := st.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// storedDocuments returns how many documents the store of dsn holds (-1 when it cannot tell yet).
func storedDocuments(dsn string) int {
	st, err := store.Open(context.Background(), dsn, store.Options{})
	if err != nil {
		return -1
	}
	defer st.Close()
	c, err := st.Counts(context.Background())
	if err != nil {
		return -1
	}
	return c.Documents
}

func TestWorkerSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a second process")
	}
	const n = 60
	docs := killDocs(t, n)
	dsn := filepath.Join(t.TempDir(), "w.db")
	if _, err := pgtest.BinDir(); err == nil || os.Getenv("CI") == "true" {
		dsn = pgtest.Start(t)
	}
	nats := natstest.Start(t)
	ctx := context.Background()
	c := publishDocs(t, nats.URL(), docs...)
	args := []string{"worker", "--nats", nats.URL(), "--db", dsn, "--workers", "2", "--ack-wait", "1s"}
	cmd := sitrepProcess(args...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(2 * time.Minute) // liveness bound only
	before := storedDocuments(dsn)
	for ; before < 5; before = storedDocuments(dsn) {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the worker process stored fewer than 5 documents")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()

	e, _, stderr := testEnv()
	wctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- runWorker(wctx, e, args[1:]) }()
	waitBacklog(t, c, 0)
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("second worker: %v\n%s", err, stderr)
	}
	st, err := store.Open(ctx, dsn, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	got, err := st.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := referenceCounts(t, docs)
	// The incidents of these reports do not depend on the order they arrive in (each story and its syndicated
	// copies merge whatever comes first), so the killed run must end with the uninterrupted run's incidents.
	if got.Documents != n || got.Events != want.Events || got.Incidents != want.Incidents {
		t.Errorf("after the kill: %+v; want %d documents and the %d events and %d incidents of an uninterrupted run",
			got, n, want.Events, want.Incidents)
	}
	for _, d := range docs {
		if _, err := st.GetDocument(ctx, d.ID); err != nil {
			t.Errorf("document %s: %v", d.ID, err)
		}
	}
	t.Logf("killed after %d of %d documents; reference %+v, got %+v", before, n, want, got)
}
