package pipeline

import (
	"context"
	"fmt"
	"sync"
	"time"

	"sitrep/internal/event"
	"sitrep/internal/store"
)

// Batch defaults.
const (
	// DefaultBatchSize is how many documents a Batch writes in one transaction at most. A transaction writes
	// each page it changes once, however many documents changed it: 128 documents a transaction write about 30%
	// fewer pages than 32 (the index pages, which every document changes, are shared by more documents).
	DefaultBatchSize = 128
	// DefaultBatchWait is how long a document waits at most in a Batch that does not fill. A bulk ingest fills
	// its batches well within it.
	DefaultBatchWait = 500 * time.Millisecond
)

// BatchOptions tune a Batch. The zero value is usable.
type BatchOptions struct {
	Size int           // documents a transaction at most; DefaultBatchSize when 0
	Wait time.Duration // longest a document waits for its batch to fill; DefaultBatchWait when 0
	// WriteTimeout bounds each write of a batch to the store (a lock wait, a lost database connection), after
	// which its documents fail with a store error; no bound when 0.
	WriteTimeout time.Duration
}

// Batch takes documents through the pipeline as Process does, but writes the extracted documents to the store in
// batches (store.Batcher.PutResults, one transaction for up to Size documents), for callers that have many
// documents at hand, like a bulk ingest. A batch is written when it is full, when its first document has waited
// Wait, when a document needs one it holds written first (a near-duplicate of it, or a document with its id:
// that batch only, not one filled meanwhile), and on Flush and Close. Batches are written one at a time, in the
// order they were filled, by the goroutine that filled one (or the timer's, Flush's or Close's): while one is
// written, the other submitters go on extracting into the next, and one that fills it waits for the write before
// it writes its own, so at most one batch is written and one filled at a time. Each document's outcome is given
// to its callback once its batch has committed (or its write failed: a failing document costs only itself), and
// counted in the pipeline's Stats then. A Batch is safe for concurrent use.
type Batch struct {
	p            *Pipeline
	ctx          context.Context
	st           store.Batcher // nil when the store cannot batch: each document is then written alone
	size         int
	wait         time.Duration
	writeTimeout time.Duration

	flushMu sync.Mutex // held while a batch is written, so batches are written in the order they were taken

	mu      sync.Mutex
	pending []*queued
	ids     map[string]idRef // ids of documents pending or being written
	timer   *time.Timer
	gen     int // batches taken so far: a timer set for an earlier batch does nothing
	closed  bool
}

// idRef counts the documents with one id that are pending or being written in a Batch, and the newest one's batch.
type idRef struct{ n, gen int }

// queued is one extracted document waiting in a Batch.
type queued struct {
	doc   event.Document
	sd    store.Document
	res   event.Result
	claim claim
	out   Outcome
	done  func(Outcome, error)
}

// NewBatch returns a Batch over p; ctx bounds its writes. Close it to write what it still holds.
func (p *Pipeline) NewBatch(ctx context.Context, opts BatchOptions) *Batch {
	b := &Batch{p: p, ctx: ctx, size: opts.Size, wait: opts.Wait, writeTimeout: opts.WriteTimeout, ids: map[string]idRef{}}
	if b.size <= 0 {
		b.size = DefaultBatchSize
	}
	if b.wait <= 0 {
		b.wait = DefaultBatchWait
	}
	b.st, _ = p.st.(store.Batcher)
	return b
}

// Submit takes doc through the checks and the extraction now, and queues it to be stored with its batch. done
// is called once with the document's outcome, as Process would return it: from Submit itself when the
// document ends before the store (an error, an exact duplicate of a stored document), else from the goroutine
// that writes its batch (a later Submit, the timer, Flush or Close). done must not call Flush or Close. Unlike
// Process's, the outcome's Result lists no entities: a batch's callers keep only the stored events.
func (b *Batch) Submit(ctx context.Context, doc event.Document, done func(Outcome, error)) {
	p := b.p
	out, c, final, err := p.admit(ctx, &doc, b)
	if final {
		p.finish(doc, out, err)
		done(out, err)
		return
	}
	sd, res, err := p.extract(ctx, doc, c.of, false)
	if err != nil {
		p.recent.settle(c, out, err)
		p.finish(doc, out, err)
		done(out, err)
		return
	}
	q := &queued{doc: doc, sd: sd, res: res, claim: c, out: out, done: done}
	b.mu.Lock()
	gen := b.gen
	b.pending = append(b.pending, q)
	b.ids[doc.ID] = idRef{n: b.ids[doc.ID].n + 1, gen: gen}
	if c.own != nil {
		c.own.batch.Store(int64(gen) + 1) // before wanted is read below: see kick
	}
	full := len(b.pending) >= b.size || b.closed
	if len(b.pending) == 1 && !full {
		b.timer = time.AfterFunc(b.wait, func() { b.flushGen(gen) })
	}
	b.mu.Unlock()
	if full || (c.own != nil && c.own.wanted.Load()) {
		b.flushGen(gen)
	}
}

