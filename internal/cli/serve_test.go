package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"sitrep/internal/document"
	"sitrep/internal/event"
	"sitrep/internal/pipeline"
	"sitrep/internal/queue"
	"sitrep/internal/queue/natstest"
	"sitrep/internal/store"
)

// lockedBuffer is a bytes.Buffer safe for the server's goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// testEnv is an env writing to buffers.
func testEnv() (*env, *lockedBuffer, *lockedBuffer) {
	out, errb := &lockedBuffer{}, &lockedBuffer{}
	return &env{stdin: strings.NewReader(""), stdout: out, stderr: errb,
		log: slog.New(slog.NewTextHandler(errb, nil))}, out, errb
}

// startServing runs a serving command in the background and returns its base URL and a stop function that
// cancels it and returns its error (safe to call more than once).
func startServing(t *testing.T, cmd func(context.Context, *env, []string, func(string)) error, e *env,
	args ...string) (string, func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	addr := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- cmd(ctx, e, args, func(a string) { addr <- a }) }()
	select {
	case a := <-addr:
		return "http://" + a, sync.OnceValue(func() error {
			cancel()
			select {
			case err := <-done:
				return err
			case <-time.After(30 * time.Second):
				t.Error("server did not stop within 30s of cancellation")
				return nil
			}
		})
	case err := <-done:
		cancel()
		t.Fatalf("server stopped before listening: %v", err)
	case <-time.After(60 * time.Second):
		cancel()
		t.Fatal("server did not start within 60s")
	}
	return "", nil
}

