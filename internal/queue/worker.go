package queue

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"sitrep/internal/event"
)

// WorkerStats are a worker's running totals.
type WorkerStats struct {
	Processed int64 `json:"processed"` // documents processed and acknowledged
	Retried   int64 `json:"retried"`   // failures handed back for a later retry
	Dead      int64 `json:"dead"`      // documents sent to the dead-letter stream
}

// Worker consumes documents from the shared durable consumer and processes them.
type Worker struct {
	c     *Client
	batch Batcher
	opts  WorkerOptions
	log   *slog.Logger

	answers sync.WaitGroup // answers to the server (ack, retry, dead letter) under way

	processed, retried, dead atomic.Int64
	pauseMu                  sync.Mutex
	pauseUntil               time.Time
}

// NewWorker returns a worker that hands each document to process.
func NewWorker(c *Client, process ProcessFunc, opts WorkerOptions) *Worker {
	return NewBatchWorker(c, oneByOne(process), opts)
}

// NewBatchWorker returns a worker that hands each document to b and answers the server when b is done with it:
// a document is acknowledged only once its batch has committed. Its handlers take the next message as soon as
// Submit returns, so up to the consumer's MaxAckPending documents may wait in b; when the worker stops, it
// flushes b and answers for every document before Run returns.
func NewBatchWorker(c *Client, b Batcher, opts WorkerOptions) *Worker {
	opts = opts.withDefaults(c.log)
	return &Worker{c: c, batch: b, opts: opts, log: opts.Logger.With("component", "worker")}
}

// oneByOne is the Batcher of a ProcessFunc: each document is done when process returns.
type oneByOne ProcessFunc

func (p oneByOne) Submit(ctx context.Context, doc event.Document, done func(error)) {
	done(p(ctx, doc))
}
func (oneByOne) Flush() {}

// Stats returns the running totals.
func (w *Worker) Stats() WorkerStats {
	return WorkerStats{Processed: w.processed.Load(), Retried: w.retried.Load(), Dead: w.dead.Load()}
}

// consumer creates or updates the durable consumer. The server's own MaxDeliver is unlimited: the worker
// counts deliveries itself, so that a document whose deliveries all ended in a crash still reaches the
// dead-letter stream instead of being dropped by the server.
func (w *Worker) consumer(ctx context.Context) (jetstream.Consumer, error) {
	cfg := jetstream.ConsumerConfig{
		Durable: w.c.opts.Consumer, AckPolicy: jetstream.AckExplicitPolicy, AckWait: w.opts.AckWait,
		MaxDeliver: -1, FilterSubject: w.c.opts.Subject, MaxAckPending: max(1000, 4*w.opts.Workers),
		Description: "sitrep workers",
	}
	cons, err := w.c.js.CreateOrUpdateConsumer(ctx, w.c.opts.Stream, cfg)
	if err != nil {
		return nil, fmt.Errorf("consumer %s: %w", cfg.Durable, err)
	}
	return cons, nil
}

// Run consumes until ctx ends, then finishes the documents in hand, acknowledges them and hands back the ones
// buffered but not started. It returns nil after a clean stop and an error when the connection is closed.
func (w *Worker) Run(ctx context.Context) error {
	cons, err := w.consumer(ctx)
	if err != nil {
		return err
	}
	// A few messages are buffered ahead of the handlers (their ack wait runs meanwhile); a buffer of exactly
	// Workers overflowed with status messages after a reconnect.
	it, err := cons.Messages(jetstream.PullMaxMessages(max(4, 2*w.opts.Workers)))
	if err != nil {
		return fmt.Errorf("consume: %w", err)
	}
	w.log.Info("worker started", "stream", w.c.opts.Stream, "consumer", w.c.opts.Consumer, "workers", w.opts.Workers)
	msgs := make(chan jetstream.Msg)
	var wg sync.WaitGroup
	for range w.opts.Workers {
		wg.Go(func() {
			for m := range msgs {
				w.handle(ctx, m)
			}
		})
	}
	err = w.feed(ctx, it, msgs)
	close(msgs)
	wg.Wait()
	w.batch.Flush()
	w.answers.Wait()
	w.log.Info("worker stopped", "processed", w.processed.Load(), "retried", w.retried.Load(), "dead", w.dead.Load())
	return err
}

// feed passes messages to the handlers until ctx ends or the iterator closes.
func (w *Worker) feed(ctx context.Context, it jetstream.MessagesContext, msgs chan<- jetstream.Msg) error {
	for {
		if err := w.waitPause(ctx); err != nil {
			return w.drain(it)
		}
		m, err := it.Next(jetstream.NextContext(ctx))
		switch {
		case ctx.Err() != nil:
			if m != nil {
				_ = m.Nak()
			}
			return w.drain(it)
		case errors.Is(err, jetstream.ErrMsgIteratorClosed):
			return fmt.Errorf("consume: %w", err)
		case err != nil:
			w.log.Warn("consume", "err", err)
			_ = sleep(ctx, 100*time.Millisecond) // no busy loop on a repeated error
			continue
		}
		select {
		case msgs <- m:
		case <-ctx.Done():
			_ = m.Nak()
			return w.drain(it)
		}
	}
}

// drain stops pulling and hands the buffered messages back for immediate redelivery elsewhere.
func (w *Worker) drain(it jetstream.MessagesContext) error {
	it.Drain()
	for {
		m, err := it.Next(jetstream.NextMaxWait(2 * time.Second))
		if err != nil {
			return nil
		}
		_ = m.Nak()
	}
}
