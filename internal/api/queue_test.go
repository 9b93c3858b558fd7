package api

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"sitrep/internal/event"
	"sitrep/internal/queue"
	"sitrep/internal/queue/natstest"
)

// dialQueue connects to a fresh in-process NATS server.
func dialQueue(t *testing.T) *queue.Client {
	t.Helper()
	n := natstest.Start(t)
	c, err := queue.Dial(context.Background(), n.URL(), queue.Options{Name: "api test"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c
}

// waitBacklog polls the queue's backlog until cond holds (a minute at most: a safety net, not a timing check).
func waitBacklog(t *testing.T, c *queue.Client, cond func(queue.Backlog) bool) queue.Backlog {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(20 * time.Millisecond) {
		b, err := c.Backlog(context.Background())
		if err == nil && cond(b) {
			return b
		}
		if time.Now().After(deadline) {
			t.Fatalf("backlog %+v (err %v): condition never held", b, err)
		}
	}
}

func TestQueueRoutesWithoutQueue(t *testing.T) {
	s := New(openStore(t), nil, nil, Options{})
	code, body := call(t, s.Handler(), "GET", "/api/dead-letters", "")
	if code != http.StatusServiceUnavailable || !strings.Contains(body, "--nats") {
		t.Errorf("GET /api/dead-letters without a queue: %d %s", code, body)
	}
	code, body = call(t, s.Handler(), "GET", "/metrics", "")
	if code != http.StatusOK || strings.Contains(body, "sitrep_queue_") || strings.Contains(body, "sitrep_forwarder_") {
		t.Errorf("/metrics without a queue: %d, queue or forwarder metrics present:\n%s", code, body)
	}
	if code, body = call(t, s.Handler(), "GET", "/api/stats", ""); code != http.StatusOK || !strings.Contains(body, `"forwarder":null`) {
		t.Errorf("/api/stats without a queue: %d %s", code, body)
	}
}

func TestPostDocumentQueued(t *testing.T) {
	c := dialQueue(t)
	s := New(openStore(t), nil, nil, Options{Queue: c})
	in := `{"text":"Two soldiers were killed in a bombing in Kherson on 3 March 2026.","url":"https://example.org/a"}`
	code, body := call(t, s.Handler(), "POST", "/api/documents", in)
	if code != http.StatusAccepted {
		t.Fatalf("status %d: %s", code, body)
	}
	got := decode[queued](t, body)
	if got.DocumentID == "" || !got.Queued || got.Duplicate {
		t.Errorf("answer %+v", got)
	}
	if b := waitBacklog(t, c, func(b queue.Backlog) bool { return b.Pending > 0 }); b.Pending != 1 {
		t.Errorf("pending %d, want 1", b.Pending)
	}
	code, body = call(t, s.Handler(), "POST", "/api/documents", in)
	if again := decode[queued](t, body); code != http.StatusAccepted || again.DocumentID != got.DocumentID || !again.Duplicate {
		t.Errorf("republish: %d %+v, want a duplicate of %s", code, again, got.DocumentID)
	}
	code, body = call(t, s.Handler(), "GET", "/metrics", "")
	if code != http.StatusOK || !strings.Contains(body, "\nsitrep_queue_pending 1\n") ||
		!strings.Contains(body, "\nsitrep_queue_dead 0\n") || !strings.Contains(body, "\nsitrep_queue_in_progress 0\n") {
		t.Errorf("/metrics %d lacks the queue gauges:\n%s", code, body)
	}
	if code, body = call(t, s.Handler(), "POST", "/api/documents", `{"text":"   "}`); code != http.StatusUnprocessableEntity {
		t.Errorf("empty text: %d %s", code, body)
	}
	// The forwarder counted both publications, one of them a duplicate (the empty text never reached it).
	_, body = call(t, s.Handler(), "GET", "/metrics", "")
	for _, want := range []string{"\nsitrep_forwarder_documents_total 2\n", "\nsitrep_forwarder_duplicates_total 1\n",
		"\nsitrep_forwarder_errors_total 0\n"} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %q:\n%s", strings.TrimSpace(want), body)
		}
	}
	_, body = call(t, s.Handler(), "GET", "/api/stats", "")
	type forwarded struct{ Documents, Duplicates int }
	if f := decode[struct{ Forwarder *forwarded }](t, body).Forwarder; f == nil || f.Documents != 2 || f.Duplicates != 1 {
		t.Errorf("/api/stats forwarder %+v, want 2 documents, 1 duplicate: %s", f, body)
	}
}

func TestDeadLettersRoute(t *testing.T) {
	c := dialQueue(t)
	ctx := context.Background()
	for _, d := range []event.Document{
		{ID: "good", URL: "https://example.org/good", Text: "fine"},
		{ID: "poison", URL: "https://example.org/poison", Title: "Poison", Text: "breaks the worker"},
	} {
		if _, err := c.Publish(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	process := func(_ context.Context, d event.Document) error {
		if d.ID == "poison" {
			return queue.Permanent(errors.New("engine exploded"))
		}
		return nil
	}
	wctx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- queue.NewWorker(c, process, queue.WorkerOptions{}).Run(wctx) }()
	waitBacklog(t, c, func(b queue.Backlog) bool { return b.Dead == 1 && b.Pending == 0 && b.InProgress == 0 })
	stop()
	if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
		t.Fatalf("worker: %v", err)
	}

	s := New(openStore(t), nil, nil, Options{Queue: c})
	code, body := call(t, s.Handler(), "GET", "/api/dead-letters?limit=10", "")
	if code != http.StatusOK {
		t.Fatalf("status %d: %s", code, body)
	}
	page := decode[deadLetterPage](t, body)
	if len(page.DeadLetters) != 1 {
		t.Fatalf("dead letters %+v, want the poison one only", page.DeadLetters)
	}
	d := page.DeadLetters[0]
	if d.DocumentID != "poison" || d.Title != "Poison" || !strings.Contains(d.Reason, "engine exploded") || d.Deliveries != 1 {
		t.Errorf("dead letter %+v", d)
	}
	for _, bad := range []string{"limit=0", "limit=x", "limit=1001", "lmit=3"} {
		if code, body := call(t, s.Handler(), "GET", "/api/dead-letters?"+bad, ""); code != http.StatusBadRequest {
			t.Errorf("%s: %d %s", bad, code, body)
		}
	}
}
