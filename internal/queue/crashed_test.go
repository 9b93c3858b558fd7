package queue

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

func TestDeliveriesThatNeverAnswerGoToDeadLetters(t *testing.T) {
	const maxDeliver = 2
	n := startNATS(t)
	st := openStore(t)
	c := dial(t, n)
	ctx := context.Background()
	publishN(t, c, 0, 1)
	w := NewWorker(c, storeProcess(st), WorkerOptions{MaxDeliver: maxDeliver, AckWait: time.Second})
	cons, err := w.consumer(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Two deliveries that crash: taken, never answered, redelivered after the ack wait.
	for i := range maxDeliver {
		batch, err := cons.Fetch(1, jetstream.FetchMaxWait(30*time.Second))
		if err != nil {
			t.Fatal(err)
		}
		got := 0
		for range batch.Messages() {
			got++
		}
		if got != 1 {
			t.Fatalf("delivery %d: fetched %d messages (%v), want 1", i+1, got, batch.Error())
		}
	}
	stop := runWorker(w)
	waitFor(t, "dead letter", func() bool { return w.Stats().Dead == 1 })
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if got := counts(t, st).Documents; got != 0 {
		t.Errorf("stored %d documents; a document past its deliveries must not be processed again", got)
	}
	dead, err := c.DeadLetters(ctx, 5)
	if err != nil || len(dead) != 1 || !strings.Contains(dead[0].Reason, "no answer after 2 deliveries") ||
		dead[0].Deliveries != maxDeliver+1 {
		t.Fatalf("dead letters %+v, %v: want the document with its crashed deliveries", dead, err)
	}
}
