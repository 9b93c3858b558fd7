package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"sitrep/internal/store"
)

// Synthetic reports of one invented incident, written for these tests: a first report, a later one with a
// higher toll, and a syndicated copy of the first with another headline and a footer.
const (
	marketStrike = `Airstrike kills 12 in Idlib market

An airstrike on a market in the town of Maarat al-Numan in Idlib province killed 12 civilians on Tuesday, a local
monitoring group said. The Syrian Observatory for Human Rights said Russian warplanes carried out the raid.

Witnesses said the first missile struck shortly after eight in the morning, when the market was at its busiest,
and a second hit the same street minutes later as neighbours ran to help. Video shared by residents showed
collapsed shop fronts, burning vegetable stalls and a line of damaged cars along the main road into the town.

A doctor at the town's only functioning hospital said staff had treated more than thirty wounded people, several
of them children, and that supplies of blood and anaesthetic were running low. Patients with the most serious
injuries were being moved north towards the border by ambulance.

The town has been hit repeatedly over the past month as fighting intensified along the southern edge of the
province. Aid agencies say tens of thousands of people have fled their homes since the start of the year.`
	marketToll = `Idlib market strike toll rises to 19

The death toll from Tuesday's air strike on a crowded market in Maarat al-Numan, in Syria's Idlib province, rose
to 19 on Wednesday, rescuers from the civil defence said. Residents described several explosions in quick
succession as vendors were setting up their stalls.`
	marketCopyFooter = "\n\nDistributed by a news syndicate; reporting by a staff correspondent."
)

// writeFiles writes files (name -> content) under dir, creating subdirectories.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// ingestJSON runs `sitrep ingest --json` and decodes its summary.
func ingestJSON(t *testing.T, args ...string) (int, ingestSummary, string) {
	t.Helper()
	code, out, stderr := run(t, "", append([]string{"ingest", "--json", "--quiet", "--published", "2026-03-04"}, args...)...)
	var s ingestSummary
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("summary %q: %v; stderr: %s", out, err, stderr)
	}
	return code, s, stderr
}

// reportsDir writes the three reports, a French one, a JSON Lines file with one bad line, an image and a hidden
// directory; it returns the directory.
func reportsDir(t *testing.T) string {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a/strike.txt":    marketStrike,
		"a/toll.html":     "<html><head><title>Toll rises</title></head><body><article>" + paragraphs(marketToll) + "</article></body></html>",
		"b/copy.txt":      "Russian jets blamed for deadly Idlib raid\n\n" + strings.SplitN(marketStrike, "\n\n", 2)[1] + marketCopyFooter,
		"b/fr.txt":        "Des frappes aériennes ont touché un marché de la ville, tuant douze civils, selon une organisation locale.",
		"c/wire.jsonl":    `{"id":"wire-1","text":"Shelling killed three people in Kherson on Monday, local officials said.","published":"2026-03-02"}` + "\n{broken\n",
		"c/photo.png":     "\x89PNG\r\n",
		".cache/skip.txt": marketToll,
	})
	return dir
}

// paragraphs wraps the blank-line separated paragraphs of text in <p> elements.
func paragraphs(text string) string {
	var b strings.Builder
	for _, p := range strings.Split(text, "\n\n") {
		fmt.Fprintf(&b, "<p>%s</p>\n", p)
	}
	return b.String()
}

