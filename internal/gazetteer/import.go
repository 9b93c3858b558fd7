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
	s.indexIDs()
	for _, f := range alt {
		if err := readDump(ctx, f, opt, &st, s.altRow(&st)); err != nil {
			return st, err
		}
	}
	err = writeAtomic(filepath.Join(dir, OverlayFile), s.write)
	st.Places = s.b.nLive
	return st, err
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
