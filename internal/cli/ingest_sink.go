package cli

import (
	"context"
	"fmt"
	"sync/atomic"

	"sitrep/internal/event"
	"sitrep/internal/feed"
	"sitrep/internal/pipeline"
	"sitrep/internal/queue"
	"sitrep/internal/store"
)

// ingestSink takes the documents: the pipeline, or with --nats a queue.Forwarder that publishes them.
type ingestSink interface {
	feed.Processor
	Stats() pipeline.Stats
}

// openSink builds the pipeline over the --db store, or with --nats connects to NATS (the store is then opened
// only when --db is given, to skip URLs stored already). closeAll releases what was opened.
func openSink(ctx context.Context, e *env, f *ingestFlags) (ingestSink, store.Store, func(), error) {
	if f.nats != "" {
		c, err := queue.Dial(ctx, f.nats, queue.Options{Logger: e.log, Name: "sitrep ingest"})
		if err != nil {
			return nil, nil, nil, fmt.Errorf("ingest: %w", err)
		}
		fw := &publishCounter{ingestSink: c.Forwarder()}
		if !f.dbSet {
			return fw, nil, c.Close, nil
		}
		st, err := store.Open(ctx, f.db, store.Options{})
		if err != nil {
			c.Close()
			return nil, nil, nil, fmt.Errorf("ingest: %w", err)
		}
		return fw, st, func() { st.Close(); c.Close() }, nil
	}
	eng, err := f.engine.build(ctx, e)
	if err != nil {
		return nil, nil, nil, err
	}
	st, err := store.Open(ctx, f.db, store.Options{})
	if err != nil {
		return nil, nil, nil, fmt.Errorf("ingest: %w", err)
	}
	return pipeline.New(eng, st, pipeline.Options{Logger: e.log}), st, func() { st.Close() }, nil
}

// publishCounter counts the documents a NATS forwarder published (not refused, not already queued).
type publishCounter struct {
	ingestSink
	n atomic.Int64
}

// Process publishes doc and counts it.
func (p *publishCounter) Process(ctx context.Context, doc event.Document) (pipeline.Outcome, error) {
	out, err := p.ingestSink.Process(ctx, doc)
	if err == nil && !out.Duplicate {
		p.n.Add(1)
	}
	return out, err
}
