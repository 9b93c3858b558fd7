package gazetteer

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// ImportOptions tunes Import.
type ImportOptions struct {
	// Classes keeps only places of these GeoNames feature classes ("PAHTL"); empty keeps every class.
	Classes string
	// Progress, when set, is called every ProgressEvery rows of each file and once at its end.
	Progress func(file string, rows int64)
	// ProgressEvery is the row interval of Progress calls (default 1,000,000).
	ProgressEvery int64
}

// ImportStats counts what an import did.
type ImportStats struct {
	Rows     int64 // data rows read
	Places   int   // places in the overlay after the import
	AltNames int64 // alternate names added
	Skipped  int64 // rows left out: other classes, codes and links, names of unknown places
}

// ErrNoFiles is returned by Import when it is given nothing to import.
var ErrNoFiles = errors.New("gazetteer import: no files")

// Import reads GeoNames dumps (allCountries.zip or .txt, a country's XX.zip or XX.txt, cities*.zip,
// alternateNames.zip, alternateNamesV2.txt) and merges them into the overlay of dir, which Open then adds to
// the embedded data. Files are streamed row by row; geoname tables are read before alternate names, whatever
// the order given. The overlay is replaced only when every file was read without error: a bad row, a
// truncated archive or invalid UTF-8 stops the import with the file and line, and leaves the previous
// overlay as it was.
func Import(ctx context.Context, dir string, files []string, opt ImportOptions) (ImportStats, error) {
	var st ImportStats
	if len(files) == 0 {
		return st, ErrNoFiles
	}
	if opt.ProgressEvery <= 0 {
		opt.ProgressEvery = 1_000_000
	}
	s, err := newStaging(ctx, dir)
	if err != nil {
		return st, err
	}
	geo, alt := splitDumps(files)
	for _, f := range geo {
		if err := readDump(ctx, f, opt, &st, s.geonameRow(opt, &st)); err != nil {
			return st, err
		}
	}
	for _, f := range alt {
		if err := readDump(ctx, f, opt, &st, s.altRow(&st)); err != nil {
			return st, err
		}
	}
	st.Places = len(s.places)
	return st, writeAtomic(filepath.Join(dir, OverlayFile), s.write)
}

// splitDumps separates alternate-name files from geoname tables by name.
func splitDumps(files []string) (geo, alt []string) {
	for _, f := range files {
		if isAltNames(f) {
			alt = append(alt, f)
		} else {
			geo = append(geo, f)
		}
	}
	return geo, alt
}

// isAltNames reports whether a file or archive member holds the alternateNames table.
func isAltNames(name string) bool {
	return strings.HasPrefix(strings.ToLower(filepath.Base(name)), "alternatenames")
}

// staged is a place of the overlay being built, with its folded names.
type staged struct {
	Place
	names []string
}

// staging is the overlay under construction: the previous overlay plus the rows read so far.
type staging struct {
	places   map[int64]*staged
	embedded map[int64]Place // the embedded places by id, built on the first alternate name
}

// newStaging loads the previous overlay of dir, if any.
func newStaging(ctx context.Context, dir string) (*staging, error) {
	s := &staging{places: map[int64]*staged{}}
	ix, err := readOverlay(ctx, dir)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return nil, err
	}
	names := ix.namesByPlace()
	for i := range ix.nPlaces {
		p := ix.place(uint32(i))
		s.places[p.ID] = &staged{Place: p, names: names[i]}
	}
	return s, nil
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
		sp := &staged{Place: e.Place}
		for _, n := range e.Names {
			sp.addName(n)
		}
		s.places[e.ID] = sp
		return nil
	}
}

// altRow returns the handler of alternateNames rows: names of places in the overlay or the embedded data.
func (s *staging) altRow(st *ImportStats) func([]byte) error {
	return func(line []byte) error {
		a, err := parseAltName(line)
		if err != nil {
			return err
		}
		sp := s.find(a.ID)
		if sp == nil || !keepAltLang(a.Lang) || !sp.addName(a.Name) {
			st.Skipped++
			return nil
		}
		st.AltNames++
		return nil
	}
}

// find returns the staged place with id, copying it from the embedded data when only that has it.
func (s *staging) find(id int64) *staged {
	if sp := s.places[id]; sp != nil {
		return sp
	}
	if s.embedded == nil {
		s.embedded = embeddedByID()
	}
	p, ok := s.embedded[id]
	if !ok {
		return nil
	}
	sp := &staged{Place: p}
	s.places[id] = sp
	return sp
}

// addName adds the folded key of a raw name if the index keeps it and it is new; it reports whether it did.
func (sp *staged) addName(raw string) bool {
	k := Fold(raw)
	if !keepName(raw, k) || k == Fold(sp.Name) || slices.Contains(sp.names, k) {
		return false
	}
	sp.names = append(sp.names, k)
	return true
}

// write encodes the staged places, in id order, as an index.
func (s *staging) write(f *os.File) error {
	list := make([]*staged, 0, len(s.places))
	for _, sp := range s.places {
		list = append(list, sp)
	}
	slices.SortFunc(list, func(a, b *staged) int { return cmp.Compare(a.ID, b.ID) })
	b := newBuilder()
	for _, sp := range list {
		b.add(entry{Place: sp.Place, Names: sp.names}, nil)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if err := b.writeTo(w); err != nil {
		return fmt.Errorf("write gazetteer overlay: %w", err)
	}
	if err := w.Flush(); err != nil {
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
