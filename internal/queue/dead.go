package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"sitrep/internal/event"
)

// DeadLetter is a document that failed permanently or too often, as kept in the dead-letter stream.
type DeadLetter struct {
	Seq        uint64    `json:"seq"` // sequence in the dead-letter stream
	DocumentID string    `json:"document_id"`
	URL        string    `json:"url,omitempty"`
	Title      string    `json:"title,omitempty"`
	Reason     string    `json:"reason"`
	Deliveries int       `json:"deliveries"`
	At         time.Time `json:"at"`
	Bytes      int       `json:"bytes"` // size of the original message
}

// maxReason bounds the reason header.
const maxReason = 1000

// publishDead copies a failed message to the dead-letter stream with the reason; the message id is derived
// from the original stream sequence, so copying the same delivery twice (a crash before Term) keeps one.
func (c *Client) publishDead(ctx context.Context, m jetstream.Msg, md *jetstream.MsgMetadata, reason string) error {
	reason = headerValue(reason, maxReason)
	msg := nats.NewMsg(c.opts.DeadSubject)
	msg.Data = m.Data()
	if id := m.Headers().Get(HeaderDocumentID); id != "" {
		msg.Header.Set(HeaderDocumentID, id)
	}
	msg.Header.Set(HeaderReason, reason)
	msg.Header.Set(HeaderDeliveries, strconv.FormatUint(md.NumDelivered, 10))
	msg.Header.Set(HeaderStreamSeq, strconv.FormatUint(md.Sequence.Stream, 10))
	id := "dead-" + md.Stream + "-" + strconv.FormatUint(md.Sequence.Stream, 10)
	actx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if _, err := c.js.PublishMsg(actx, msg, jetstream.WithMsgID(id)); err != nil {
		return fmt.Errorf("dead letter %s: %w", id, err)
	}
	return nil
}

// DeadLetters returns up to limit of the most recent dead letters, newest first.
func (c *Client) DeadLetters(ctx context.Context, limit int) ([]DeadLetter, error) {
	st, err := c.js.Stream(ctx, c.opts.DeadStream)
	if err != nil {
		return nil, fmt.Errorf("dead letters: %w", err)
	}
	info, err := st.Info(ctx)
	if err != nil {
		return nil, fmt.Errorf("dead letters: %w", err)
	}
	var out []DeadLetter
	for seq := info.State.LastSeq; seq >= info.State.FirstSeq && seq > 0 && len(out) < limit; seq-- {
		raw, err := st.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue
		}
		if err != nil {
			return out, fmt.Errorf("dead letter %d: %w", seq, err)
		}
		out = append(out, deadLetter(raw))
	}
	return out, nil
}

// deadLetter reads one stored dead letter; a body that is not a document still yields the headers.
func deadLetter(raw *jetstream.RawStreamMsg) DeadLetter {
	d := DeadLetter{Seq: raw.Sequence, DocumentID: raw.Header.Get(HeaderDocumentID), Reason: raw.Header.Get(HeaderReason),
		At: raw.Time, Bytes: len(raw.Data)}
	d.Deliveries, _ = strconv.Atoi(raw.Header.Get(HeaderDeliveries))
	var doc event.Document
	if json.Unmarshal(raw.Data, &doc) == nil {
		d.URL, d.Title = doc.URL, doc.Title
		if d.DocumentID == "" {
			d.DocumentID = doc.ID
		}
	}
	return d
}

// headerValue makes s safe as a header value: one line, at most n bytes, cut at a rune boundary.
func headerValue(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "..."
}
