package queue

import (
	"context"
	"log/slog"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// backoff is the delay before delivery n+1: Backoff doubled per delivery, at most MaxBackoff.
func (w *Worker) backoff(n int) time.Duration {
	d := w.opts.Backoff
	for i := 1; i < n && d < w.opts.MaxBackoff; i++ {
		d *= 2
	}
	return min(d, w.opts.MaxBackoff)
}

// retry hands the message back with a delay and pauses this worker's pulling for the same delay, so that an
// unreachable store does not burn through the stream's deliveries.
func (w *Worker) retry(m jetstream.Msg, n int, err error, log *slog.Logger) {
	d := w.backoff(n)
	log.Warn("processing failed, will retry", "err", err, "delay", d)
	if nerr := m.NakWithDelay(d); nerr != nil {
		log.Warn("nak lost; the document will be redelivered after the ack wait", "err", nerr)
	}
	w.retried.Add(1)
	w.pause(d)
}

// toDead copies the message to the dead-letter stream and terminates it; when the copy fails the message is
// handed back for a later try instead, so nothing is lost.
func (w *Worker) toDead(ctx context.Context, m jetstream.Msg, md *jetstream.MsgMetadata, reason string, log *slog.Logger) {
	if err := w.c.publishDead(context.WithoutCancel(ctx), m, md, reason); err != nil {
		log.Warn("dead letter failed, will retry", "err", err)
		_ = m.NakWithDelay(w.backoff(int(md.NumDelivered)))
		return
	}
	log.Error("document sent to the dead-letter stream", "reason", reason)
	if err := m.TermWithReason(headerValue(reason, 200)); err != nil {
		log.Warn("term lost", "err", err)
	}
	w.dead.Add(1)
}

// pause stops pulling new messages until d from now.
func (w *Worker) pause(d time.Duration) {
	w.pauseMu.Lock()
	defer w.pauseMu.Unlock()
	if until := time.Now().Add(d); until.After(w.pauseUntil) {
		w.pauseUntil = until
	}
}

// waitPause waits out a pause; it returns ctx's error when ctx ends first.
func (w *Worker) waitPause(ctx context.Context) error {
	w.pauseMu.Lock()
	d := time.Until(w.pauseUntil)
	w.pauseMu.Unlock()
	if d <= 0 {
		return nil
	}
	return sleep(ctx, d)
}
