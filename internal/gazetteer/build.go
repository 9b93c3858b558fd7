package gazetteer

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
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

// writeTo writes the index blob: the last place of each id wins, places in id order.
func (b *builder) writeTo(w io.Writer) error {
	if b.err != nil {
		return b.err
	}
	live, newIdx := b.liveOrder()
	b.nLive = len(live)
	prim := b.sortTable(b.prim, newIdx)
	loose := b.sortTable(b.loose, newIdx)
	if b.dedupe {
		b.relayout(live, prim, loose)
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	le := binary.LittleEndian
	hdr := make([]byte, headerSize)
	copy(hdr, magic)
	le.PutUint32(hdr[4:], uint32(len(live)))
	le.PutUint32(hdr[8:], uint32(countKeys(b, prim)))
	le.PutUint32(hdr[12:], uint32(countKeys(b, loose)))
	le.PutUint32(hdr[16:], uint32(len(b.arena)))
	bw.Write(hdr)
	rec := make([]byte, recordSize)
	for _, i := range live {
		b.encode(rec, &b.recs[i])
		bw.Write(rec)
	}
	b.writeTable(bw, prim)
	b.writeTable(bw, loose)
	bw.Write(b.arena)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write index: %w", err)
	}
	return nil
}

// liveOrder returns the numbers of the places to write, by id (id 0 first, in insertion order), dropping
// all but the last place of each nonzero id, and the new number of every place (MaxUint32 when dropped).
func (b *builder) liveOrder() ([]uint32, []uint32) {
	order := make([]uint32, len(b.recs))
	for i := range order {
		order[i] = uint32(i)
	}
	slices.SortStableFunc(order, func(x, y uint32) int { return cmp.Compare(b.recs[x].id, b.recs[y].id) })
	newIdx := make([]uint32, len(b.recs))
	live := order[:0]
	for j, i := range order {
		newIdx[i] = math.MaxUint32
		if id := b.recs[i].id; id != 0 && j+1 < len(order) && b.recs[order[j+1]].id == id {
			continue // a later place has the same id
		}
		newIdx[i] = uint32(len(live))
		live = append(live, i)
	}
	return live, newIdx
}

// sortTable renumbers the pairs of live places and sorts them by key, then most populous first, dropping
// repeated pairs.
func (b *builder) sortTable(pairs []kref, newIdx []uint32) []kref {
	out := make([]kref, 0, len(pairs))
	for _, p := range pairs {
		if n := newIdx[p.place]; n != math.MaxUint32 {
			out = append(out, kref{p.key, n})
		}
	}
	popOf := make([]uint32, len(newIdx))
	for i, n := range newIdx {
		if n != math.MaxUint32 {
			popOf[n] = b.recs[i].pop
		}
	}
	slices.SortFunc(out, func(x, y kref) int {
		if x.key != y.key {
			if c := bytes.Compare(b.keyAt(x.key), b.keyAt(y.key)); c != 0 {
				return c
			}
		}
		if c := cmp.Compare(popOf[y.place], popOf[x.place]); c != 0 {
			return c
		}
		return cmp.Compare(x.place, y.place)
	})
	return slices.CompactFunc(out, func(x, y kref) bool {
		return x.place == y.place && bytes.Equal(b.keyAt(x.key), b.keyAt(y.key))
	})
}

// countKeys counts the distinct keys of a sorted table.
func countKeys(b *builder, t []kref) int {
	n := 0
	for i := range t {
		if i == 0 || !sameKey(b, t[i-1], t[i]) {
			n++
		}
	}
	return n
}

func sameKey(b *builder, x, y kref) bool {
	return x.key == y.key || bytes.Equal(b.keyAt(x.key), b.keyAt(y.key))
}

// writeTable writes a sorted table: key refs, posting starts, postings.
func (b *builder) writeTable(w *bufio.Writer, t []kref) {
	var buf [4]byte
	le := binary.LittleEndian
	put := func(v uint32) { le.PutUint32(buf[:], v); w.Write(buf[:]) }
	for i := range t {
		if i == 0 || !sameKey(b, t[i-1], t[i]) {
			put(t[i].key)
		}
	}
	for i := range t {
		if i == 0 || !sameKey(b, t[i-1], t[i]) {
			put(uint32(i))
		}
	}
	put(uint32(len(t)))
	for _, p := range t {
		put(p.place)
	}
}

// encode writes one place record.
func (b *builder) encode(r []byte, p *prec) {
	le := binary.LittleEndian
	le.PutUint32(r[recID:], p.id)
	le.PutUint32(r[recLat:], uint32(p.lat))
	le.PutUint32(r[recLon:], uint32(p.lon))
	le.PutUint32(r[recPop:], p.pop)
	le.PutUint32(r[recName:], p.name)
	le.PutUint32(r[recCode:], p.code)
	le.PutUint32(r[recAdmin1:], p.admin1)
	r[recCountry], r[recCountry+1], r[recClass], r[recClass+1] = p.cc[0], p.cc[1], p.class, 0
}

// relayout rewrites the arena in the order the index reads it: the strings of the places in their order,
// then the keys of each table in sorted order. Sorted keys side by side compress better and make key
// searches touch fewer pages.
func (b *builder) relayout(live []uint32, tables ...[]kref) {
	old := b.arena
	moved := make(map[uint32]uint32, len(b.intern))
	b.arena = make([]byte, 0, len(old))
	move := func(ref uint32) uint32 {
		if r, ok := moved[ref]; ok {
			return r
		}
		n, w := binary.Uvarint(old[ref:])
		r := uint32(len(b.arena))
		b.arena = append(b.arena, old[ref:int(ref)+w+int(n)]...)
		moved[ref] = r
		return r
	}
	move(b.intern[""])
	for _, i := range live {
		p := &b.recs[i]
		p.name, p.code, p.admin1 = move(p.name), move(p.code), move(p.admin1)
	}
	for _, t := range tables {
		for i := range t {
			t[i].key = move(t[i].key)
		}
	}
	b.intern = nil // refs changed: the builder is spent
}
