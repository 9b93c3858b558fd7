package geoparse

import (
	"strings"
	"sync"
	"sync/atomic"
)

// cache is a bounded concurrent map from folded keys to values, shared by all calls of a Parser. Reads take
// no lock: they look in an immutable map published through an atomic pointer, and only for a key it lacks in
// the map of new entries under a mutex, which is published with the rest once it holds a fifth as many
// (sync.Map boxes every string key it is asked for; a read-write lock costs two atomic writes per read, on a
// cache line every core shares).
type cache[V any] struct {
	read   atomic.Pointer[map[string]V] // never written once published
	mu     sync.Mutex
	dirty  map[string]V  // entries not yet in read, under mu
	unread atomic.Int64  // len(dirty), so that a miss with nothing unpublished takes no lock
	size   *atomic.Int64 // entries of the caches sharing this count, bounded by limit
	limit  int64
}

// minPublish is how many new entries a cache publishes at least at once.
const minPublish = 64

// newCache returns an empty cache counting its entries in size, which it keeps under limit.
func newCache[V any](size *atomic.Int64, limit int64) *cache[V] {
	return &cache[V]{size: size, limit: limit}
}

// get returns the value of key, or compute(key) stored under a copy of key (so that the cache does not keep
// the text key was cut from).
func (c *cache[V]) get(key string, compute func(string) V) V {
	v, ok := c.peek(key)
	if ok {
		return v
	}
	v = compute(key)
	c.put(key, v)
	return v
}

// peek returns the value of key, if the cache holds it.
func (c *cache[V]) peek(key string) (V, bool) {
	if m := c.read.Load(); m != nil {
		if v, ok := (*m)[key]; ok {
			return v, true
		}
	}
	if c.unread.Load() == 0 {
		var zero V
		return zero, false
	}
	c.mu.Lock()
	v, ok := c.dirty[key]
	c.mu.Unlock()
	return v, ok
}

// put stores v under a copy of key, unless the cache is full. The put that fills it publishes what is still
// unpublished, so that a full cache is read without a lock.
func (c *cache[V]) put(key string, v V) {
	full := c.size.Add(1) >= c.limit
	if full && c.unread.Load() == 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if !full {
		if c.dirty == nil {
			c.dirty = map[string]V{}
		}
		if _, ok := c.dirty[key]; !ok {
			c.dirty[strings.Clone(key)] = v
			c.unread.Add(1)
		}
	}
	var old map[string]V
	if p := c.read.Load(); p != nil {
		old = *p
	}
	if len(c.dirty) == 0 || !full && len(c.dirty) < max(minPublish, len(old)/4) {
		return
	}
	m := make(map[string]V, len(old)+len(c.dirty))
	for k, v := range old {
		m[k] = v
	}
	for k, v := range c.dirty {
		m[k] = v
	}
	c.read.Store(&m)
	c.dirty = nil
	c.unread.Store(0)
}