func TestIngestDirectory(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	dir := reportsDir(t)
	code, s, stderr := ingestJSON(t, "--db", db, "--workers", "2", dir)
	if code != ExitInput {
		t.Errorf("exit %d, want %d (two inputs failed); stderr: %s", code, ExitInput, stderr)
	}
	if s.Documents != 5 || s.Stored != 4 || s.NearDuplicates != 1 || s.Merged < 1 || s.Errors != 2 {
		t.Errorf("summary %+v", s)
	}
	if s.Reasons["unsupported language"] != 1 || s.Reasons["invalid jsonl record"] != 1 {
		t.Errorf("reasons %v", s.Reasons)
	}
	if s.Skipped["not an article file (.png)"] != 1 || len(s.Skipped) != 1 {
		t.Errorf("skipped %v (hidden directories are not walked)", s.Skipped)
	}
	for _, want := range []string{"fr.txt", "wire.jsonl:2", "[unsupported language]"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	code, again, _ := ingestJSON(t, "--db", db, filepath.Join(dir, "a"), filepath.Join(dir, "b", "copy.txt"))
	if code != ExitOK || again.Duplicates != 3 || again.Stored != 0 {
		t.Errorf("second run: exit %d, %+v; want 3 duplicates", code, again)
	}
}

func TestIngestURLsAndFeeds(t *testing.T) {
	mux := http.NewServeMux()
	page := func(text string) string {
		return "<html><head><title>t</title></head><body><article>" + paragraphs(text) + "</article></body></html>"
	}
	mux.HandleFunc("GET /strike", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, page(marketStrike)) })
	mux.HandleFunc("GET /toll", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, page(marketToll)) })
	mux.HandleFunc("GET /home", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html><head><link rel="alternate" type="application/rss+xml" href="/feed"></head><body><ul><li><a href="/toll">Toll</a></li></ul></body></html>`)
	})
	mux.HandleFunc("GET /feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Test</title>
<item><title>Toll</title><link>http://%s/toll</link></item>
<item><title>Teaser only</title><link>http://%s/gone</link><description>Gunmen abducted five aid workers near Goma on Sunday, the United Nations said.</description></item>
</channel></rss>`, r.Host, r.Host)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	dir := t.TempDir()
	urls := filepath.Join(dir, "urls.txt")
	writeFiles(t, dir, map[string]string{"urls.txt": "# test list\n" + srv.URL + "/strike\n\n" + srv.URL + "/missing\nftp://x/y\n"})
	db := filepath.Join(dir, "s.db")

	code, s, stderr := ingestJSON(t, "--db", db, "--urls", urls, srv.URL+"/feed")
	if code != ExitInput || s.Errors != 4 {
		t.Errorf("refused without --allow-private: exit %d, %+v; stderr: %s", code, s, stderr)
	}
	if s.Reasons["private address refused"] != 3 || s.Reasons["unsupported url scheme"] != 1 {
		t.Errorf("reasons %v", s.Reasons)
	}

	code, s, stderr = ingestJSON(t, "--db", db, "--allow-private", "--ignore-robots", "--host-interval", "0",
		"--urls", urls, srv.URL+"/feed")
	if code != ExitInput {
		t.Errorf("exit %d, want %d; stderr: %s", code, ExitInput, stderr)
	}
	// stored: the strike page, the toll page (feed item), the teaser (the item's page is gone, its text is used)
	if s.Stored != 3 || s.Merged < 1 || s.Reasons["http 404"] != 1 || s.Reasons["unsupported url scheme"] != 1 {
		t.Errorf("summary %+v; stderr: %s", s, stderr)
	}
	code, s, _ = ingestJSON(t, "--db", db, "--allow-private", "--ignore-robots", srv.URL+"/strike", srv.URL+"/feed")
	if code != ExitOK || s.AlreadyStored != 3 || s.Stored != 0 {
		t.Errorf("again: exit %d, %+v; want the strike page and both feed items not fetched again", code, s)
	}
	code, s, stderr = ingestJSON(t, "--db", db, "--allow-private", "--ignore-robots", srv.URL+"/home")
	if code != ExitOK || s.AlreadyStored != 2 {
		t.Errorf("home page: exit %d, %+v; want its feed read (both items stored already); stderr %s", code, s, stderr)
	}
}

func TestIngestUsage(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"ingest"}, "at least one"},
		{[]string{"ingest", "--published", "yesterday", "x.txt"}, "--published"},
		{[]string{"ingest", "--workers", "0", "x.txt"}, "--workers"},
		{[]string{"ingest", "x.txt", "--bogus"}, "bogus"},
	}
	for _, tt := range tests {
		code, _, stderr := run(t, "", tt.args...)
		if code != ExitUsage || !strings.Contains(stderr, tt.want) {
			t.Errorf("%q: exit %d, stderr %q; want usage error about %s", tt.args, code, stderr, tt.want)
		}
	}
}

func TestParseInterspersed(t *testing.T) {
	fs := newFlagSet(&env{stderr: &strings.Builder{}}, "x", "")
	db := fs.String("db", "", "")
	q := fs.Bool("q", false, "")
	pos, err := parseInterspersed(fs, []string{"a", "--db", "f.db", "b", "-q", "--", "-c"})
	if err != nil || *db != "f.db" || !*q || strings.Join(pos, ",") != "a,b,-c" {
		t.Errorf("got %q db=%q q=%v err=%v", pos, *db, *q, err)
	}
}

