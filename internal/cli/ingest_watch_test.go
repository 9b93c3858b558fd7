package cli

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sitrep/internal/store"
)

func TestIngestWatch(t *testing.T) {
	dir, db := t.TempDir(), filepath.Join(t.TempDir(), "s.db")
	var out, errb progressBuffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, log: slog.New(slog.DiscardHandler)}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error)
	go func() {
		done <- runIngest(ctx, e, []string{"--quiet", "--db", db, "--watch", "10ms", "--published", "2026-03-04", dir})
	}()
	path := filepath.Join(dir, "new", "report.txt")
	os.MkdirAll(filepath.Dir(path), 0o755)
	if err := os.WriteFile(path, []byte(marketToll), 0o644); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Minute) // settled
	os.Chtimes(path, old, old)
	deadline := time.Now().Add(time.Minute)
	for documents(t, db) < 1 {
		if time.Now().After(deadline) {
			t.Fatal("the watched file was not ingested")
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("watch ended with %v", err)
	}
	if !strings.Contains(out.String(), "stored                      1") {
		t.Errorf("summary:\n%s", out.String())
	}
	code, _, stderr := run(t, "", "ingest", "--watch", "1s", "--urls", "x.txt")
	if code != ExitUsage || !strings.Contains(stderr, "--watch") {
		t.Errorf("--watch with --urls: exit %d, %s", code, stderr)
	}
}

// documents counts the documents in the store at db (0 while it does not exist).
func documents(t *testing.T, db string) int {
	if _, err := os.Stat(db); err != nil {
		return 0
	}
	st, err := store.OpenSQLite(context.Background(), db, store.Options{})
	if err != nil {
		return 0
	}
	defer st.Close()
	c, _ := st.Counts(context.Background())
	return c.Documents
}
