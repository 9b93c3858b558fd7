package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"sitrep/internal/document"
	"sitrep/internal/event"
)

// Header names set on published documents and dead letters.
const (
	HeaderDocumentID = "Sitrep-Document-Id"
	HeaderReason     = "Sitrep-Reason"
	HeaderDeliveries = "Sitrep-Deliveries"
	HeaderStreamSeq  = "Sitrep-Stream-Seq"
)

// Published is the outcome of Publish.
type Published struct {
	ID string `json:"id"`
	// Duplicate is true when the stream already held a message with this id (republished within the window).
	Duplicate bool `json:"duplicate"`
}

// Publish sends doc to the document stream and waits for the server to store it. An empty id is derived from
// the URL and text (document.ID). While NATS is unreachable (a restart, a failover) it retries with a growing
// delay for up to Options.PublishRetry; republishing is safe because the message id is the document id.
func (c *Client) Publish(ctx context.Context, doc event.Document) (Published, error) {
	if doc.ID == "" {
		if doc.Text == "" && doc.URL == "" {
			return Published{}, ErrNoDocument
		}
		doc.ID = document.ID(doc.URL, doc.Text)
	}
	data, err := json.Marshal(doc)
	if err != nil {
		return Published{}, fmt.Errorf("publish %s: %w", doc.ID, err)
	}
	msg := nats.NewMsg(c.opts.Subject)
	msg.Data = data
	msg.Header.Set(HeaderDocumentID, doc.ID)
	ack, err := c.publishRetry(ctx, msg, doc.ID)
	if err != nil {
		return Published{}, fmt.Errorf("publish %s: %w", doc.ID, err)
	}
	return Published{ID: doc.ID, Duplicate: ack.Duplicate}, nil
}

// publishRetry publishes msg with id as its message id, retrying transient failures until PublishRetry ends.
func (c *Client) publishRetry(ctx context.Context, msg *nats.Msg, id string) (*jetstream.PubAck, error) {
	deadline := time.Now().Add(c.opts.PublishRetry)
	delay := 50 * time.Millisecond
	for {
		actx, cancel := context.WithTimeout(ctx, 5*time.Second)
		ack, err := c.js.PublishMsg(actx, msg, jetstream.WithMsgID(id))
		cancel()
		if err == nil {
			return ack, nil
		}
		if errors.Is(err, nats.ErrMaxPayload) {
			return nil, fmt.Errorf("%w: %d bytes is more than the NATS server's max_payload: %w",
				document.ErrTooLarge, len(msg.Data), err)
		}
		if ctx.Err() != nil || time.Now().Add(delay).After(deadline) || c.nc.IsClosed() {
			return nil, err
		}
		c.log.Debug("publish failed, retrying", "id", id, "err", err, "delay", delay)
		if err := sleep(ctx, delay); err != nil {
			return nil, err
		}
		delay = min(2*delay, 2*time.Second)
	}
}

// sleep waits d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
