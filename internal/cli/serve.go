package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"sitrep/internal/api"
	"sitrep/internal/document"
	"sitrep/internal/event"
	"sitrep/internal/extract"
	"sitrep/internal/feed"
	"sitrep/internal/fetch"
	"sitrep/internal/pipeline"
	"sitrep/internal/queue"
	"sitrep/internal/store"
	"sitrep/internal/web"
)

const serveUsage = `[flags]

Runs the whole flow in one process: polls the feed sources (those in the store, plus the --feeds file), extracts
and stores their articles, and serves the HTTP API (/api/..., /healthz, /metrics) and the web page at /.
Write endpoints (POST, DELETE) need "Authorization: Bearer TOKEN" when a token is set (--token or $SITREP_TOKEN).
With --nats URL (default $SITREP_NATS) the feed items and POST /api/documents are published to NATS JetStream
for 'sitrep worker' instead of being extracted here, and GET /api/dead-letters lists what the workers gave up on.
Stops cleanly on SIGINT or SIGTERM.`

// serveFlags are the flags of `sitrep serve`.
type serveFlags struct {
	db           string
	addr         string
	feeds        string
	token        string
	allowPrivate bool
	interval     time.Duration
	workers      int
	nats         string
	engine       engineFlags
}

func parseServeFlags(e *env, args []string) (*serveFlags, error) {
	f := &serveFlags{}
	fs := newFlagSet(e, "serve", serveUsage)
	fs.StringVar(&f.db, "db", "sitrep.db", "the store: a SQLite `file`, or a postgres:// DSN")
	fs.StringVar(&f.addr, "addr", ":8080", "listen `address` (host:port; port 0 picks a free one)")
	fs.StringVar(&f.feeds, "feeds", "", "`file` of feed URLs, one a line (# comments), added to the store's sources")
	fs.StringVar(&f.token, "token", "", "bearer `token` required by write endpoints (default $SITREP_TOKEN)")
	fs.BoolVar(&f.allowPrivate, "allow-private", false, "allow fetching feeds and URLs on private, loopback or link-local addresses")
	fs.DurationVar(&f.interval, "interval", feed.DefaultInterval, "how often each feed is polled")
	fs.IntVar(&f.workers, "workers", feed.DefaultWorkers, "feeds polled at the same time")
	fs.StringVar(&f.nats, "nats", "", "publish feed items and posted documents to NATS JetStream at `url` for 'sitrep worker' (default $SITREP_NATS; off when unset)")
	f.engine.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return nil, err
	}
	if fs.NArg() != 0 {
		return nil, usagef("serve: unexpected arguments %q", fs.Args())
	}
	if !flagSet(fs, "nats") {
		f.nats = os.Getenv("SITREP_NATS") // read here, not as the flag's default: the URL may hold credentials
	}
	if f.token == "" {
		f.token = os.Getenv("SITREP_TOKEN") // read here, not as the flag's default, so -h never prints it
	}
	if f.interval < time.Second {
		return nil, usagef("serve: --interval must be at least 1s")
	}
	if f.workers < 1 {
		return nil, usagef("serve: --workers must be at least 1")
	}
	return f, nil
}

func runServe(ctx context.Context, e *env, args []string) error {
	return serveCommand(ctx, e, args, nil)
}

// serveCommand is runServe; ready, when set, is called with the bound address once the server listens.
func serveCommand(ctx context.Context, e *env, args []string, ready func(addr string)) error {
	f, err := parseServeFlags(e, args)
	if err != nil {
		return err
	}
	st, err := store.Open(ctx, f.db, store.Options{})
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	defer st.Close()
	if err := addFeeds(ctx, st, f.feeds); err != nil {
		return err
	}
	svc, err := newServices(ctx, e, st, f.engine, f.allowPrivate)
	if err != nil {
		return err
	}
	var sink feed.Processor = svc.pipe
	if f.nats != "" {
		c, err := queue.Dial(ctx, f.nats, queue.Options{Name: "sitrep serve", Logger: e.log})
		if err != nil {
			return fmt.Errorf("serve: %w", err)
		}
		defer c.Close()
		fw := c.Forwarder() // one for the poller and the API, so /metrics and /api/stats count both
		svc.queue, svc.forwarder, sink = c, fw, publishSink{fw}
	}
	poller := feed.NewPoller(st, svc.fetch, sink, feed.PollerOptions{Interval: f.interval,
		Workers: f.workers, Logger: e.log})
	srv := svc.newAPI(e, st, f.token, poller.Wake)
	warnOpen(e.log, f.addr, f.token)
	return listenAndServe(ctx, e.log, f.addr, srv.Handler(), ready, poller.Run)
}

// services are the parts serve and demo wire together.
type services struct {
	fetch   *fetch.Client
	pipe    *pipeline.Pipeline
	eng     *extract.Engine
	explain *extract.Engine // the same engine with explanations, for the explorer
	queue   *queue.Client   // with --nats: where documents go instead of the pipeline; nil otherwise
	// forwarder, with --nats, publishes through queue and counts what it published; nil otherwise.
	forwarder *queue.Forwarder
}

