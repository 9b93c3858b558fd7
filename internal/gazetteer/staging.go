package gazetteer

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
)

// staging is the overlay under construction: the previous overlay plus the rows read so far, held in a
// builder (flat arrays, no per-place objects).
type staging struct {
	b        *builder
	ids      []idRef          // the builder's places by id, for alternate names (see indexIDs)
	copies   map[int64]uint32 // embedded places copied in to take alternate names
	embedded map[int64]Place  // the embedded places by id, built on first need
	admin1   map[string]admin1Name
}

// idRef maps a GeoNames id to a builder place number.
type idRef struct{ id, place uint32 }

// newStaging loads the previous overlay of dir, if any, into a builder.
func newStaging(ctx context.Context, dir string) (*staging, error) {
	s := &staging{b: newBuilder(), copies: map[int64]uint32{}, admin1: map[string]admin1Name{}}
	ix, err := readOverlay(ctx, dir)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return nil, err
	}
	for i := range ix.nPlaces {
		s.b.addPlace(ix.place(uint32(i)))
	}
	copyTable(s.b, ix, &ix.primary, &s.b.prim)
	copyTable(s.b, ix, &ix.loose, &s.b.loose)
	return s, s.b.err
}

// copyTable adds the key pairs of a table of ix to dst (the places of ix are the builder's first places).
func copyTable(b *builder, ix *index, t *keyTable, dst *[]kref) {
	for k := range t.n {
		ref := b.str(string(ix.key(t, k)))
		for j := u32(t.start, k); j < u32(t.start, k+1) && int(j) < len(t.posts)/4; j++ {
			if p := u32(t.posts, int(j)); int(p) < ix.nPlaces {
				*dst = append(*dst, kref{ref, p})
			}
		}
	}
}

// geonameRow returns the handler of geoname-table rows.
func (s *staging) geonameRow(opt ImportOptions, st *ImportStats) func([]byte) error {
	return func(line []byte) error {
		e, err := parseGeoname(line)
		if err != nil {
			return err
		}
		if opt.Classes != "" && strings.IndexByte(opt.Classes, e.Class) < 0 {
			st.Skipped++
			return nil
		}
		s.b.add(e, keepName)
		if e.Code == "ADM1" && e.Country != "" && e.Admin1 != "" {
			s.admin1[e.Country+"."+e.Admin1] = admin1Name{Name: e.Name, ID: e.ID}
		}
		return s.b.err
	}
}

// indexIDs sorts the builder's places by id for find; the last place of an id wins, as in the output.
func (s *staging) indexIDs() {
	s.ids = make([]idRef, 0, len(s.b.recs))
	for i, r := range s.b.recs {
		if r.id != 0 {
			s.ids = append(s.ids, idRef{r.id, uint32(i)})
		}
	}
	slices.SortStableFunc(s.ids, func(a, b idRef) int { return cmp.Compare(a.id, b.id) })
}

// altRow returns the handler of alternateNames rows: names of places in the overlay or the embedded data.
func (s *staging) altRow(st *ImportStats) func([]byte) error {
	return func(line []byte) error {
		a, err := parseAltName(line)
		if err != nil {
			return err
		}
		k := Fold(a.Name)
		if !keepAltLang(a.Lang) || k == "" || !keepName(a.Name, k) {
			st.Skipped++
			return nil
		}
		n, ok := s.find(a.ID)
		if !ok {
			st.Skipped++
			return nil
		}
		s.b.addKey(n, k)
		st.AltNames++
		return s.b.err
	}
}

// find returns the builder place with id, copying it from the embedded data when only that has it.
func (s *staging) find(id int64) (uint32, bool) {
	i, found := slices.BinarySearchFunc(s.ids, uint32(id), func(r idRef, id uint32) int { return cmp.Compare(r.id, id) })
	if found {
		for i+1 < len(s.ids) && s.ids[i+1].id == uint32(id) {
			i++
		}
		return s.ids[i].place, true
	}
	if n, ok := s.copies[id]; ok {
		return n, true
	}
	if s.embedded == nil {
		s.embedded = embeddedByID()
	}
	p, ok := s.embedded[id]
	if !ok {
		return 0, false
	}
	n := s.b.addPlace(p)
	s.b.addKey(n, Fold(p.Name))
	s.copies[id] = n
	return n, true
}

// write encodes the staged places as an index.
func (s *staging) write(f *os.File) error {
	if err := s.b.writeTo(f); err != nil {
		return fmt.Errorf("write gazetteer overlay: %w", err)
	}
	return nil
}

// embeddedByID maps the ids of the embedded places to them (nil when the embedded data cannot load).
func embeddedByID() map[int64]Place {
	g, err := Default()
	m := map[int64]Place{}
	if err != nil {
		return m
	}
	for _, ix := range g.layers {
		for i := range ix.nPlaces {
			if p := ix.place(uint32(i)); p.ID != 0 {
				m[p.ID] = p
			}
		}
	}
	return m
}
