package queue

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"sitrep/internal/event"
	"sitrep/internal/extract"
)

// failing processes documents with storeProcess except ids listed in fail, which return their error.
func failing(ok ProcessFunc, fail map[string]error, seen *sync.Map) ProcessFunc {
	return func(ctx context.Context, doc event.Document) error {
		n, _ := seen.LoadOrStore(doc.ID, new(int))
		*n.(*int)++
		if err := fail[doc.ID]; err != nil {
			return err
		}
		return ok(ctx, doc)
	}
}

func TestPoisonGoesToDeadLetters(t *testing.T) {
	const maxDeliver = 3
	n := startNATS(t)
	st := openStore(t)
	c := dial(t, n)
	ctx := context.Background()
	if _, err := c.js.Publish(ctx, DefaultSubject, []byte(`{"id": "broken`)); err != nil {
		t.Fatal(err)
	}
	fail := map[string]error{
		testDoc(1).ID: errors.New("store: connection refused"),
		testDoc(2).ID: fmt.Errorf("extract: %w", extract.ErrUnsupportedLanguage),
		testDoc(3).ID: Permanent(errors.New("unsupported input")),
	}
	publishN(t, c, 0, 5)
	var seen sync.Map
	w := NewWorker(c, failing(storeProcess(st), fail, &seen), WorkerOptions{Workers: 2, MaxDeliver: maxDeliver,
		Backoff: 10 * time.Millisecond, MaxBackoff: 40 * time.Millisecond})
	stop := runWorker(w)
	waitFor(t, "poison handled", func() bool { return drained(t, c) && w.Stats().Dead == 4 })
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if got := counts(t, st).Documents; got != 2 {
		t.Errorf("stored %d documents, want the 2 good ones", got)
	}
	tries := func(id string) int {
		v, ok := seen.Load(id)
		if !ok {
			return 0
		}
		return *v.(*int)
	}
	for id, want := range map[string]int{testDoc(1).ID: maxDeliver, testDoc(2).ID: 1, testDoc(3).ID: 1, testDoc(0).ID: 1} {
		if got := tries(id); got != want {
			t.Errorf("%s processed %d times, want %d", id, got, want)
		}
	}
	if s := w.Stats(); s.Retried != maxDeliver-1 || s.Processed != 2 {
		t.Errorf("stats %+v: want %d retries and 2 processed", s, maxDeliver-1)
	}
	dead, err := c.DeadLetters(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		reason     string
		deliveries int
	}{
		"":            {"decode document", 1},
		testDoc(1).ID: {"failed 3 times: store: connection refused", maxDeliver},
		testDoc(2).ID: {"language not supported", 1},
		testDoc(3).ID: {"unsupported input", 1},
	}
	if len(dead) != len(want) {
		t.Fatalf("%d dead letters, want %d: %+v", len(dead), len(want), dead)
	}
	for i, d := range dead {
		if i > 0 && d.Seq >= dead[i-1].Seq {
			t.Errorf("dead letters not newest first: %d after %d", d.Seq, dead[i-1].Seq)
		}
		wd, ok := want[d.DocumentID]
		if !ok || !strings.Contains(d.Reason, wd.reason) || d.Deliveries != wd.deliveries {
			t.Errorf("dead letter %+v: want reason containing %q after %d deliveries", d, wd.reason, wd.deliveries)
		}
	}
	if d := findDead(dead, testDoc(1).ID); d.URL != testDoc(1).URL || d.Title != testDoc(1).Title {
		t.Errorf("dead letter %+v: want the document's url and title", d)
	}
	if b, err := c.Backlog(ctx); err != nil || b.Dead != 4 {
		t.Errorf("backlog %+v, %v: want 4 dead", b, err)
	}
	if few, _ := c.DeadLetters(ctx, 2); len(few) != 2 || few[0].Seq != dead[0].Seq {
		t.Errorf("DeadLetters(2) = %+v, want the 2 newest", few)
	}
}

// findDead returns the dead letter of a document id.
func findDead(dead []DeadLetter, id string) DeadLetter {
	for _, d := range dead {
		if d.DocumentID == id {
			return d
		}
	}
	return DeadLetter{}
}

func TestTransientFailureRetriedWithBackoff(t *testing.T) {
	n := startNATS(t)
	st := openStore(t)
	c := dial(t, n)
	var mu sync.Mutex
	var deliveries []int
	down := 2 // the store refuses the first two attempts
	store := storeProcess(st)
	proc := func(ctx context.Context, doc event.Document) error {
		mu.Lock()
		defer mu.Unlock()
		deliveries = append(deliveries, len(deliveries)+1)
		if down > 0 {
			down--
			return errors.New("dial tcp 127.0.0.1:5432: connect: connection refused")
		}
		return store(ctx, doc)
	}
	w := NewWorker(c, proc, WorkerOptions{MaxDeliver: 5, Backoff: 20 * time.Millisecond})
	stop := runWorker(w)
	publishN(t, c, 0, 1)
	waitFor(t, "document stored", func() bool { return counts(t, st).Documents == 1 && drained(t, c) })
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if s := w.Stats(); s.Retried != 2 || s.Processed != 1 || s.Dead != 0 {
		t.Errorf("stats %+v: want 2 retries, 1 processed, nothing dead", s)
	}
	if len(deliveries) != 3 {
		t.Errorf("processed %d times, want 3", len(deliveries))
	}
	wantStored(t, st, 1)
}

func TestBackoffDoubles(t *testing.T) {
	w := &Worker{opts: WorkerOptions{Backoff: time.Second, MaxBackoff: 10 * time.Second}}
	for _, tc := range []struct {
		delivery int
		want     time.Duration
	}{{1, time.Second}, {2, 2 * time.Second}, {3, 4 * time.Second}, {4, 8 * time.Second}, {5, 10 * time.Second}, {40, 10 * time.Second}} {
		if got := w.backoff(tc.delivery); got != tc.want {
			t.Errorf("backoff(%d) = %v, want %v", tc.delivery, got, tc.want)
		}
	}
}

func TestRequeueMovesDeadLettersBack(t *testing.T) {
	n := startNATS(t)
	st := openStore(t)
	c := dial(t, n)
	ctx := context.Background()
	publishN(t, c, 0, 3)
	var broken atomic.Bool
	broken.Store(true)
	store := storeProcess(st)
	proc := func(ctx context.Context, doc event.Document) error {
		if broken.Load() {
			return Permanent(errors.New("lexicon gap"))
		}
		return store(ctx, doc)
	}
	w := NewWorker(c, proc, WorkerOptions{})
	stop := runWorker(w)
	waitFor(t, "three dead letters", func() bool { return drained(t, c) && w.Stats().Dead == 3 })
	broken.Store(false)
	moved, err := c.Requeue(ctx, 2)
	if err != nil || moved != 2 {
		t.Fatalf("Requeue(2) = %d, %v; want 2", moved, err)
	}
	if moved, err := c.Requeue(ctx, 10); err != nil || moved != 1 {
		t.Fatalf("Requeue(10) = %d, %v; want the 1 left", moved, err)
	}
	waitFor(t, "requeued documents stored", func() bool { return counts(t, st).Documents == 3 && drained(t, c) })
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if dead, err := c.DeadLetters(ctx, 10); err != nil || len(dead) != 0 {
		t.Errorf("dead letters after requeue: %+v, %v; want none", dead, err)
	}
	wantStored(t, st, 3)
}
