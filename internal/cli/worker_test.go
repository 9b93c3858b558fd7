package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"sitrep/internal/demo"
	"sitrep/internal/event"
	"sitrep/internal/queue"
	"sitrep/internal/queue/natstest"
	"sitrep/internal/store"
)

func TestWorkerFlagErrors(t *testing.T) {
	for _, args := range [][]string{
		{"--workers", "0"}, {"--max-deliver", "0"}, {"--ack-wait", "10ms"}, {"--backoff", "2m"},
		{"--dead", "-1"}, {"--requeue", "-2"}, {"--dead", "1", "--requeue", "1"}, {"extra"}, {"--no-such-flag"},
	} {
		e, _, _ := testEnv()
		var ue usageError
		if err := runWorker(context.Background(), e, args); !errors.As(err, &ue) {
			t.Errorf("worker %q: %v, want a usage error", args, err)
		}
	}
}

// waitBacklog waits until the workers have finished everything published and dead letters number dead.
func waitBacklog(t *testing.T, c *queue.Client, dead uint64) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute) // liveness bound only
	for {
		b, err := c.Backlog(context.Background())
		if err == nil && b.Pending == 0 && b.InProgress == 0 && b.Dead == dead {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for the workers: backlog %+v, %v", b, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestWorkerStoresPublishedDocuments(t *testing.T) {
	docs, err := demo.Documents()
	if err != nil {
		t.Fatal(err)
	}
	docs = docs[:12]
	n := natstest.Start(t)
	ctx := context.Background()
	poison := event.Document{ID: "empty-one", URL: "https://news.example/empty", Title: "Nothing here"}
	c := publishDocs(t, n.URL(), append(slices.Clone(docs), poison)...)
	db := filepath.Join(t.TempDir(), "w.db")
	e, _, stderr := testEnv()
	wctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- runWorker(wctx, e, []string{"--nats", n.URL(), "--db", db, "--workers", "2"}) }()
	waitBacklog(t, c, 1)
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("worker: %v\n%s", err, stderr)
	}
	if !strings.Contains(stderr.String(), "worker summary") {
		t.Errorf("no summary on stderr:\n%s", stderr)
	}
	st, err := store.Open(ctx, db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	counts, err := st.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if counts.Documents != len(docs) || counts.Events == 0 {
		t.Errorf("stored %+v, want %d documents with events", counts, len(docs))
	}
	for _, d := range docs {
		if _, err := st.GetDocument(ctx, d.ID); err != nil {
			t.Errorf("document %s: %v", d.ID, err)
		}
	}
	e, stdout, _ := testEnv()
	if err := runWorker(ctx, e, []string{"--nats", n.URL(), "--dead", "5"}); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(strings.NewReader(stdout.String()))
	var dead []queue.DeadLetter
	for sc.Scan() {
		var d queue.DeadLetter
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatalf("dead letter line %q: %v", sc.Text(), err)
		}
		dead = append(dead, d)
	}
	if len(dead) != 1 || dead[0].DocumentID != poison.ID || !strings.Contains(dead[0].Reason, "empty") {
		t.Errorf("dead letters %+v, want the empty document with its reason", dead)
	}
	if err := runWorker(ctx, e, []string{"--nats", n.URL(), "--requeue", "5"}); err != nil {
		t.Fatal(err)
	}
	// The consumer's pending count follows a publish asynchronously on the server, so it is polled (the
	// bound is for liveness only).
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(20 * time.Millisecond) {
		b, err := c.Backlog(ctx)
		if err == nil && b.Dead == 0 && b.Pending == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("backlog after --requeue: %+v, %v; want the dead letter pending again", b, err)
		}
	}
}

// publishDocs publishes docs, in order, to the NATS server at url and returns the client (closed when t ends).
func publishDocs(t *testing.T, url string, docs ...event.Document) *queue.Client {
	t.Helper()
	c, err := queue.Dial(context.Background(), url, queue.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	for _, d := range docs {
		if _, err := c.Publish(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	return c
}
