package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"runtime"
	"sync"
	"time"

	"sitrep/internal/document"
	"sitrep/internal/event"
	"sitrep/internal/feed"
	"sitrep/internal/fetch"
	"sitrep/internal/pipeline"
	"sitrep/internal/store"
)

const ingestUsage = `[flags] FILE|DIR|URL|FEED|- ...

Extracts events from every input and stores them, merging reports of the same incident:
  - text, HTML and JSON Lines files, and - for standard input;
  - directories, recursively (files other than .txt, .html, .jsonl and the like are skipped with a reason);
  - http(s) URLs of articles, of RSS/Atom/JSON feeds (each item's page is fetched and ingested) or of pages that
    announce a feed (a site's home page); with --urls, a file of such URLs, one a line.
Progress goes to stderr, a summary to stdout. Documents stored already (same canonical URL or text) count as
duplicates; syndicated copies are stored and linked to their original. With --watch the DIR arguments are
scanned again and again until Ctrl-C. On Ctrl-C the documents extracted already are stored before the
summary. Exit status 3 when some inputs failed (each is reported with its reason), 0 otherwise.`

// ingestFlags are the flags of `sitrep ingest`.
type ingestFlags struct {
	db        string
	workers   int
	urls      string
	published string
	maxBytes  int64
	quiet     bool
	json      bool
	watch     time.Duration
	nats      string
	dbSet     bool // --db was given
	fetch     fetch.Options
	engine    engineFlags
}

func parseIngestFlags(e *env, args []string) (*ingestFlags, []string, error) {
	f := &ingestFlags{}
	fs := newFlagSet(e, "ingest", ingestUsage)
	fs.StringVar(&f.db, "db", "sitrep.db", "the store: a SQLite `file` (created when missing), or a postgres:// DSN")
	fs.IntVar(&f.workers, "workers", runtime.GOMAXPROCS(0), "documents processed in parallel")
	fs.StringVar(&f.urls, "urls", "", "`file` of article or feed URLs to ingest, one a line (# comments)")
	fs.StringVar(&f.published, "published", "", "publication date `YYYY-MM-DD` for every document (default: from metadata)")
	fs.Int64Var(&f.maxBytes, "max-bytes", 10<<20, "refuse a single document or page larger than `n` bytes")
	fs.BoolVar(&f.quiet, "quiet", false, "no progress line")
	fs.BoolVar(&f.json, "json", false, "print the summary as JSON")
	fs.DurationVar(&f.watch, "watch", 0, "keep watching the DIR arguments, scanning them every `interval` for new and changed files, until interrupted")
	fs.BoolVar(&f.fetch.AllowPrivate, "allow-private", false, "allow fetching URLs on private, loopback or link-local addresses")
	fs.BoolVar(&f.fetch.IgnoreRobots, "ignore-robots", false, "fetch URLs even when the site's robots.txt disallows it")
	fs.DurationVar(&f.fetch.Timeout, "timeout", 30*time.Second, "time limit for fetching one URL")
	fs.DurationVar(&f.fetch.HostInterval, "host-interval", time.Second, "least `time` between two requests to one host")
	fs.StringVar(&f.nats, "nats", "", "publish the documents to NATS JetStream at `url` for 'sitrep worker' instead of extracting and storing them here")
	f.engine.register(fs)
	inputs, err := parseInterspersed(fs, args)
	if err != nil {
		return nil, nil, err
	}
	fs.Visit(func(fl *flag.Flag) { f.dbSet = f.dbSet || fl.Name == "db" })
	if f.watch > 0 && f.nats != "" {
		return nil, nil, usagef("ingest: --watch and --nats do not go together")
	}
	if len(inputs) == 0 && f.urls == "" {
		return nil, nil, usagef("ingest: give at least one FILE, DIR, URL or FEED (or --urls FILE)")
	}
	if f.workers < 1 {
		return nil, nil, usagef("ingest: --workers must be at least 1")
	}
	if f.watch < 0 || (f.watch > 0 && (f.urls != "" || len(inputs) == 0)) {
		return nil, nil, usagef("ingest: --watch takes a positive interval and directories only")
	}
	if f.maxBytes < 1 {
		return nil, nil, usagef("ingest: --max-bytes must be positive")
	}
	return f, inputs, nil
}

// parseInterspersed parses fs from args allowing flags after positional arguments ("ingest a.txt --db x.db");
// "--" ends the flags. It returns the positional arguments.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := parseFlags(fs, args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), nil
		}
		pos, args = append(pos, rest[0]), rest[1:]
	}
}

