package queue

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"sitrep/internal/event"
)

// handle processes one message and answers the server: Ack on success, Nak with a delay on a transient failure,
// dead letter and Term on a permanent one or at the last allowed delivery.
func (w *Worker) handle(ctx context.Context, m jetstream.Msg) {
	md, err := m.Metadata()
	if err != nil {
		w.log.Error("message without JetStream metadata", "subject", m.Subject(), "err", err)
		_ = m.Term()
		return
	}
	n := int(md.NumDelivered)
	log := w.log.With("seq", md.Sequence.Stream, "delivery", n, "id", m.Headers().Get(HeaderDocumentID))
	if n > w.opts.MaxDeliver {
		w.toDead(ctx, m, md, fmt.Sprintf("no answer after %d deliveries (worker crashed or timed out)", n-1), log)
		return
	}
	doc, err := decode(m.Data())
	if err == nil {
		err = w.run(ctx, m, doc)
	}
	switch {
	case err == nil:
		w.ack(ctx, m, log)
	case w.opts.Permanent(err):
		w.toDead(ctx, m, md, err.Error(), log)
	case n >= w.opts.MaxDeliver:
		w.toDead(ctx, m, md, fmt.Sprintf("failed %d times: %v", n, err), log)
	default:
		w.retry(m, n, err, log)
	}
}

// decode reads a published document; anything unusable is permanent.
func decode(data []byte) (event.Document, error) {
	var doc event.Document
	if err := json.Unmarshal(data, &doc); err != nil {
		return doc, Permanent(fmt.Errorf("decode document: %w", err))
	}
	if doc.ID == "" {
		return doc, Permanent(fmt.Errorf("decode document: %w", ErrNoDocument))
	}
	return doc, nil
}

// run calls the process function on a context that survives the worker's stop (so in-flight work finishes),
// bounded by ProcessTimeout, telling the server the message is in progress meanwhile. A panic is a permanent
// failure of that document.
func (w *Worker) run(ctx context.Context, m jetstream.Msg, doc event.Document) (err error) {
	pctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), w.opts.ProcessTimeout)
	defer cancel()
	done := make(chan struct{})
	defer close(done)
	go w.keepAlive(m, done)
	defer func() {
		if r := recover(); r != nil {
			err = Permanent(fmt.Errorf("panic while processing: %v", r))
		}
	}()
	return w.process(pctx, doc)
}

// keepAlive sends InProgress every AckWait/3 until done closes.
func (w *Worker) keepAlive(m jetstream.Msg, done <-chan struct{}) {
	t := time.NewTicker(w.opts.AckWait / 3)
	defer t.Stop()
	for {
		select {
		case <-done:
			return
		case <-t.C:
			_ = m.InProgress()
		}
	}
}

// ack acknowledges and waits for the server to confirm; a lost ack only means a redelivery, which the store
// dedupes.
func (w *Worker) ack(ctx context.Context, m jetstream.Msg, log *slog.Logger) {
	actx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err := m.DoubleAck(actx); err != nil {
		log.Warn("ack lost; the document will be redelivered and deduplicated", "err", err)
	}
	w.processed.Add(1)
}