// get fetches a URL and returns the status and body.
func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestServeAnswersAndStops(t *testing.T) {
	t.Setenv("SITREP_NATS", "") // local mode whatever the caller's environment
	dir := t.TempDir()
	feeds := filepath.Join(dir, "feeds.txt")
	os.WriteFile(feeds, []byte("# test feeds\nhttp://127.0.0.1:1/feed.xml\n\nhttps://feeds.example/rss\n"), 0o644)
	db := filepath.Join(dir, "serve.db")
	e, _, stderr := testEnv()
	base, stop := startServing(t, serveCommand, e, "--db", db, "--addr", "127.0.0.1:0", "--feeds", feeds,
		"--gazetteer", "", "--token", "t0k")
	if code, body := get(t, base+"/healthz"); code != http.StatusOK || !strings.Contains(body, "ok") {
		t.Errorf("healthz: %d %s", code, body)
	}
	code, body := get(t, base+"/api/sources")
	if code != http.StatusOK || !strings.Contains(body, "https://feeds.example/rss") ||
		!strings.Contains(body, "http://127.0.0.1:1/feed.xml") {
		t.Errorf("sources: %d %s", code, body)
	}
	if code, body := get(t, base+"/api/dead-letters"); code != http.StatusServiceUnavailable || !strings.Contains(body, "--nats") {
		t.Errorf("dead letters without --nats: %d %s", code, body)
	}
	resp, err := http.Post(base+"/api/sources", "application/json", strings.NewReader(`{"url":"https://x.example/"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("write without the token: %d", resp.StatusCode)
	}
	if err := stop(); err != nil {
		t.Fatalf("serve returned %v\n%s", err, stderr)
	}
	if !strings.Contains(stderr.String(), "shutting down") {
		t.Errorf("no shutdown log:\n%s", stderr)
	}
	st, err := store.OpenSQLite(context.Background(), db, store.Options{})
	if err != nil {
		t.Fatalf("store not reusable after shutdown: %v", err)
	}
	defer st.Close()
	srcs, _ := st.ListSources(context.Background())
	if len(srcs) != 2 {
		t.Errorf("%d sources after the feeds file, want 2", len(srcs))
	}
}

func TestServeTokenFromEnvironment(t *testing.T) {
	t.Setenv("SITREP_TOKEN", "from-env")
	e, _, stderr := testEnv()
	f, err := parseServeFlags(e, nil)
	if err != nil || f.token != "from-env" {
		t.Errorf("token %q, err %v", f.token, err)
	}
	if f, _ := parseServeFlags(e, []string{"--token", "flag"}); f.token != "flag" {
		t.Errorf("--token does not win over the environment: %q", f.token)
	}
	parseServeFlags(e, []string{"-h"})
	if strings.Contains(stderr.String(), "from-env") {
		t.Error("-h prints the token")
	}
}

func TestServeFlags(t *testing.T) {
	for _, args := range [][]string{{"extra"}, {"--interval", "10ms"}, {"--nope"}} {
		e, _, _ := testEnv()
		if _, err := parseServeFlags(e, args); err == nil {
			t.Errorf("%q: no error", args)
		}
	}
	e, _, _ := testEnv()
	if err := serveCommand(context.Background(), e, []string{"--db", filepath.Join(t.TempDir(), "x.db"),
		"--feeds", "/nonexistent/feeds.txt", "--gazetteer", ""}, nil); err == nil {
		t.Error("a missing feeds file is not an error")
	}
}

// TestServeNATS runs serve with --nats: feed items and a posted document are published for the workers (not
// stored here), and the dead letters route and the queue gauges answer.
func TestServeNATS(t *testing.T) {
	srv := natstest.Start(t)
	site := feedSite(t)
	dir := t.TempDir()
	feeds := filepath.Join(dir, "feeds.txt")
	if err := os.WriteFile(feeds, []byte(site.URL+"/feed.xml\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	e, _, stderr := testEnv()
	base, stop := startServing(t, serveCommand, e, "--db", filepath.Join(dir, "s.db"), "--addr", "127.0.0.1:0",
		"--feeds", feeds, "--allow-private", "--gazetteer", "", "--nats", srv.URL())
	defer stop()
	c, err := queue.Dial(context.Background(), srv.URL(), queue.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	pending := func(want uint64) {
		t.Helper()
		var b queue.Backlog
		for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			if b, err = c.Backlog(context.Background()); err == nil && b.Pending >= want {
				break
			}
		}
		if b.Pending != want {
			t.Fatalf("pending %d (err %v), want %d\n%s", b.Pending, err, want, stderr)
		}
	}
	pending(2) // the two feed items

	req, _ := http.NewRequest("POST", base+"/api/documents", strings.NewReader(
		`{"text":"Three civilians were killed by shelling in Kharkiv on 2 March 2026, officials said."}`))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var q struct {
		DocumentID string `json:"document_id"`
		Queued     bool   `json:"queued"`
	}
	if err := json.Unmarshal(body, &q); resp.StatusCode != http.StatusAccepted || err != nil || !q.Queued || q.DocumentID == "" {
		t.Fatalf("POST /api/documents: %d %s", resp.StatusCode, body)
	}
	pending(3)

	var stats struct {
		Store     struct{ Documents int }
		Forwarder *struct{ Documents, Errors int }
	}
	_, sb := get(t, base+"/api/stats")
	if err := json.Unmarshal([]byte(sb), &stats); err != nil || stats.Store.Documents != 0 {
		t.Errorf("serve --nats stored documents itself (or bad stats): %s (%v)", sb, err)
	}
	// The feed poller's two items and the posted document went through one forwarder, counted in both places.
	if f := stats.Forwarder; f == nil || f.Documents != 3 || f.Errors != 0 {
		t.Errorf("stats: forwarder %+v, want 3 documents published and no error: %s", f, sb)
	}
	if code, body := get(t, base+"/api/dead-letters"); code != http.StatusOK || !strings.Contains(body, `"dead_letters":[]`) {
		t.Errorf("dead letters: %d %s", code, body)
	}
	if code, body := get(t, base+"/metrics"); code != http.StatusOK || !strings.Contains(body, "\nsitrep_queue_pending 3\n") ||
		!strings.Contains(body, "\nsitrep_forwarder_documents_total 3\n") || !strings.Contains(body, "\nsitrep_forwarder_errors_total 0\n") {
		t.Errorf("metrics: %d, no sitrep_queue_pending 3 or forwarder counters:\n%s", code, body)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
}

// TestServeNATSFlag reads --nats from $SITREP_NATS unless given, and fails clearly when NATS is unreachable.
func TestServeNATSFlag(t *testing.T) {
	t.Setenv("SITREP_NATS", "nats://127.0.0.1:1")
	e, _, _ := testEnv()
	for _, c := range []struct {
		args []string
		want string
	}{{nil, "nats://127.0.0.1:1"}, {[]string{"--nats", ""}, ""}, {[]string{"--nats", "nats://h:4222"}, "nats://h:4222"}} {
		f, err := parseServeFlags(e, c.args)
		if err != nil || f.nats != c.want {
			t.Errorf("%q: nats %q (%v), want %q", c.args, f.nats, err, c.want)
		}
	}
	err := serveCommand(context.Background(), e, []string{"--db", filepath.Join(t.TempDir(), "x.db"),
		"--gazetteer", "", "--addr", "127.0.0.1:0"}, func(string) { t.Error("served without NATS") })
	if err == nil || !strings.Contains(err.Error(), "nats") {
		t.Errorf("unreachable NATS: %v", err)
	}
}

// TestServePublishSink checks that a failed publish is a passing failure (the poller reads the feed again) and
// an empty document is not.
func TestServePublishSink(t *testing.T) {
	srv := natstest.Start(t)
	c, err := queue.Dial(context.Background(), srv.URL(), queue.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sink := publishSink{c.Forwarder()}
	if _, err := sink.Process(context.Background(), event.Document{Text: "  "}); err == nil ||
		errors.Is(err, pipeline.ErrStore) || !errors.Is(err, document.ErrEmpty) {
		t.Errorf("empty text: %v", err)
	}
	c.Close()
	_, err = sink.Process(context.Background(), event.Document{ID: "x", Text: "some text"})
	if !errors.Is(err, pipeline.ErrStore) {
		t.Errorf("publish on a closed connection: %v, want pipeline.ErrStore", err)
	}
}

// TestServeNATSWithWorker runs the whole distributed loop in one process: serve --nats publishes a posted
// document, a worker stores it in the shared store, serve answers it; a document the worker gives up on is
// listed by GET /api/dead-letters.
func TestServeNATSWithWorker(t *testing.T) {
	n := natstest.Start(t)
	db := filepath.Join(t.TempDir(), "shared.db")
	e, _, stderr := testEnv()
	base, stop := startServing(t, serveCommand, e, "--db", db, "--addr", "127.0.0.1:0", "--gazetteer", "",
		"--nats", n.URL())
	defer stop()
	ctx := context.Background()
	c, err := queue.Dial(ctx, n.URL(), queue.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	resp, err := http.Post(base+"/api/documents", "application/json", strings.NewReader(
		`{"text":"Government forces shelled the town of Maarat al-Numan in Idlib province on Monday, killing seven civilians, monitors said.","url":"https://news.example/shelling"}`))
	if err != nil {
		t.Fatal(err)
	}
	var q struct {
		DocumentID string `json:"document_id"`
	}
	err = json.NewDecoder(resp.Body).Decode(&q)
	resp.Body.Close()
	if resp.StatusCode != http.StatusAccepted || err != nil {
		t.Fatalf("POST /api/documents: %d (%v)", resp.StatusCode, err)
	}
	// An empty document never passes POST; published directly it stands for one the workers give up on.
	if _, err := c.Publish(ctx, event.Document{ID: "hollow", URL: "https://news.example/hollow"}); err != nil {
		t.Fatal(err)
	}
	we, _, wlog := testEnv()
	wctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- runWorker(wctx, we, []string{"--nats", n.URL(), "--db", db, "--gazetteer", ""}) }()
	waitBacklog(t, c, 1)
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("worker: %v\n%s", err, wlog)
	}
	if code, body := get(t, base+"/api/documents/"+q.DocumentID); code != http.StatusOK ||
		!strings.Contains(body, "Maarat al-Numan") {
		t.Errorf("the worker's document through serve: %d %.300s\n%s", code, body, stderr)
	}
	code, body := get(t, base+"/api/dead-letters?limit=5")
	if code != http.StatusOK || !strings.Contains(body, `"document_id":"hollow"`) || strings.Contains(body, q.DocumentID) {
		t.Errorf("dead letters: %d %s", code, body)
	}
	if code, body := get(t, base+"/metrics"); code != http.StatusOK || !strings.Contains(body, "\nsitrep_queue_dead 1\n") ||
		!strings.Contains(body, "\nsitrep_queue_pending 0\n") {
		t.Errorf("metrics after the worker: %d\n%s", code, body)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
}
