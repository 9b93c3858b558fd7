package gazetteer

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"sort"
)

// index is a read-only view over one index blob (see format.go).
type index struct {
	data    []byte
	nPlaces int
	places  []byte
	primary keyTable
	loose   keyTable
	strs    []byte
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

// find returns the number of the first key of t that is >= s.
func (ix *index) find(t *keyTable, s string) int {
	return sort.Search(t.n, func(k int) bool { return string(ix.key(t, k)) >= s })
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
