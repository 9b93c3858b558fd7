package gazetteer

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
)

// ErrTooLarge is returned when an index would pass the format's 4 GiB string limit.
var ErrTooLarge = errors.New("gazetteer: index too large")

// builder collects places and their name keys in flat arrays (a few dozen bytes per place and per name, so
// that a full GeoNames import fits in memory) and writes them as an index blob. Its string arena is laid out
// as the blob's strings section, so string refs are arena offsets.
type builder struct {
	recs   []prec
	arena  []byte
	intern map[string]uint32
	prim   []kref
	loose  []kref
	err    error
	nLive  int  // places written by the last writeTo
	dedupe bool // store each distinct string once (smaller output; a map entry per string while building)
}

// prec is one place as the builder holds it.
type prec struct {
	id, pop            uint32
	lat, lon           int32
	name, code, admin1 uint32 // arena refs
	cc                 [2]byte
	class              byte
}

// kref ties a key (an arena ref) to a place number.
type kref struct{ key, place uint32 }

func newBuilder() *builder {
	b := &builder{intern: map[string]uint32{}}
	b.internStr("")
	return b
}

// str appends s to the arena and returns its ref.
func (b *builder) str(s string) uint32 {
	ref := len(b.arena)
	if ref+len(s)+binary.MaxVarintLen64 > math.MaxUint32 {
		b.err = ErrTooLarge
		return 0
	}
	b.arena = binary.AppendUvarint(b.arena, uint64(len(s)))
	b.arena = append(b.arena, s...)
	return uint32(ref)
}

// internStr returns the ref of a short repeated string (codes), storing it once.
func (b *builder) internStr(s string) uint32 {
	if r, ok := b.intern[s]; ok {
		return r
	}
	r := b.str(s)
	b.intern[s] = r
	return r
}

// keyStr stores a key or name: interned when the builder deduplicates, else appended.
func (b *builder) keyStr(s string) uint32 {
	if b.dedupe {
		return b.internStr(s)
	}
	return b.str(s)
}

// keyAt returns the bytes of the arena string at ref.
func (b *builder) keyAt(ref uint32) []byte {
	n, w := binary.Uvarint(b.arena[ref:])
	start := int(ref) + w
	return b.arena[start : start+int(n)]
}

// addPlace appends a place and returns its number.
func (b *builder) addPlace(p Place) uint32 {
	if p.ID < 0 || p.ID > math.MaxUint32 || (p.Country != "" && len(p.Country) != 2) {
		b.err = fmt.Errorf("place %q: id %d or country %q out of range", p.Name, p.ID, p.Country)
		return 0
	}
	r := prec{id: uint32(p.ID), pop: uint32(min(max(p.Population, 0), math.MaxUint32)),
		lat: int32(math.Round(p.Lat * 1e6)), lon: int32(math.Round(p.Lon * 1e6)),
		name: b.keyStr(p.Name), code: b.internStr(p.Code), admin1: b.internStr(p.Admin1), class: p.Class}
	copy(r.cc[:], p.Country)
	b.recs = append(b.recs, r)
	return uint32(len(b.recs) - 1)
}

// addKey indexes place n under an already folded key and its loose key.
func (b *builder) addKey(n uint32, folded string) {
	b.prim = append(b.prim, kref{b.keyStr(folded), n})
	if l := looseFromFolded(folded); l != "" {
		b.loose = append(b.loose, kref{b.keyStr(l), n})
	}
}

// add indexes e under its main name and every alternate name that keep accepts (nil keeps all).
func (b *builder) add(e entry, keep func(raw, folded string) bool) {
	n := b.addPlace(e.Place)
	seen := make([]string, 0, len(e.Names)+1)
	for i := -1; i < len(e.Names); i++ {
		name := e.Name
		if i >= 0 {
			name = e.Names[i]
		}
		k := Fold(name)
		if k == "" || slices.Contains(seen, k) || (i >= 0 && keep != nil && !keep(name, k)) {
			continue
		}
		seen = append(seen, k)
		b.addKey(n, k)
		if rest := dropArticle(e.Country, k); rest != "" && !slices.Contains(seen, rest) {
			seen = append(seen, rest)
			b.addKey(n, rest)
		}
	}
}
