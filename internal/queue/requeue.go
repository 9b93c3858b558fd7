package queue

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Requeue moves up to limit dead letters, oldest first, back to the document stream for another round of
// tries (after fixing what made them fail: a long store outage, a lexicon gap) and returns how many it moved.
// Each is published before it is deleted from the dead-letter stream, under a message id of its own, so a
// crash in between leaves a copy in both places rather than in neither.
func (c *Client) Requeue(ctx context.Context, limit int) (int, error) {
	st, err := c.js.Stream(ctx, c.opts.DeadStream)
	if err != nil {
		return 0, fmt.Errorf("requeue: %w", err)
	}
	info, err := st.Info(ctx)
	if err != nil {
		return 0, fmt.Errorf("requeue: %w", err)
	}
	moved := 0
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq && seq > 0 && moved < limit; seq++ {
		raw, err := st.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue
		}
		if err != nil {
			return moved, fmt.Errorf("requeue %d: %w", seq, err)
		}
		if err := c.requeueOne(ctx, st, raw); err != nil {
			return moved, err
		}
		moved++
	}
	return moved, nil
}

// requeueOne republishes one dead letter and deletes it.
func (c *Client) requeueOne(ctx context.Context, st jetstream.Stream, raw *jetstream.RawStreamMsg) error {
	msg := nats.NewMsg(c.opts.Subject)
	msg.Data = raw.Data
	if id := raw.Header.Get(HeaderDocumentID); id != "" {
		msg.Header.Set(HeaderDocumentID, id)
	}
	id := "requeue-" + c.opts.DeadStream + "-" + strconv.FormatUint(raw.Sequence, 10)
	if _, err := c.publishRetry(ctx, msg, id); err != nil {
		return fmt.Errorf("requeue %d: %w", raw.Sequence, err)
	}
	if err := st.DeleteMsg(ctx, raw.Sequence); err != nil {
		return fmt.Errorf("requeue %d: %w", raw.Sequence, err)
	}
	return nil
}
