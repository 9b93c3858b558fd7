package cli

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/url"
	"strings"
	"time"

	"sitrep/internal/demo"
	"sitrep/internal/event"
	"sitrep/internal/feed"
	"sitrep/internal/pipeline"
	"sitrep/internal/store"
)

const demoUsage = `[flags]

Loads the bundled sample corpus (synthetic reports written for sitrep: invented outlets, real places) through
the pipeline into a local SQLite file, prints a summary, then serves the API and the web page. Documents already
in the file are skipped, so a second run starts at once. While it serves, it polls the feed sources like 'sitrep
serve' does: a feed added with POST /api/sources (or already in the file) is read and its articles stored.`

// demoFlags are the flags of `sitrep demo`.
type demoFlags struct {
	db           string
	addr         string
	token        string
	noServe      bool
	allowPrivate bool
	interval     time.Duration
	engine       engineFlags
}

func parseDemoFlags(e *env, args []string) (*demoFlags, error) {
	f := &demoFlags{}
	fs := newFlagSet(e, "demo", demoUsage)
	fs.StringVar(&f.db, "db", "sitrep-demo.db", "the SQLite `file` the demo corpus is loaded into")
	fs.StringVar(&f.addr, "addr", "localhost:8080", "listen `address` (use :8080 to listen on every interface)")
	fs.StringVar(&f.token, "token", "", "bearer `token` required by write endpoints (default: none)")
	fs.BoolVar(&f.noServe, "no-serve", false, "load the corpus, print the summary and exit")
	fs.BoolVar(&f.allowPrivate, "allow-private", false, "allow fetching feeds and URLs on private, loopback or link-local addresses")
	fs.DurationVar(&f.interval, "interval", feed.DefaultInterval, "how often each feed source is polled")
	f.engine.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return nil, err
	}
	if fs.NArg() != 0 {
		return nil, usagef("demo: unexpected arguments %q", fs.Args())
	}
	if f.interval < time.Second {
		return nil, usagef("demo: --interval must be at least 1s")
	}
	db, err := demoDBPath(f.db)
	if err != nil {
		return nil, err
	}
	f.db = db
	return f, nil
}

// demoDBPath checks the demo's --db: always a SQLite file, so a postgres:// DSN (or any other URL) is a usage
// error that says so instead of a SQLite error about a file it cannot open. A sqlite:// or file: prefix is
// dropped, as store.Open does.
func demoDBPath(db string) (string, error) {
	lower := strings.ToLower(db)
	if strings.HasPrefix(lower, "postgres://") || strings.HasPrefix(lower, "postgresql://") {
		return "", usagef("demo: --db %q: the demo loads its corpus into a SQLite file, not PostgreSQL; "+
			"give a file path (default sitrep-demo.db), or use 'sitrep ingest' and 'sitrep serve' with a postgres:// DSN", redactDSN(db))
	}
	path := strings.TrimPrefix(strings.TrimPrefix(db, "sqlite://"), "file:")
	if i := strings.Index(path, "://"); i > 0 && !strings.ContainsAny(path[:i], `/\.`) {
		return "", usagef("demo: --db %q: the demo uses a SQLite file; give a file path, not a %s:// URL", db, path[:i])
	}
	if path == "" {
		return "", usagef("demo: --db is empty: give a SQLite file path")
	}
	return path, nil
}

// redactDSN hides the password of a URL-shaped DSN, so an error message does not print it.
func redactDSN(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "(unparsable DSN)"
	}
	return u.Redacted()
}

func runDemo(ctx context.Context, e *env, args []string) error { return demoCommand(ctx, e, args, nil) }

// demoCommand is runDemo; ready, when set, is called with the bound address once the server listens.
func demoCommand(ctx context.Context, e *env, args []string, ready func(addr string)) error {
	f, err := parseDemoFlags(e, args)
	if err != nil {
		return err
	}
	docs, err := demo.Documents()
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	st, err := store.OpenSQLite(ctx, f.db, store.Options{})
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	defer st.Close()
	svc, err := newServices(ctx, e, st, f.engine, f.allowPrivate)
	if err != nil {
		return err
	}
	if err := loadDemo(ctx, e, svc.pipe, docs); err != nil {
		return err
	}
	counts, err := st.Counts(ctx)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	fmt.Fprintf(e.stdout, "store %s: %d documents (%d syndicated copies), %d events, %d incidents\n",
		f.db, counts.Documents, counts.Duplicates, counts.Events, counts.Incidents)
	if f.noServe {
		return nil
	}
	announce := func(addr string) {
		fmt.Fprintf(e.stdout, "serving the demo at %s (Ctrl-C to stop)\n", browserURL(addr))
		if ready != nil {
			ready(addr)
		}
	}
	// The poller reads the store's sources, so a feed added with POST /api/sources is polled (Wake) at once.
	poller := feed.NewPoller(st, svc.fetch, svc.pipe, feed.PollerOptions{Interval: f.interval,
		Workers: feed.DefaultWorkers, Logger: e.log})
	srv := svc.newAPI(e, st, f.token, poller.Wake)
	return listenAndServe(ctx, e.log, f.addr, srv.Handler(), announce, poller.Run)
}

// loadDemo runs the corpus through the pipeline in publication order and prints what happened.
func loadDemo(ctx context.Context, e *env, pipe *pipeline.Pipeline, docs []event.Document) error {
	for _, doc := range docs {
		if _, err := pipe.Process(ctx, doc); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			e.log.Warn("demo document failed", "url", doc.URL, "reason", pipeline.Reason(err), "err", err)
		}
	}
	printDemoSummary(e.stdout, len(docs), pipe.Stats())
	return nil
}

// printDemoSummary writes one line about the load.
func printDemoSummary(w io.Writer, n int, s pipeline.Stats) {
	loaded := s.Documents - s.Duplicates - s.Errors
	fmt.Fprintf(w, "demo corpus: %d reports: %d loaded, %d already stored, %d syndicated copies linked, "+
		"%d events -> %d new incidents, %d merged into existing ones, %d failed\n",
		n, loaded, s.Duplicates, s.NearDuplicates, s.Events, s.Created, s.Merged, s.Errors)
}

// browserURL is the http URL of a bound address, with localhost for an unspecified host.
func browserURL(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "http://" + addr + "/"
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}
