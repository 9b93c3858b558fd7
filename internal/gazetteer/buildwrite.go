package gazetteer

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"slices"
)

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
