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
	size   *atomic.Int64 // entries of all the parser's caches, bounded by maxCached
}

type cacheShard[V any] struct {
	mu sync.RWMutex
	m  map[string]V
	_  [40]byte // keeps the locks of neighbouring shards off one cache line
}

// newCache returns an empty cache counting its entries in size.
func newCache[V any](size *atomic.Int64) *cache[V] {
	c := &cache[V]{seed: maphash.MakeSeed(), size: size}
	for i := range c.shards {
		c.shards[i].m = map[string]V{}
	}
	return c
}

// get returns the value of key, or compute(key) stored under a copy of key (so that the cache does not keep
// the text key was cut from).
func (c *cache[V]) get(key string, compute func(string) V) V {
	s := &c.shards[maphash.String(c.seed, key)%cacheShards]
	s.mu.RLock()
	v, ok := s.m[key]
	s.mu.RUnlock()
	if ok {
		return v
	}
	v = compute(key)
	if c.size.Add(1) < maxCached {
		s.mu.Lock()
		s.m[strings.Clone(key)] = v
		s.mu.Unlock()
	}
	return v
}
