package store

import (
	"sync"

	"sitrep/internal/event"
)

// eventCache holds the events this process stored lately, decoded, by eventKey, so that a merge into an
// incident whose body refers to them (see encodeBody) need not read them back from the events table and decode
// them again: reading and decoding them was about 8% of an ingest's CPU. Only the merge path reads it; readers
// (GetIncident, listings, exports, split) read the table.
//
// It is correct because an events row is never updated or deleted, and because an event is cached only when
// events.body decodes to it exactly (cacheable). A transaction's events are pending (seen by that transaction
// only, in its txn) until it commits (txWith calls commit; a rollback drops them with the txn), so the cache
// never holds an event that is not stored. An event another process stored is a miss, read from the table as before.
//
// The cache is bounded by count and by bytes: an event's strings may be slices of its document's text, so each
// entry is charged its JSON size and its document's text (counted again for each of its events).
type eventCache struct {
	mu         sync.Mutex
	m          map[string]cachedEvent
	order      []string // keys in the order they were put, oldest at head
	head       int
	bytes, max int
}

type cachedEvent struct {
	ev   event.Event
	cost int
}

// Bounds of the event cache: on the benchmark corpus (merges spread over the whole ingest), 8,192 events serve
// about four in five of the events merges read.
const (
	eventCacheEntries = 8192
	eventCacheBytes   = 64 << 20
)

func newEventCache(maxBytes int) *eventCache {
	return &eventCache{m: map[string]cachedEvent{}, max: maxBytes}
}

// putPending records ev, stored under key by tx, for tx alone until commit(tx).
func (c *eventCache) putPending(tx *txn, key string, ev event.Event, cost int) {
	if c == nil || cost > c.max {
		return
	}
	if tx.pending == nil {
		tx.pending = map[string]cachedEvent{}
	}
	tx.pending[key] = cachedEvent{ev, cost}
}

// commit caches the events tx stored, now that it has committed.
func (c *eventCache) commit(tx *txn) {
	if c == nil {
		return
	}
	for k, e := range tx.pending {
		c.put(k, e.ev, e.cost)
	}
	tx.pending = nil
}

// getIn returns the event of key as tx sees it: stored by tx, or cached.
func (c *eventCache) getIn(tx *txn, key string) (event.Event, bool) {
	if c == nil {
		return event.Event{}, false
	}
	if e, ok := tx.pending[key]; ok {
		return e.ev, true
	}
	return c.get(key)
}

// put caches ev under key, charged cost bytes, evicting the oldest entries past the bounds.
func (c *eventCache) put(key string, ev event.Event, cost int) {
	if c == nil || cost > c.max {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if old, ok := c.m[key]; ok {
		c.bytes -= old.cost
	} else {
		c.order = append(c.order, key)
	}
	c.m[key] = cachedEvent{ev, cost}
	c.bytes += cost
	for len(c.m) > eventCacheEntries || c.bytes > c.max {
		k := c.order[c.head]
		c.order[c.head] = ""
		c.head++
		if e, ok := c.m[k]; ok {
			c.bytes -= e.cost
			delete(c.m, k)
		}
	}
	if c.head > len(c.order)/2 && c.head > 1024 {
		c.order = append(c.order[:0:0], c.order[c.head:]...)
		c.head = 0
	}
}

// get returns the cached event of key.
func (c *eventCache) get(key string) (event.Event, bool) {
	if c == nil {
		return event.Event{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[key]
	return e.ev, ok
}
