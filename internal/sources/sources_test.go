package sources

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sitrep/internal/extract"
	"sitrep/internal/pipeline"
	"sitrep/internal/store"
)

func testPipeline(t *testing.T) (*pipeline.Pipeline, *store.SQLite) {
	t.Helper()
	engine, err := extract.Default(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "s.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return pipeline.New(engine, st, pipeline.Options{}), st
}

func TestReadURLs(t *testing.T) {
	urls, err := ReadURLs(strings.NewReader("# feeds\n\nhttps://a.example/rss\n  HTTP://b.example/atom  \n"), "f.txt")
	if err != nil || strings.Join(urls, " ") != "https://a.example/rss HTTP://b.example/atom" {
		t.Errorf("ReadURLs = %q, %v", urls, err)
	}
	if _, err := ReadURLs(strings.NewReader("https://a.example/\nftp://x/\n"), "f.txt"); err == nil ||
		!strings.Contains(err.Error(), "f.txt:2") {
		t.Errorf("bad line: %v", err)
	}
}

func TestSkipReason(t *testing.T) {
	for name, want := range map[string]string{
		"a/report.TXT": "", "x.html": "", "d.jsonl": "", "pic.png": "not an article file (.png)",
		"README": "not an article file (no extension)", "a/.draft.txt": "hidden file",
	} {
		if got := SkipReason(name); got != want {
			t.Errorf("SkipReason(%q) = %q, want %q", name, got, want)
		}
	}
}

const report = "Shelling hit a residential area of Kharkiv on Monday, killing four people and wounding nine, " +
	"the regional governor said. Firefighters put out several fires in apartment blocks near the city centre."

func TestDirScan(t *testing.T) {
	ctx := context.Background()
	pipe, st := testPipeline(t)
	root := t.TempDir()
	now := time.Date(2026, 3, 5, 12, 0, 0, 0, time.UTC)
	old := now.Add(-time.Minute)
	write := func(name, text string, mod time.Time) {
		p := filepath.Join(root, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, mod, mod); err != nil {
			t.Fatal(err)
		}
	}
	write("a/one.txt", report, old)
	write("b/two.jsonl", `{"id":"j1","text":"Gunmen abducted five aid workers near Goma on Sunday, the United Nations said."}`+"\n{bad\n", old)
	write("b/photo.png", "\x89PNG", old)
	write(".hidden/three.txt", report+" Hidden.", old)
	write("c/writing.txt", report+" Still being written.", now)
	d := NewDir(root, pipe, DirOptions{Now: func() time.Time { return now }})

	res, err := d.Scan(ctx)
	if err != nil || res != (ScanResult{Files: 2, Stored: 2, Failed: 1}) {
		t.Errorf("first scan %+v, %v; want 2 files, 2 stored, the bad line failed", res, err)
	}
	if res, _ := d.Scan(ctx); res.Files != 0 {
		t.Errorf("second scan read %d files again", res.Files)
	}
	now = now.Add(time.Minute) // the file being written has settled
	write("a/one.txt", report+" Updated.", old.Add(time.Second))
	res, _ = d.Scan(ctx)
	if res != (ScanResult{Files: 2, Stored: 2}) {
		t.Errorf("third scan %+v; want the settled file and the changed one", res)
	}
	if c, _ := st.Counts(ctx); c.Documents != 4 {
		t.Errorf("%d documents stored, want 4", c.Documents)
	}
	if _, err := NewDir(filepath.Join(root, "nope"), pipe, DirOptions{}).Scan(ctx); err == nil {
		t.Error("scan of a missing directory did not fail")
	}
}

func TestDirRunStopsWithContext(t *testing.T) {
	pipe, _ := testPipeline(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- NewDir(t.TempDir(), pipe, DirOptions{Interval: time.Millisecond}).Run(ctx) }()
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run: %v", err)
	}
}