// blockingReader signals its first Read on reading, then blocks until release is closed.
type blockingReader struct {
	once    sync.Once
	reading chan struct{}
	release chan struct{}
}

func (b *blockingReader) Read(p []byte) (int, error) {
	b.once.Do(func() { close(b.reading) })
	<-b.release
	return 0, io.EOF
}

func TestIngestInterruptedWhileReadingStdin(t *testing.T) {
	stdin := &blockingReader{reading: make(chan struct{}), release: make(chan struct{})}
	defer close(stdin.release)
	var out, errb strings.Builder
	e := &env{stdin: stdin, stdout: &out, stderr: &errb, log: slog.New(slog.DiscardHandler)}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() {
		done <- runIngest(ctx, e, []string{"--quiet", "--db", filepath.Join(t.TempDir(), "s.db"), "-"})
	}()
	<-stdin.reading
	cancel()
	if err := <-done; err == nil || !strings.Contains(err.Error(), "interrupted") {
		t.Errorf("runIngest after cancel: %v", err)
	}
	if !strings.Contains(out.String(), "read 0 documents") {
		t.Errorf("no summary after the interruption: %q", out.String())
	}
}

// prefixThenBlock reads its prefix, then signals reading and blocks until release is closed: standard input on
// which more documents may still come.
type prefixThenBlock struct {
	prefix  io.Reader
	once    sync.Once
	reading chan struct{}
	release chan struct{}
}

func (b *prefixThenBlock) Read(p []byte) (int, error) {
	if n, err := b.prefix.Read(p); n > 0 || err != io.EOF {
		return n, err
	}
	b.once.Do(func() { close(b.reading) })
	<-b.release
	return 0, io.EOF
}

// TestIngestInterruptedStoresExtracted: documents read from standard input and extracted before Ctrl-C are
// stored when the run stops (standard input cannot be read again), though their batch was not full and its
// wait had not run out.
func TestIngestInterruptedStoresExtracted(t *testing.T) {
	defer func(w time.Duration) { ingestBatchWait = w }(ingestBatchWait)
	ingestBatchWait = time.Hour // only the end of the run writes the batch
	var submitted atomic.Int32
	allIn := make(chan struct{})
	testHookSubmitted = func() {
		if submitted.Add(1) == 3 {
			close(allIn)
		}
	}
	defer func() { testHookSubmitted = nil }()
	var lines strings.Builder
	for i, place := range []string{"Gao", "Mopti", "Timbuktu"} {
		fmt.Fprintf(&lines, `{"id":"intr-%d","url":"https://intr.example/%d","published":"2026-03-10","text":%q}`+"\n", i, i,
			"Gunmen killed "+strconv.Itoa(i+3)+" civilians in an attack on a market in "+place+", Mali, on Sunday, officials said.")
	}
	stdin := &prefixThenBlock{prefix: strings.NewReader(lines.String()), reading: make(chan struct{}), release: make(chan struct{})}
	defer close(stdin.release)
	var out, errb strings.Builder
	e := &env{stdin: stdin, stdout: &out, stderr: &errb, log: slog.New(slog.DiscardHandler)}
	db := filepath.Join(t.TempDir(), "s.db")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- runIngest(ctx, e, []string{"--quiet", "--db", db, "-"}) }()
	<-stdin.reading
	select {
	case <-allIn:
	case err := <-done:
		t.Fatalf("ingest ended before the documents were extracted: %v (%s)", err, errb.String())
	}
	cancel()
	if err := <-done; err == nil || !strings.Contains(err.Error(), "interrupted") {
		t.Errorf("runIngest after cancel: %v", err)
	}
	if !strings.Contains(out.String(), "read 3 documents") {
		t.Errorf("summary: %q", out.String())
	}
	st, err := store.OpenSQLite(context.Background(), db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	c, err := st.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if c.Documents != 3 || c.Events == 0 {
		t.Errorf("stored %d documents, %d events after the interruption, want the 3 extracted ones and their events", c.Documents, c.Events)
	}
}
