package queue

import (
	"context"
	"errors"
	"fmt"

	"github.com/nats-io/nats.go/jetstream"
)

// Backlog is the work the workers have not finished.
type Backlog struct {
	Pending    uint64 `json:"pending"`     // published, not yet delivered to a worker
	InProgress int    `json:"in_progress"` // delivered, not yet acknowledged
	Dead       uint64 `json:"dead"`        // dead letters kept
}

// Backlog reports the consumer's pending and unacknowledged documents and the number of dead letters (for
// /metrics and for waiting until a batch is done). Before any worker has started, every document in the
// stream counts as pending.
func (c *Client) Backlog(ctx context.Context) (Backlog, error) {
	var b Backlog
	dead, err := c.js.Stream(ctx, c.opts.DeadStream)
	if err != nil {
		return b, fmt.Errorf("backlog: %w", err)
	}
	di, err := dead.Info(ctx)
	if err != nil {
		return b, fmt.Errorf("backlog: %w", err)
	}
	b.Dead = di.State.Msgs
	cons, err := c.js.Consumer(ctx, c.opts.Stream, c.opts.Consumer)
	if errors.Is(err, jetstream.ErrConsumerNotFound) {
		docs, err := c.js.Stream(ctx, c.opts.Stream)
		if err != nil {
			return b, fmt.Errorf("backlog: %w", err)
		}
		si, err := docs.Info(ctx)
		if err != nil {
			return b, fmt.Errorf("backlog: %w", err)
		}
		b.Pending = si.State.Msgs
		return b, nil
	}
	if err != nil {
		return b, fmt.Errorf("backlog: %w", err)
	}
	ci, err := cons.Info(ctx)
	if err != nil {
		return b, fmt.Errorf("backlog: %w", err)
	}
	b.Pending, b.InProgress = ci.NumPending, ci.NumAckPending
	return b, nil
}
