package geoparse

import (
	"hash/maphash"
	"strings"
	"sync"
	"sync/atomic"
)

// cacheShards is the number of independently locked parts of a cache.
const cacheShards = 32

// cache is a bounded concurrent map from folded keys to values, shared by all calls of a Parser: a typed map
// per shard under a read-write lock (sync.Map boxes every string key it is asked for).
type cache[V any] struct {
	seed   maphash.Seed
	shards [cacheShards]cacheShard[V]
	size   *atomic.Int64 // entries of the caches sharing this count, bounded by limit
	limit  int64
}

type cacheShard[V any] struct {
	mu sync.RWMutex
	m  map[string]V
	_  [40]byte // keeps the locks of neighbouring shards off one cache line
}

// newCache returns an empty cache counting its entries in size, which it keeps under limit.
func newCache[V any](size *atomic.Int64, limit int64) *cache[V] {
	c := &cache[V]{seed: maphash.MakeSeed(), size: size, limit: limit}
	for i := range c.shards {
		c.shards[i].m = map[string]V{}
	}
	return c
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
	s := c.shard(key)
	s.mu.RLock()
	v, ok := s.m[key]
	s.mu.RUnlock()
	return v, ok
}

// put stores v under a copy of key, unless the cache is full.
func (c *cache[V]) put(key string, v V) {
	if c.size.Add(1) < c.limit {
		s := c.shard(key)
		s.mu.Lock()
		s.m[strings.Clone(key)] = v
		s.mu.Unlock()
	}
}

// shard returns the shard of key.
func (c *cache[V]) shard(key string) *cacheShard[V] {
	return &c.shards[maphash.String(c.seed, key)%cacheShards]
}
