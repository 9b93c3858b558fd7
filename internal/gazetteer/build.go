package gazetteer

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"slices"
)

// builder collects places and their names and writes an index blob.
type builder struct {
	places  []Place
	primary map[string][]uint32
	loose   map[string][]uint32
}

func newBuilder() *builder {
	return &builder{primary: map[string][]uint32{}, loose: map[string][]uint32{}}
}

// add indexes e under its main name and every alternate name whose folded key is kept (see keep).
func (b *builder) add(e entry, keep func(raw, folded string) bool) {
	n := uint32(len(b.places))
	b.places = append(b.places, e.Place)
	seen := map[string]bool{}
	for i := -1; i < len(e.Names); i++ {
		name := e.Name
		if i >= 0 {
			name = e.Names[i]
		}
		k := Fold(name)
		if k == "" || seen[k] || (i >= 0 && keep != nil && !keep(name, k)) {
			continue
		}
		seen[k] = true
		b.primary[k] = append(b.primary[k], n)
		if l := looseFromFolded(k); l != "" && !seen["\x00"+l] {
			seen["\x00"+l] = true
			b.loose[l] = append(b.loose[l], n)
		}
	}
}

// stringTable deduplicates strings into the strings section.
type stringTable struct {
	buf  []byte
	refs map[string]uint32
}

func (s *stringTable) ref(v string) uint32 {
	if r, ok := s.refs[v]; ok {
		return r
	}
	r := uint32(len(s.buf))
	s.buf = binary.AppendUvarint(s.buf, uint64(len(v)))
	s.buf = append(s.buf, v...)
	s.refs[v] = r
	return r
}

// writeTo writes the index blob to w.
func (b *builder) writeTo(w io.Writer) error {
	st := &stringTable{refs: map[string]uint32{}}
	st.ref("")
	out := make([]byte, headerSize, headerSize+recordSize*len(b.places))
	copy(out, magic)
	for i := range b.places {
		rec, err := b.record(&b.places[i], st)
		if err != nil {
			return err
		}
		out = append(out, rec...)
	}
	out = b.appendTable(out, b.primary, st)
	out = b.appendTable(out, b.loose, st)
	le := binary.LittleEndian
	le.PutUint32(out[4:], uint32(len(b.places)))
	le.PutUint32(out[8:], uint32(len(b.primary)))
	le.PutUint32(out[12:], uint32(len(b.loose)))
	le.PutUint32(out[16:], uint32(len(st.buf)))
	if _, err := w.Write(out); err != nil {
		return fmt.Errorf("write index: %w", err)
	}
	if _, err := w.Write(st.buf); err != nil {
		return fmt.Errorf("write index strings: %w", err)
	}
	return nil
}

// record encodes one place.
func (b *builder) record(p *Place, st *stringTable) ([]byte, error) {
	if p.ID < 0 || p.ID > math.MaxUint32 {
		return nil, fmt.Errorf("place %q: id %d out of range", p.Name, p.ID)
	}
	if len(p.Country) != 0 && len(p.Country) != 2 {
		return nil, fmt.Errorf("place %q: country code %q is not two letters", p.Name, p.Country)
	}
	r := make([]byte, recordSize)
	le := binary.LittleEndian
	le.PutUint32(r[recID:], uint32(p.ID))
	le.PutUint32(r[recLat:], uint32(int32(math.Round(p.Lat*1e6))))
	le.PutUint32(r[recLon:], uint32(int32(math.Round(p.Lon*1e6))))
	le.PutUint32(r[recPop:], uint32(min(max(p.Population, 0), math.MaxUint32)))
	le.PutUint32(r[recName:], st.ref(p.Name))
	le.PutUint32(r[recCode:], st.ref(p.Code))
	le.PutUint32(r[recAdmin1:], st.ref(p.Admin1))
	copy(r[recCountry:recCountry+2], p.Country)
	r[recClass] = p.Class
	return r, nil
}

// appendTable appends a sorted key table; postings are ordered most populous first.
func (b *builder) appendTable(out []byte, m map[string][]uint32, st *stringTable) []byte {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	le := binary.LittleEndian
	for _, k := range keys {
		out = le.AppendUint32(out, st.ref(k))
	}
	total := uint32(0)
	for _, k := range keys {
		out = le.AppendUint32(out, total)
		total += uint32(len(m[k]))
	}
	out = le.AppendUint32(out, total)
	for _, k := range keys {
		ps := m[k]
		slices.SortStableFunc(ps, func(x, y uint32) int {
			return cmp.Compare(b.places[y].Population, b.places[x].Population)
		})
		for _, p := range ps {
			out = le.AppendUint32(out, p)
		}
	}
	return out
}