// newServices builds the engines, the fetch client (one request per host per second) and the pipeline over st.
func newServices(ctx context.Context, e *env, st store.Store, ef engineFlags, allowPrivate bool) (*services, error) {
	eng, err := ef.build(ctx, e)
	if err != nil {
		return nil, err
	}
	explain, err := buildEngine(ctx, ef.lexicon, ef.gazetteer, true)
	if err != nil {
		return nil, err
	}
	client := fetch.New(fetch.Options{AllowPrivate: allowPrivate, HostInterval: time.Second,
		Logger: e.log.With("component", "fetch")})
	pipe := pipeline.New(eng, st, pipeline.Options{Logger: e.log})
	return &services{fetch: client, pipe: pipe, eng: eng, explain: explain}, nil
}

// newAPI is the API server over the services, with the web page at /.
func (svc *services) newAPI(e *env, st store.Store, token string, sourceAdded func()) *api.Server {
	return api.New(st, svc.pipe, svc.eng, api.Options{Token: token, Web: web.Handler(), Explain: svc.explain,
		Fetch: svc.fetch, Logger: e.log.With("component", "api"), SourceAdded: sourceAdded, Queue: svc.queue,
		Forwarder: svc.forwarder, Lexicon: svc.eng.Lexicon()})
}

// publishSink is the feed poller's sink with --nats: a document that could not be published (NATS unreachable
// for longer than the publish retry) counts as a store failure, so the poller keeps the feed's validators and
// reads the feed again next time instead of losing the item.
type publishSink struct{ *queue.Forwarder }

// Process publishes doc; a failure other than the document's own (empty, too large) wraps pipeline.ErrStore.
func (p publishSink) Process(ctx context.Context, doc event.Document) (pipeline.Outcome, error) {
	out, err := p.Forwarder.Process(ctx, doc)
	if err != nil && !errors.Is(err, document.ErrEmpty) && !errors.Is(err, document.ErrTooLarge) {
		err = fmt.Errorf("%w: %w", pipeline.ErrStore, err)
	}
	return out, err
}

// flagSet reports whether the flag name was given on the command line.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// addFeeds adds the URLs of a feeds file (one a line, blank lines and # comments skipped) as sources; URLs
// already present keep their polling state.
func addFeeds(ctx context.Context, st store.Store, path string) error {
	if path == "" {
		return nil
	}
	file, err := os.Open(path)
	if err != nil {
		return inputError{fmt.Errorf("serve: feeds: %w", err)}
	}
	defer file.Close()
	have := map[string]bool{}
	srcs, err := st.ListSources(ctx)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	for _, s := range srcs {
		have[s.URL] = true
	}
	sc := bufio.NewScanner(file)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") || have[line] {
			continue
		}
		if l := strings.ToLower(line); !strings.HasPrefix(l, "http://") && !strings.HasPrefix(l, "https://") {
			return inputError{fmt.Errorf("serve: %s:%d: %q is not an http(s) URL", path, n, line)}
		}
		if err := st.PutSource(ctx, store.Source{URL: line}); err != nil {
			return fmt.Errorf("serve: %w", err)
		}
		have[line] = true
	}
	if err := sc.Err(); err != nil {
		return inputError{fmt.Errorf("serve: feeds %s: %w", path, err)}
	}
	return nil
}

// warnOpen logs a warning when write endpoints are open to anyone who can reach a non-loopback address.
func warnOpen(log *slog.Logger, addr, token string) {
	host, _, err := net.SplitHostPort(addr)
	if token != "" || err != nil {
		return
	}
	if ip := net.ParseIP(host); host == "localhost" || (ip != nil && ip.IsLoopback()) {
		return
	}
	log.Warn("no token: anyone who can reach this address can add documents and sources (set --token or $SITREP_TOKEN)",
		"addr", addr)
}

// listenAndServe serves h on addr and runs each background task until ctx ends, then shuts the server down
// gracefully (in-flight requests get 10 seconds) and waits for the tasks.
func listenAndServe(ctx context.Context, log *slog.Logger, addr string, h http.Handler, ready func(string),
	background ...func(context.Context) error) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen %s: %w", addr, err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute,
		ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan error, len(background))
	for _, task := range background {
		go func() { done <- task(ctx) }()
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	log.Info("listening", "addr", ln.Addr().String())
	if ready != nil {
		ready(ln.Addr().String())
	}
	var serveErr error
	select {
	case <-ctx.Done():
	case serveErr = <-served:
	}
	log.Info("shutting down")
	shutCtx, stop := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer stop()
	if err := srv.Shutdown(shutCtx); err != nil {
		serveErr = errors.Join(serveErr, fmt.Errorf("shutdown: %w", err))
	}
	cancel()
	for range background {
		if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
			serveErr = errors.Join(serveErr, err)
		}
	}
	return serveErr
}
