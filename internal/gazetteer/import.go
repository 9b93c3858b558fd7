package gazetteer

import (
	"context"
	"errors"
	"path/filepath"
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
	AltNames int64 // alternate-name rows applied to a place (names it already had included)
	Skipped  int64 // rows left out: other classes, codes and links, names of unknown places
}

// ErrNoFiles is returned by Import when it is given nothing to import.
var ErrNoFiles = errors.New("gazetteer import: no files")

// Import reads GeoNames dumps (allCountries.zip or .txt, a country's XX.zip or XX.txt, cities*.zip,
// alternateNames.zip, alternateNamesV2.txt, admin1CodesASCII.txt) and merges them into the overlay of dir,
// which Open then adds to the embedded data. Files are streamed row by row; geoname tables are read first,
// then alternate names and division names, whatever the order given. The names of first-order divisions
// (from admin1CodesASCII.txt and the ADM1 rows of geoname tables) go to Admin1Name. The overlay is replaced only when every file was read without error: a bad row, a
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
	byKind := map[dumpKind][]string{}
	for _, f := range files {
		byKind[kindOf(f)] = append(byKind[kindOf(f)], f)
	}
	rows := map[dumpKind]func([]byte) error{
		geonameTable: s.geonameRow(opt, &st), altNamesTable: s.altRow(&st), admin1Table: s.admin1Row,
	}
	for _, k := range []dumpKind{geonameTable, altNamesTable, admin1Table} {
		if k == altNamesTable {
			s.indexIDs()
		}
		for _, f := range byKind[k] {
			if err := readDump(ctx, f, opt, &st, rows[k]); err != nil {
				return st, err
			}
		}
	}
	if err := writeAtomic(filepath.Join(dir, OverlayFile), s.write); err != nil {
		return st, err
	}
	st.Places = s.b.nLive
	return st, s.writeAdmin1(dir)
}

// dumpKind is the table a GeoNames file holds, told by its name.
type dumpKind int

const (
	geonameTable  dumpKind = iota // allCountries, XX, cities500, ...
	altNamesTable                 // alternateNames, alternateNamesV2
	admin1Table                   // admin1CodesASCII
)

// kindOf tells the table of a file or archive member by its name.
func kindOf(name string) dumpKind {
	base := strings.ToLower(filepath.Base(name))
	switch {
	case strings.HasPrefix(base, "alternatenames"):
		return altNamesTable
	case strings.HasPrefix(base, "admin1codes"):
		return admin1Table
	}
	return geonameTable
}
