package store

import (
	"bytes"
	"sync"

	"sitrep/internal/event"
)

// headCache holds the candidate heads (decodeHead) this process decoded lately, by incident rid, each with the
// exact body it was decoded from: the incidents near a report are candidates again for the reports that
// follow, and their bodies change only when one merges. A head is reused only for a body equal byte for byte
// to the one it was decoded from, and a head is a function of its body alone, so a reused head is the one
// decodeHead would return, whoever wrote the row (another process, a transaction rolled back since): nothing
// needs to be invalidated.
//
// The cached heads are shared by every candidate list that reuses them: candidates' heads are read only
// (incident.Merger.Assign and Score read them; a merge decodes the chosen incident's whole body,
// candidate.decodeIncident), and the body a candidate keeps is the cache's copy, which nothing writes either.
// TestHeadCacheUnchanged checks the entries against fresh decodes after an ingest.
//
// The cache is bounded by count and by bytes (each entry charged twice its body: the body and the head's
// strings, decoded copies).
type headCache struct {
	mu         sync.Mutex
	m          map[int64]cachedHead
	order      []int64 // rids in the order they were put, oldest at head
	head       int
	bytes, max int
	entries    int
}

type cachedHead struct {
	body []byte
	inc  event.Incident
	cost int
}

// Bounds of the head cache.
const (
	headCacheEntries = 4096
	headCacheBytes   = 16 << 20
)

func newHeadCache(maxEntries, maxBytes int) *headCache {
	return &headCache{m: map[int64]cachedHead{}, entries: maxEntries, max: maxBytes}
}

// get returns the head cached for rid and the body it was decoded from, when that body is body.
func (c *headCache) get(rid int64, body []byte) (event.Incident, []byte, bool) {
	if c == nil {
		return event.Incident{}, nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	h, ok := c.m[rid]
	if !ok || !bytes.Equal(h.body, body) {
		return event.Incident{}, nil, false
	}
	return h.inc, h.body, true
}

// put caches inc, decoded from body (which the cache keeps: its caller must not change it), as rid's head,
// evicting the oldest entries past the bounds.
func (c *headCache) put(rid int64, body []byte, inc event.Incident) {
	cost := 2*len(body) + 256
	if c == nil || cost > c.max {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if old, ok := c.m[rid]; ok {
		c.bytes -= old.cost
	} else {
		c.order = append(c.order, rid)
	}
	c.m[rid] = cachedHead{body, inc, cost}
	c.bytes += cost
	for len(c.m) > c.entries || c.bytes > c.max {
		k := c.order[c.head]
		c.head++
		if h, ok := c.m[k]; ok {
			c.bytes -= h.cost
			delete(c.m, k)
		}
	}
	if c.head > len(c.order)/2 && c.head > 1024 {
		c.order = append(c.order[:0:0], c.order[c.head:]...)
		c.head = 0
	}
}