func runIngest(ctx context.Context, e *env, args []string) error {
	f, inputs, err := parseIngestFlags(e, args)
	if err != nil {
		return err
	}
	published, err := publishedFlag("ingest", f.published)
	if err != nil {
		return err
	}
	sink, st, closeAll, err := openSink(ctx, e, f)
	if err != nil {
		return err
	}
	defer closeAll()
	f.fetch.MaxBytes, f.fetch.Logger = f.maxBytes, e.log
	client := fetch.New(f.fetch)
	in := &ingester{e: e, f: f, pipe: sink, client: client, published: published, st: st,
		feeds: feed.NewPoller(st, client, sink, feed.PollerOptions{Logger: e.log, MaxItems: 1000,
			Published: published}),
		docOpt: document.Options{MaxBytes: f.maxBytes, Published: published, Fetch: client},
		prog:   newIngestProgress(e.stderr, progressInterval(e.stderr, f.quiet), sink.Stats)}
	if f.watch > 0 {
		return in.watch(ctx, inputs)
	}
	return in.run(ctx, inputs)
}

// ingestBatchWait is the longest an extracted document waits for its batch to fill (a variable for tests, which
// make it long so that only Close writes); ingestWriteTimeout bounds each batch's write; ingestInterruptGrace
// bounds all the writes after an interruption.
var (
	ingestBatchWait      = pipeline.DefaultBatchWait
	ingestWriteTimeout   = 2 * time.Minute
	ingestInterruptGrace = 15 * time.Second
)

// ingester runs one batch: a producer walks the inputs into tasks, workers take them through the pipeline.
type ingester struct {
	e         *env
	f         *ingestFlags
	pipe      ingestSink
	client    *fetch.Client
	feeds     *feed.Poller
	published *event.Date
	docOpt    document.Options
	prog      *ingestProgress

	st store.Store
	// batch writes the documents of a run to the store in batches (nil with --nats): one transaction for many
	// documents costs far less than one each.
	batch *pipeline.Batch

	mu       sync.Mutex
	storeErr error // the first store failure: it stops the run
}

func (in *ingester) run(parent context.Context, inputs []string) error {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	if p, ok := in.pipe.(*pipeline.Pipeline); ok {
		// An interruption stops the reading and the extraction, but not the writing of documents extracted
		// already: they are written when the workers have stopped (Close below), so Ctrl-C loses none of them,
		// which matters for standard input, which cannot be read again. The writes get ingestInterruptGrace
		// after an interruption (or a store failure) in all, then the rest fail at once, so a locked or hung
		// store cannot hold the stop; a second Ctrl-C ends the process (see Run).
		wctx, stopWrites := context.WithCancel(context.WithoutCancel(ctx))
		defer stopWrites()
		defer context.AfterFunc(ctx, func() {
			if parent.Err() != nil && !in.f.quiet {
				fmt.Fprintf(in.e.stderr, "ingest: interrupted: storing the documents extracted so far (at most %s; Ctrl-C again to quit at once)\n",
					ingestInterruptGrace)
			}
			time.AfterFunc(ingestInterruptGrace, stopWrites)
		})() // stopped before the deferred cancel ends ctx at the normal end of the run
		in.batch = p.NewBatch(wctx, pipeline.BatchOptions{Wait: ingestBatchWait, WriteTimeout: ingestWriteTimeout})
	}
	tasks := make(chan task, 2*in.f.workers)
	go func() {
		defer close(tasks)
		in.produce(ctx, inputs, tasks)
	}()
	var wg sync.WaitGroup
	for range in.f.workers {
		wg.Go(func() {
			for {
				select {
				case t, ok := <-tasks:
					if !ok {
						return
					}
					in.work(ctx, t, cancel)
				case <-ctx.Done():
					return // the producer may be stuck reading standard input: do not wait for it
				}
			}
		})
	}
	wg.Wait()
	if in.batch != nil {
		in.batch.Close() // stores what waits in the batch, interrupted or not
	}
	sum := in.prog.finish()
	if pc, ok := in.pipe.(*publishCounter); ok {
		n := pc.n.Load()
		sum.Published = &n
	}
	if err := in.writeSummary(sum); err != nil {
		return err
	}
	switch {
	case in.storeErr != nil:
		return fmt.Errorf("ingest: stopped at a store failure: %w", in.storeErr)
	case parent.Err() != nil:
		return fmt.Errorf("ingest: interrupted: %w", parent.Err())
	case sum.Errors > 0:
		return inputError{fmt.Errorf("ingest: %d input(s) failed", sum.Errors)}
	}
	return nil
}

// stopOnStore remembers the first store failure and stops the run: the next documents would fail the same way.
func (in *ingester) stopOnStore(err error, cancel context.CancelFunc) {
	if !errors.Is(err, pipeline.ErrStore) {
		return
	}
	in.mu.Lock()
	if in.storeErr == nil {
		in.storeErr = err
	}
	in.mu.Unlock()
	cancel()
}
