package queue

import (
	"context"
	"fmt"
	"maps"
	"strings"
	"sync"

	"sitrep/internal/document"
	"sitrep/internal/event"
	"sitrep/internal/pipeline"
)

// Forwarder stands in for a pipeline.Pipeline where documents should go to the workers instead of being
// processed here (ingest --nats, the feed poller of serve --nats): Process publishes, RecordError and Stats
// count as the pipeline does. Safe for concurrent use.
type Forwarder struct {
	c       *Client
	mu      sync.Mutex
	stats   pipeline.Stats
	reasons map[string]int64
}

// Forwarder returns a Forwarder publishing through c.
func (c *Client) Forwarder() *Forwarder {
	return &Forwarder{c: c, reasons: map[string]int64{}}
}

// Process publishes doc for the workers. The Outcome has the document id and, when the stream already held
// it (republished within the duplicate window), Duplicate; events are counted by the workers, not here. Empty
// text is refused here as the pipeline would.
func (f *Forwarder) Process(ctx context.Context, doc event.Document) (pipeline.Outcome, error) {
	var out pipeline.Outcome
	var err error
	if strings.TrimSpace(doc.Text) == "" {
		err = fmt.Errorf("document %s: %w", doc.ID+doc.URL, document.ErrEmpty)
	} else {
		var p Published
		p, err = f.c.Publish(ctx, doc)
		out = pipeline.Outcome{DocumentID: p.ID, Duplicate: p.Duplicate}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.stats.Documents++
	if out.Duplicate {
		f.stats.Duplicates++
	}
	if err != nil {
		f.count(err)
	}
	return out, err
}

// RecordError counts a failure that happened before a document reached Process and returns its reason.
func (f *Forwarder) RecordError(err error) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.count(err)
}

// count adds one error under its reason; f.mu is held.
func (f *Forwarder) count(err error) string {
	r := pipeline.Reason(err)
	f.stats.Errors++
	f.reasons[r]++
	return r
}

// Stats returns the running totals: Documents published (or refused), Duplicates, Errors by reason.
func (f *Forwarder) Stats() pipeline.Stats {
	f.mu.Lock()
	defer f.mu.Unlock()
	s := f.stats
	s.Reasons = maps.Clone(f.reasons)
	return s
}