// kick writes the batch that holds e's document now, if the document waits in one, for a near-duplicate that
// waits for it (window.claim). When the batch is being written already, it waits for that write; when the
// document is not queued yet, its Submit writes the batch (the copy set wanted before kick reads batch, and
// Submit sets batch before it reads wanted, so one of them sees the other). Only the document's batch is
// written: a copy of a document in the batch being written does not cut the next one short.
func (b *Batch) kick(e *entry) {
	if g := e.batch.Load(); g > 0 {
		b.flushGen(int(g - 1))
	}
}

// Flush writes the documents queued so far and returns once their callbacks have run.
func (b *Batch) Flush() { b.flushGen(-1) }

// Close writes what the batch holds. A document submitted later is written at once.
func (b *Batch) Close() {
	b.mu.Lock()
	b.closed = true
	b.mu.Unlock()
	b.Flush()
}

// flushGen writes the pending batch if it is batch number gen, or whichever is pending when gen is -1. It waits
// for the batch being written, if any, first.
func (b *Batch) flushGen(gen int) {
	b.flushMu.Lock()
	defer b.flushMu.Unlock()
	b.mu.Lock()
	if gen >= 0 && gen != b.gen {
		b.mu.Unlock()
		return
	}
	qs := b.pending
	b.pending = nil
	b.gen++
	if b.timer != nil {
		b.timer.Stop()
		b.timer = nil
	}
	b.mu.Unlock()
	if len(qs) == 0 {
		return
	}
	b.write(qs)
	b.mu.Lock()
	for _, q := range qs {
		if r := b.ids[q.doc.ID]; r.n > 1 {
			b.ids[q.doc.ID] = idRef{n: r.n - 1, gen: r.gen}
		} else {
			delete(b.ids, q.doc.ID)
		}
	}
	b.mu.Unlock()
}

// write stores qs in one transaction (or one by one, when the store cannot batch or one of them fails) and
// completes each document. A panic in the store fails only the document it came from: the batch is then
// written again one document at a time, each under its own recover, so that every document is completed
// (a NATS worker's other messages would otherwise stay in progress for ever).
func (b *Batch) write(qs []*queued) {
	ings := make([]store.Ingest, len(qs))
	errs := make([]error, len(qs))
	if b.st == nil || !b.putAll(qs, ings, errs) {
		for i, q := range qs {
			ings[i], errs[i] = b.putOne(q)
		}
	}
	for i, q := range qs {
		out, err := q.out, errs[i]
		if err != nil {
			err = storeError(b.ctx, q.doc, err)
		} else {
			out = stored(ings[i], q.claim.of, q.res)
		}
		b.p.recent.settle(q.claim, out, err)
		b.p.finish(q.doc, out, err)
		q.done(out, err)
	}
}

// putAll writes qs in one transaction into ings and errs, and reports false when the store panicked.
func (b *Batch) putAll(qs []*queued, ings []store.Ingest, errs []error) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			b.p.log.Error("store panicked while writing a batch; writing its documents one by one", "documents", len(qs), "panic", r)
			ok = false
		}
	}()
	ctx, cancel := b.writeContext()
	defer cancel()
	rs := make([]store.Result, len(qs))
	for i, q := range qs {
		rs[i] = store.Result{Document: q.sd, Events: q.res.Events}
	}
	got, es := b.st.PutResults(ctx, rs)
	copy(ings, got)
	copy(errs, es)
	return true
}

// putOne writes one document; a panic in the store is its error.
func (b *Batch) putOne(q *queued) (ing store.Ingest, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic while storing: %v", r)
		}
	}()
	ctx, cancel := b.writeContext()
	defer cancel()
	return b.p.st.PutResult(ctx, q.sd, q.res.Events)
}

// writeContext is the context of one write: the batch's, bounded by WriteTimeout.
func (b *Batch) writeContext() (context.Context, context.CancelFunc) {
	if b.writeTimeout > 0 {
		return context.WithTimeout(b.ctx, b.writeTimeout)
	}
	return context.WithCancel(b.ctx)
}

// awaitID returns once the documents with id that are pending or being written are stored: it waits for the
// batch being written, and writes the pending batch when one of them waits in it.
func (b *Batch) awaitID(id string) {
	b.mu.Lock()
	r, ok := b.ids[id]
	b.mu.Unlock()
	if ok {
		b.flushGen(r.gen)
	}
}
