package pipeline

import (
	"context"
	"sync"
	"sync/atomic"

	"sitrep/internal/document"
)

// window holds the fingerprints of recently stored documents for the near-duplicate check: a ring of at most
// size entries. A document that is still being extracted holds a pending entry, so a copy processed at the same
// time waits for it and links to it instead of racing it into the store as a second original.
type window struct {
	mu   sync.Mutex
	ring []*entry
	fps  []uint64 // fps[i] is ring[i].fp: find scans them without loading each entry
	n    int      // entries in the ring
	next int
}

// entry is one fingerprint. id is the stored document a copy should link to (the original, for a copy); it is
// set, or dead marked, before ready is closed. A pending entry whose document goes to a Batch has kick, which
// writes the batch that holds the document now (when it waits in one), and wanted, set when a copy waits for
// it; batch is 1 + the number of that batch (Batch.gen) once the document is queued, 0 before.
type entry struct {
	fp     uint64
	id     string
	dead   bool
	ready  chan struct{}
	kick   func(*entry)
	wanted atomic.Bool
	batch  atomic.Int64
}

// claim is the answer of window.claim: either of (the original a document copies) or own (its pending entry).
type claim struct {
	of  string
	own *entry
}

func newWindow(size int) *window {
	return &window{ring: make([]*entry, size), fps: make([]uint64, size)}
}

// claim finds a near-duplicate of fp among recent documents, waiting for one that is still pending (kicking its
// batch, if it has one, so that the wait is short). When there is none, it adds a pending entry for fp, with
// kick, which settle completes. A zero fingerprint (no words) never matches.
func (w *window) claim(ctx context.Context, fp uint64, kick func(*entry)) (claim, error) {
	if fp == 0 {
		return claim{}, nil
	}
	for {
		w.mu.Lock()
		e := w.find(fp)
		if e == nil {
			own := &entry{fp: fp, ready: make(chan struct{}), kick: kick}
			w.put(own)
			w.mu.Unlock()
			return claim{own: own}, nil
		}
		w.mu.Unlock()
		if e.kick != nil {
			e.wanted.Store(true)
			select {
			case <-e.ready:
			default:
				e.kick(e)
			}
		}
		select {
		case <-e.ready:
		case <-ctx.Done():
			return claim{}, ctx.Err()
		}
		w.mu.Lock()
		id, dead := e.id, e.dead
		w.mu.Unlock()
		if !dead {
			return claim{of: id}, nil
		}
	}
}

// find returns the newest live entry near fp, or nil. Call with mu held.
func (w *window) find(fp uint64) *entry {
	// Newest first: the entries before next, then (once the ring has wrapped) those after it.
	if e := w.scan(fp, w.fps[:w.next], 0); e != nil {
		return e
	}
	return w.scan(fp, w.fps[w.next:w.n], w.next)
}

// scan returns the newest live entry near fp among fps, which start at ring index off. Call with mu held.
func (w *window) scan(fp uint64, fps []uint64, off int) *entry {
	for i := len(fps) - 1; i >= 0; i-- {
		if document.NearDuplicate(fp, fps[i]) {
			if e := w.ring[off+i]; !e.dead {
				return e
			}
		}
	}
	return nil
}

// put adds e as the newest entry, dropping the oldest when the ring is full. Call with mu held.
func (w *window) put(e *entry) {
	w.ring[w.next], w.fps[w.next] = e, e.fp
	w.next = (w.next + 1) % len(w.ring)
	w.n = min(w.n+1, len(w.ring))
}

// settle completes a document's pending entry: live with the id copies should link to when the document is
// stored (or duplicates one that is), dead when it failed.
func (w *window) settle(c claim, out Outcome, err error) {
	if c.own == nil {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	switch {
	case err != nil || out.DocumentID == "":
		c.own.dead = true
	case out.DuplicateOf != "":
		c.own.id = out.DuplicateOf
	default:
		c.own.id = out.DocumentID
	}
	close(c.own.ready)
}

// add records a stored document's fingerprint (warm-up); copyOf is the original it copies, "" for an original.
func (w *window) add(fp uint64, id, copyOf string) {
	if fp == 0 {
		return
	}
	if copyOf != "" {
		id = copyOf
	}
	e := &entry{fp: fp, id: id, ready: make(chan struct{})}
	close(e.ready)
	w.mu.Lock()
	w.put(e)
	w.mu.Unlock()
}
