package api

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"time"

	"sitrep/internal/event"
	"sitrep/internal/queue"
)

// DefaultDeadLetters is the number of dead letters GET /api/dead-letters lists when no limit is given.
const DefaultDeadLetters = 50

// maxDeadLetters caps the limit of GET /api/dead-letters.
const maxDeadLetters = 1000

// deadLetterPage is the answer of GET /api/dead-letters.
type deadLetterPage struct {
	DeadLetters []queue.DeadLetter `json:"dead_letters"`
}

// queued is the answer of POST /api/documents when documents go to the workers.
type queued struct {
	DocumentID string `json:"document_id"`
	Queued     bool   `json:"queued"`
	// Duplicate is true when the stream already held this document (republished within the duplicate window).
	Duplicate bool `json:"duplicate"`
}

// errNoQueue answers the queue routes of a server that is not wired to NATS.
var errNoQueue = errorf(http.StatusServiceUnavailable,
	"this server has no queue: dead letters are listed by a server started with --nats URL (or `sitrep worker --dead N`)")

// listDeadLetters answers GET /api/dead-letters: the most recent documents the workers gave up on, newest first.
func (s *Server) listDeadLetters(r *http.Request) (any, error) {
	q := r.URL.Query()
	if err := checkParams(q, []string{"limit"}); err != nil {
		return nil, err
	}
	limit, err := intParam(q, "limit", 1, maxDeadLetters)
	if err != nil {
		return nil, err
	}
	if limit == 0 {
		limit = DefaultDeadLetters
	}
	if s.opts.Queue == nil {
		return nil, errNoQueue
	}
	dead, err := s.opts.Queue.DeadLetters(r.Context(), limit)
	if err != nil {
		return nil, fmt.Errorf("dead letters: %w", err)
	}
	if dead == nil {
		dead = []queue.DeadLetter{}
	}
	return deadLetterPage{DeadLetters: dead}, nil
}

// enqueue publishes doc for the workers through the forwarder (which counts it): 202 with its id.
func (s *Server) enqueue(ctx context.Context, doc event.Document) (any, error) {
	out, err := s.opts.Forwarder.Process(ctx, doc)
	if err != nil {
		return nil, fmt.Errorf("queue document: %w", err)
	}
	return status{http.StatusAccepted, queued{DocumentID: out.DocumentID, Queued: true, Duplicate: out.Duplicate}}, nil
}

// writeQueueMetrics writes the queue's backlog as gauges; a queue that does not answer is logged and skipped,
// so /metrics still answers during a NATS outage.
func (s *Server) writeQueueMetrics(ctx context.Context, b *bufio.Writer) {
	if s.opts.Queue == nil {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	bl, err := s.opts.Queue.Backlog(ctx)
	if err != nil {
		s.log.Warn("metrics: queue backlog", "err", err)
		return
	}
	gauge(b, "sitrep_queue_pending", "Documents published and not yet delivered to a worker.", int64(bl.Pending))
	gauge(b, "sitrep_queue_in_progress", "Documents delivered to a worker and not yet acknowledged.", int64(bl.InProgress))
	gauge(b, "sitrep_queue_dead", "Dead letters kept.", int64(bl.Dead))
}
