package queue

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"sitrep/internal/event"
	"sitrep/internal/pgtest"
	"sitrep/internal/queue/natstest"
	"sitrep/internal/store"
)

// startNATS starts an in-process NATS server with JetStream.
func startNATS(t testing.TB) *natstest.Server { return natstest.Start(t) }

// dial connects a client with test options.
func dial(t testing.TB, n *natstest.Server) *Client {
	t.Helper()
	c, err := Dial(context.Background(), n.URL(), Options{Logger: testLogger(t)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c
}

// TestMain shares one PostgreSQL server (when installed) across the package's tests.
func TestMain(m *testing.M) { os.Exit(pgtest.Run(m)) }

// openStore opens a fresh, empty store: a PostgreSQL database when PostgreSQL is installed (always under
// CI=true), a SQLite file in a temporary directory otherwise.
func openStore(t testing.TB) store.Store {
	t.Helper()
	dsn := filepath.Join(t.TempDir(), "q.db")
	if _, err := pgtest.BinDir(); err == nil || os.Getenv("CI") == "true" {
		dsn = pgtest.Start(t)
	}
	return openDSN(t, dsn)
}

// openDSN opens the store of dsn and closes it when t ends.
func openDSN(t testing.TB, dsn string) store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), dsn, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// testDoc is document i of a test batch: distinct id and text.
func testDoc(i int) event.Document {
	p := event.NewDate(2026, 3, 1+i%28)
	return event.Document{ID: fmt.Sprintf("doc-%04d", i), URL: fmt.Sprintf("https://news.example/%d", i),
		Title: fmt.Sprintf("Report %d", i), Language: "en", Published: &p,
		Text: fmt.Sprintf("Report number %d: shelling hit village %d overnight.", i, i)}
}

// testEvent is one event for document i, placed and dated far from every other document's event so that each
// makes its own incident.
func testEvent(i int) event.Event {
	d := event.NewDate(2026, 3, 1+i%28)
	sub := "Shelling/artillery/missile attack"
	typ, _ := event.TypeOf(sub)
	return event.Event{ID: "e1", EventType: typ, SubEventType: sub, Summary: fmt.Sprintf("shelling %d", i),
		Date: &event.When{Start: d, End: d, Precision: event.PrecisionDay},
		Location: &event.Place{Name: fmt.Sprintf("Village %d", i), Lat: float64(i%80)*2 - 80,
			Lon: float64(i/80)*5 - 170, Country: "XX", Precision: event.LocExact},
	}
}

// docIndex reads i back from a testDoc id.
func docIndex(doc event.Document) (int, error) {
	var i int
	if _, err := fmt.Sscanf(doc.ID, "doc-%d", &i); err != nil {
		return 0, Permanent(fmt.Errorf("test document id %q: %w", doc.ID, err))
	}
	return i, nil
}

// storeProcess stores each test document with its one event, as the pipeline would.
func storeProcess(st store.Store) ProcessFunc {
	return func(ctx context.Context, doc event.Document) error {
		i, err := docIndex(doc)
		if err != nil {
			return err
		}
		_, err = st.PutResult(ctx, store.Document{Document: doc, CanonicalURL: doc.URL}, []event.Event{testEvent(i)})
		return err
	}
}

// testLogger logs to stderr when QUEUE_TEST_LOG is set and nowhere otherwise (background NATS callbacks may
// log after a test ends, which t.Log does not allow).
func testLogger(testing.TB) *slog.Logger {
	if os.Getenv("QUEUE_TEST_LOG") != "" {
		return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return slog.New(slog.DiscardHandler)
}

// publishN publishes testDoc(from..to-1).
func publishN(t testing.TB, c *Client, from, to int) {
	t.Helper()
	for i := from; i < to; i++ {
		if _, err := c.Publish(context.Background(), testDoc(i)); err != nil {
			t.Fatal(err)
		}
	}
}

// waitFor polls cond every 20ms until it holds, failing after a generous liveness bound (not a timing
// threshold: it only stops a hung test).
func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// drained reports whether the workers have nothing pending or unacknowledged.
func drained(t testing.TB, c *Client) bool {
	t.Helper()
	b, err := c.Backlog(context.Background())
	return err == nil && b.Pending == 0 && b.InProgress == 0
}

// counts returns the store's table sizes.
func counts(t testing.TB, st store.Store) store.Counts {
	t.Helper()
	c, err := st.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// wantStored checks that documents 0..n-1 are each stored once with one event and one incident each.
func wantStored(t testing.TB, st store.Store, n int) {
	t.Helper()
	c := counts(t, st)
	if c.Documents != n || c.Events != n || c.Incidents != n {
		t.Fatalf("stored %d documents, %d events, %d incidents; want %d of each", c.Documents, c.Events, c.Incidents, n)
	}
	for i := range n {
		if _, err := st.GetDocument(context.Background(), testDoc(i).ID); err != nil {
			t.Fatalf("document %d: %v", i, err)
		}
	}
}
