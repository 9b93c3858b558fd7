// Package scratch recycles the slices a function collects values in before it hands out a copy of exactly
// their number (or reads them and drops them): a slice grown by doubling leaves, on average, a third of what
// it allocated unused, and a new one per call is garbage at once.
package scratch

import "sync"

// Pool recycles slices of T whose capacity is at most a bound: a slice that grew past it (one unusually long
// input) is left to the garbage collector instead of being kept for every later call.
type Pool[T any] struct {
	pool sync.Pool
	max  int
}

// New is a Pool keeping slices of capacity at most max.
func New[T any](max int) *Pool[T] {
	return &Pool[T]{max: max, pool: sync.Pool{New: func() any { return new([]T) }}}
}

// Get returns a slice from the pool, of length 0; append to (*p)[:0] and give the result back with Put.
func (p *Pool[T]) Get() *[]T { return p.pool.Get().(*[]T) }

// Put gives sp back holding used[:0], once used's elements are zeroed so that the pool keeps nothing they point
// to alive; used is the part of the slice that may hold values (its length, or its capacity when earlier
// contents may lie beyond it). A slice of capacity past the bound is dropped.
func (p *Pool[T]) Put(sp *[]T, used []T) {
	if cap(used) > p.max {
		return
	}
	clear(used)
	*sp = used[:0]
	p.pool.Put(sp)
}
