package queue

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"sitrep/internal/event"
)

// handle processes one message and answers the server once the document is done (stored, or failed): Ack on
// success, Nak with a delay on a transient failure, dead letter and Term on a permanent one or at the last
// allowed delivery. With a batching Batcher it returns before the document is done; answer runs then.
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
	w.answers.Add(1)
	doc, err := decode(m.Data())
	if err != nil {
		w.answer(ctx, m, md, err, log)
		return
	}
	w.run(ctx, m, doc, func(err error) { w.answer(ctx, m, md, err, log) })
}

// answer tells the server the outcome err of message m.
func (w *Worker) answer(ctx context.Context, m jetstream.Msg, md *jetstream.MsgMetadata, err error, log *slog.Logger) {
	defer w.answers.Done()
	n := int(md.NumDelivered)
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

// run submits doc on a context that survives the worker's stop (so in-flight work finishes), bounded by
// ProcessTimeout, telling the server the message is in progress until the document is done. done is called
// once: on the Batcher's call when that comes before Submit returns, else in a goroutine of its own (so that
// the answers for the documents of one batch do not wait for each other, nor hold up the batch's writer). A
// panic while submitting is a permanent failure of that document.
func (w *Worker) run(ctx context.Context, m jetstream.Msg, doc event.Document, done func(error)) {
	pctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), w.opts.ProcessTimeout)
	alive := make(chan struct{})
	go w.keepAlive(m, alive)
	var mu sync.Mutex
	returned, finished := false, false
	finish := func(err error) {
		mu.Lock()
		if finished {
			mu.Unlock()
			return
		}
		finished = true
		later := returned
		mu.Unlock()
		close(alive)
		cancel()
		if later {
			go done(err)
		} else {
			done(err)
		}
	}
	defer func() {
		if r := recover(); r != nil {
			finish(Permanent(fmt.Errorf("panic while processing: %v", r)))
		}
		mu.Lock()
		returned = true
		mu.Unlock()
	}()
	w.batch.Submit(pctx, doc, finish)
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
