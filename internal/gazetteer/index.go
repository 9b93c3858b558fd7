package gazetteer

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"slices"
	"sort"
	"sync"
)

// index is a read-only view over one index blob (see format.go).
type index struct {
	data    []byte
	nPlaces int
	places  []byte
	primary keyTable
	loose   keyTable
	strs    []byte

	fenceOnce [2]sync.Once // fences of primary and loose, built on first use
	fences    [2][]uint64
}

// openIndex checks the header and section bounds of data and returns a view over it.
func openIndex(data []byte) (*index, error) {
	if len(data) < headerSize || string(data[:4]) != magic {
		return nil, fmt.Errorf("%w: missing header", ErrFormat)
	}
	ix := &index{data: data, nPlaces: int(u32(data, 1))}
	nPrim, nLoose, nStr := int(u32(data, 2)), int(u32(data, 3)), int(u32(data, 4))
	off := headerSize + recordSize*ix.nPlaces
	if ix.nPlaces < 0 || off > len(data) || off < headerSize {
		return nil, fmt.Errorf("%w: places past end", ErrFormat)
	}
	ix.places = data[headerSize:off]
	var err error
	if ix.primary, off, err = parseKeyTable(data, off, nPrim); err != nil {
		return nil, err
	}
	if ix.loose, off, err = parseKeyTable(data, off, nLoose); err != nil {
		return nil, err
	}
	if off+nStr != len(data) {
		return nil, fmt.Errorf("%w: strings size %d, have %d", ErrFormat, nStr, len(data)-off)
	}
	ix.strs = data[off:]
	return ix, nil
}

// bytesAt returns the bytes of the string at ref, or nil when ref is out of range.
func (ix *index) bytesAt(ref uint32) []byte {
	if int(ref) >= len(ix.strs) {
		return nil
	}
	n, w := binary.Uvarint(ix.strs[ref:])
	start := int(ref) + w
	if w <= 0 || n > uint64(len(ix.strs)) || start+int(n) > len(ix.strs) {
		return nil
	}
	return ix.strs[start : start+int(n)]
}

// str returns the string at ref, or "" when ref is out of range.
func (ix *index) str(ref uint32) string { return string(ix.bytesAt(ref)) }

// place decodes place number i.
func (ix *index) place(i uint32) Place {
	r := ix.places[recordSize*int(i) : recordSize*int(i)+recordSize]
	le := binary.LittleEndian
	p := Place{
		ID:         int64(le.Uint32(r[recID:])),
		Lat:        float64(int32(le.Uint32(r[recLat:]))) / 1e6,
		Lon:        float64(int32(le.Uint32(r[recLon:]))) / 1e6,
		Population: int64(le.Uint32(r[recPop:])),
		Name:       ix.str(le.Uint32(r[recName:])),
		Code:       ix.str(le.Uint32(r[recCode:])),
		Admin1:     ix.str(le.Uint32(r[recAdmin1:])),
		Class:      r[recClass],
	}
	if r[recCountry] != 0 {
		p.Country = string(r[recCountry : recCountry+2])
	}
	return p
}

// key returns the bytes of key number k of table t.
func (ix *index) key(t *keyTable, k int) []byte { return ix.bytesAt(u32(t.keys, k)) }

// find returns the number of the first key of t that is >= s: a search of the fence of t (the 8-byte prefixes
// of every fenceStep-th key, one small array) narrows the binary search over the keys to a few neighbours.
func (ix *index) find(t *keyTable, s string) int {
	f := ix.fenceOf(t)
	ps := prefix8(s)
	loJ, _ := slices.BinarySearch(f, ps) // fence keys before loJ are < s
	hiJ := loJ
	for hiJ < len(f) && f[hiJ] == ps {
		hiJ++
	} // fence keys from hiJ on are > s
	lo, hi := 0, t.n
	if loJ > 0 {
		lo = (loJ-1)*fenceStep + 1
	}
	if hiJ < len(f) {
		hi = hiJ * fenceStep
	}
	return lo + sort.Search(hi-lo, func(k int) bool { return string(ix.key(t, lo+k)) >= s })
}

// findPlain is find without the fence, for tests.
func (ix *index) findPlain(t *keyTable, s string) int {
	return sort.Search(t.n, func(k int) bool { return string(ix.key(t, k)) >= s })
}

// fenceStep is the distance between the keys of a fence.
const fenceStep = 16

// fenceOf returns the fence of t (ix.primary or ix.loose), built on first use.
func (ix *index) fenceOf(t *keyTable) []uint64 {
	var i int
	switch t {
	case &ix.primary:
		i = 0
	case &ix.loose:
		i = 1
	default:
		return nil // no fence: find searches every key
	}
	ix.fenceOnce[i].Do(func() {
		f := make([]uint64, 0, (t.n+fenceStep-1)/fenceStep)
		for k := 0; k < t.n; k += fenceStep {
			f = append(f, prefix8(ix.key(t, k)))
		}
		ix.fences[i] = f
	})
	return ix.fences[i]
}

// prefix8 is the first 8 bytes of s as a big-endian number, zero-padded: a <= b bytewise implies
// prefix8(a) <= prefix8(b).
func prefix8[S string | []byte](s S) uint64 {
	var b [8]byte
	copy(b[:], s)
	return binary.BigEndian.Uint64(b[:])
}

// lookup appends the places whose key in t equals key.
func (ix *index) lookup(t *keyTable, key string, out []Place) []Place {
	k := ix.find(t, key)
	if k >= t.n || string(ix.key(t, k)) != key {
		return out
	}
	for j := u32(t.start, k); j < u32(t.start, k+1) && int(j) < len(t.posts)/4; j++ {
		if p := u32(t.posts, int(j)); int(p) < ix.nPlaces {
			out = append(out, ix.place(p))
		}
	}
	return out
}

// has reports whether lookup(t, key, nil) would return any place.
func (ix *index) has(t *keyTable, key string) bool {
	k := ix.find(t, key)
	if k >= t.n || string(ix.key(t, k)) != key {
		return false
	}
	for j := u32(t.start, k); j < u32(t.start, k+1) && int(j) < len(t.posts)/4; j++ {
		if p := u32(t.posts, int(j)); int(p) < ix.nPlaces {
			return true
		}
	}
	return false
}

// hasPrefix reports whether some primary key equals words or starts with words and a space.
func (ix *index) hasPrefix(words string) bool {
	t := &ix.primary
	k := ix.find(t, words)
	if k < t.n && string(ix.key(t, k)) == words {
		return true
	}
	k = ix.find(t, words+" ")
	return k < t.n && bytes.HasPrefix(ix.key(t, k), []byte(words+" "))
}

// byID finds the place with a GeoNames id by binary search (places are stored in id order).
func (ix *index) byID(id int64) (Place, bool) {
	if id <= 0 {
		return Place{}, false
	}
	i := sort.Search(ix.nPlaces, func(i int) bool {
		return int64(binary.LittleEndian.Uint32(ix.places[recordSize*i+recID:])) >= id
	})
	if i < ix.nPlaces {
		if p := ix.place(uint32(i)); p.ID == id {
			return p, true
		}
	}
	return Place{}, false
}
