package queue

import (
	"context"
	"log/slog"
	"time"

	"sitrep/internal/event"
)

// ProcessFunc extracts and stores one document. It must be idempotent for a document id (the store dedupes by
// id and content hash), because a document can be delivered again after a crash. Wrap an error with Permanent
// (or return one IsPermanent knows) when retrying cannot help.
type ProcessFunc func(ctx context.Context, doc event.Document) error

// Batcher processes documents and stores them in batches, like pipeline.Batch: one transaction for many
// documents. Submit processes doc and calls done exactly once with its outcome, once the document is stored (its
// batch committed) or has failed: from Submit itself, or later from another goroutine (a later Submit, a timer,
// Flush). Like a ProcessFunc it must be idempotent for a document id. Flush stores what waits and returns once
// its done calls have run. A Batcher is used from several goroutines at once.
type Batcher interface {
	Submit(ctx context.Context, doc event.Document, done func(error))
	Flush()
}

// WorkerOptions tune a Worker. The zero value uses the defaults.
type WorkerOptions struct {
	// Workers is how many documents are checked and extracted at once; 1 when 0. With a batching Batcher, more
	// documents (up to the consumer's MaxAckPending) may wait, extracted, for their batch to be written.
	Workers int
	// MaxDeliver is how many times a document is tried before it goes to the dead-letter stream.
	MaxDeliver int
	// AckWait is how long the server waits for an answer before redelivering; a worker busy with one document
	// tells the server it is still working every AckWait/3.
	AckWait time.Duration
	// Backoff is the delay before the first retry; it doubles per delivery up to MaxBackoff.
	Backoff, MaxBackoff time.Duration
	// Permanent tells failures not worth retrying; IsPermanent when nil.
	Permanent func(error) bool
	// ProcessTimeout bounds one document's checks and extraction (also when stopping); 5*AckWait when 0. A
	// batching Batcher bounds its store writes itself (sitrep worker gives its batch the same bound).
	ProcessTimeout time.Duration
	Logger         *slog.Logger
}

func (o WorkerOptions) withDefaults(log *slog.Logger) WorkerOptions {
	o.Workers = max(o.Workers, 1)
	if o.MaxDeliver <= 0 {
		o.MaxDeliver = DefaultMaxDeliver
	}
	if o.AckWait <= 0 {
		o.AckWait = DefaultAckWait
	}
	if o.Backoff <= 0 {
		o.Backoff = DefaultBackoff
	}
	if o.MaxBackoff < o.Backoff {
		o.MaxBackoff = max(DefaultMaxBackoff, o.Backoff)
	}
	if o.Permanent == nil {
		o.Permanent = IsPermanent
	}
	if o.ProcessTimeout <= 0 {
		o.ProcessTimeout = 5 * o.AckWait
	}
	if o.Logger == nil {
		o.Logger = log
	}
	return o
}
