package cli

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"time"

	"sitrep/internal/event"
	"sitrep/internal/pipeline"
	"sitrep/internal/queue"
	"sitrep/internal/store"
)

const workerUsage = `[flags]

Consumes the documents that 'sitrep ingest --nats' and 'sitrep serve --nats' publish to NATS JetStream, extracts
their events and writes them to the store (a postgres:// DSN lets many workers and 'sitrep serve' processes
share one store). A document is acknowledged only once stored; a failure is retried with a growing delay and,
after --max-deliver tries (at once when retrying cannot help: bad JSON, unsupported language), goes to the
dead-letter stream with its reason. Stops cleanly on SIGINT or SIGTERM, finishing the documents in hand.
With --dead N it prints the N most recent dead letters as JSON lines and exits; with --requeue N it moves the N
oldest dead letters back to the stream for another round of tries and exits. See docs/distributed.md.`

// workerFlags are the flags of `sitrep worker`.
type workerFlags struct {
	nats    string
	db      string
	dead    int
	requeue int
	queue   queue.Options
	opts    queue.WorkerOptions
	engine  engineFlags
}

func parseWorkerFlags(e *env, args []string) (*workerFlags, error) {
	f := &workerFlags{}
	fs := newFlagSet(e, "worker", workerUsage)
	// The defaults shown are the built-in ones; $SITREP_NATS and $SITREP_DB replace them after parsing (a DSN
	// in the environment may hold a password, which -h must not print).
	fs.StringVar(&f.nats, "nats", "nats://127.0.0.1:4222", "NATS server `url`s, comma-separated; $SITREP_NATS, when set, replaces the default")
	fs.StringVar(&f.db, "db", "sitrep.db", "the store: a postgres:// `DSN` or a SQLite file; $SITREP_DB, when set, replaces the default")
	fs.IntVar(&f.opts.Workers, "workers", runtime.GOMAXPROCS(0), "documents processed at once")
	fs.IntVar(&f.opts.MaxDeliver, "max-deliver", queue.DefaultMaxDeliver, "tries before a document goes to the dead-letter stream")
	fs.DurationVar(&f.opts.AckWait, "ack-wait", queue.DefaultAckWait, "how long NATS waits for a silent worker before redelivering")
	fs.DurationVar(&f.opts.Backoff, "backoff", queue.DefaultBackoff, "delay before the first retry (doubles per try)")
	fs.DurationVar(&f.opts.MaxBackoff, "max-backoff", queue.DefaultMaxBackoff, "longest delay between retries")
	fs.StringVar(&f.queue.Stream, "stream", queue.DefaultStream, "JetStream `stream` of documents (created when missing)")
	fs.StringVar(&f.queue.Subject, "subject", queue.DefaultSubject, "`subject` documents are published on")
	fs.StringVar(&f.queue.Consumer, "consumer", queue.DefaultConsumer, "durable consumer `name` shared by all workers")
	fs.IntVar(&f.dead, "dead", 0, "print the `n` most recent dead letters as JSON lines and exit")
	fs.IntVar(&f.requeue, "requeue", 0, "move the `n` oldest dead letters back to the stream and exit")
	f.engine.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return nil, err
	}
	if !flagSet(fs, "nats") {
		f.nats = envOr("SITREP_NATS", f.nats)
	}
	if !flagSet(fs, "db") {
		f.db = envOr("SITREP_DB", f.db)
	}
	switch {
	case fs.NArg() != 0:
		return nil, usagef("worker: unexpected arguments %q", fs.Args())
	case f.opts.Workers < 1:
		return nil, usagef("worker: --workers must be at least 1")
	case f.opts.MaxDeliver < 1:
		return nil, usagef("worker: --max-deliver must be at least 1")
	case f.opts.AckWait < time.Second:
		return nil, usagef("worker: --ack-wait must be at least 1s")
	case f.opts.Backoff <= 0 || f.opts.MaxBackoff < f.opts.Backoff:
		return nil, usagef("worker: want 0 < --backoff <= --max-backoff")
	case f.dead < 0 || f.requeue < 0:
		return nil, usagef("worker: --dead and --requeue must not be negative")
	case f.dead > 0 && f.requeue > 0:
		return nil, usagef("worker: --dead and --requeue exclude each other")
	}
	return f, nil
}

// envOr is the environment variable key, or def when it is unset or empty.
func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func runWorker(ctx context.Context, e *env, args []string) error {
	f, err := parseWorkerFlags(e, args)
	if err != nil {
		return err
	}
	f.queue.Name, f.queue.Logger = "sitrep worker", e.log
	c, err := queue.Dial(ctx, f.nats, f.queue)
	if err != nil {
		return fmt.Errorf("worker: %w", err)
	}
	defer c.Close()
	if f.dead > 0 {
		return printDead(ctx, e, c, f.dead)
	}
	if f.requeue > 0 {
		n, err := c.Requeue(ctx, f.requeue)
		e.log.Info("requeued dead letters", "moved", n)
		if err != nil {
			return fmt.Errorf("worker: %w", err)
		}
		return nil
	}
	eng, err := f.engine.build(ctx, e)
	if err != nil {
		return fmt.Errorf("worker: %w", err)
	}
	st, err := store.Open(ctx, f.db, store.Options{})
	if err != nil {
		return fmt.Errorf("worker: %w", err)
	}
	defer st.Close()
	pipe := pipeline.New(eng, st, pipeline.Options{Logger: e.log})
	f.opts.Logger = e.log
	// The batch's writes outlive ctx: when the worker stops, it writes what waits in the batch, then answers.
	// Each write is bounded as one document's processing is, so a hung database fails the batch's documents
	// (they are retried) instead of holding their messages in progress for ever.
	writeTimeout := f.opts.ProcessTimeout
	if writeTimeout <= 0 {
		writeTimeout = 5 * cmp.Or(f.opts.AckWait, queue.DefaultAckWait)
	}
	batch := pipe.NewBatch(context.WithoutCancel(ctx), pipeline.BatchOptions{WriteTimeout: writeTimeout})
	w := queue.NewBatchWorker(c, batchSink{batch}, f.opts)
	err = w.Run(ctx)
	batch.Close()
	ps := pipe.Stats()
	e.log.Info("worker summary", "documents", ps.Documents, "duplicates", ps.Duplicates, "events", ps.Events,
		"created", ps.Created, "merged", ps.Merged, "errors", ps.Errors, "dead", w.Stats().Dead)
	if err != nil {
		return fmt.Errorf("worker: %w", err)
	}
	return nil
}

// batchSink adapts a pipeline's Batch to the queue's Batcher: documents are stored many to a transaction, and
// each is acknowledged once its batch has committed.
type batchSink struct{ b *pipeline.Batch }

func (s batchSink) Submit(ctx context.Context, doc event.Document, done func(error)) {
	s.b.Submit(ctx, doc, func(_ pipeline.Outcome, err error) { done(err) })
}

func (s batchSink) Flush() { s.b.Flush() }

// printDead writes the n most recent dead letters, newest first, one JSON object a line.
func printDead(ctx context.Context, e *env, c *queue.Client, n int) error {
	dead, err := c.DeadLetters(ctx, n)
	if err != nil {
		return fmt.Errorf("worker: %w", err)
	}
	enc := json.NewEncoder(e.stdout)
	for _, d := range dead {
		if err := enc.Encode(d); err != nil {
			return fmt.Errorf("worker: %w", err)
		}
	}
	return nil
}
