package text

import "math/bits"

// Table is a read-only index of a map of string keys: Get(k) is m[k] for the map m it was built from, faster
// than a Go map lookup for the short words the extractors' word sets hold. A key's first 8 bytes are packed
// into an integer that is both its hash and, with its length, its whole comparison when the key has at most
// 8 bytes; longer keys are compared as strings. Open addressing with linear probing, at most half full. The
// table does not follow later changes to m. The zero Table is empty.
type Table[V any] struct {
	slots []tableSlot[V]
	shift uint // 64 - log2(len(slots))
}

type tableSlot[V any] struct {
	w    uint64 // packWord of key
	key  string
	v    V
	used bool
}

// NewTable indexes the keys and values of m.
func NewTable[V any](m map[string]V) Table[V] {
	b := uint(1)
	for 1<<b < 2*len(m) {
		b++
	}
	t := Table[V]{slots: make([]tableSlot[V], 1<<b), shift: 64 - b}
	mask := uint64(len(t.slots) - 1)
	for k, v := range m {
		w := packWord(k)
		i := tableHash(k, w) >> t.shift
		for t.slots[i].used {
			i = (i + 1) & mask
		}
		t.slots[i] = tableSlot[V]{w: w, key: k, v: v, used: true}
	}
	return t
}

// Get returns the value of k, the zero value when k is no key.
func (t *Table[V]) Get(k string) V {
	v, _ := t.Lookup(k)
	return v
}

// Lookup returns the value of k and whether k is a key.
func (t *Table[V]) Lookup(k string) (V, bool) {
	if len(t.slots) == 0 {
		var zero V
		return zero, false
	}
	w := packWord(k)
	mask := uint64(len(t.slots) - 1)
	for i := tableHash(k, w) >> t.shift; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if !s.used {
			var zero V
			return zero, false
		}
		if s.w == w && len(s.key) == len(k) && (len(k) <= 8 || s.key == k) {
			return s.v, true
		}
	}
}

// packWord packs the first 8 bytes of s into an integer, the first byte lowest; equal for two strings of at
// most 8 bytes and the same length only when they are equal.
func packWord(s string) uint64 {
	var x uint64
	n := min(len(s), 8)
	for i := 0; i < n; i++ {
		x |= uint64(s[i]) << (8 * i)
	}
	return x
}

// tableHash hashes s, whose packWord is w: its length and every 8 bytes mixed in.
func tableHash(s string, w uint64) uint64 {
	x := w ^ uint64(len(s))<<56
	for i := 8; i < len(s); i += 8 {
		x = (x ^ bits.RotateLeft64(x, 29)) * 0x9E3779B97F4A7C15
		x ^= packWord(s[i:])
	}
	return x * 0x9E3779B97F4A7C15
}
