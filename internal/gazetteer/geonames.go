package gazetteer

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// GeoNames table layouts (https://download.geonames.org/export/dump/readme.txt).
const (
	geonameColumns = 19 // the geoname table: allCountries, XX, cities500, ...
	altColumnsV1   = 8  // alternateNames.txt (older layout)
	altColumnsV2   = 10 // alternateNamesV2.txt
)

// ErrRow reports a line of a GeoNames file that cannot be parsed; the error text names the problem.
var ErrRow = errors.New("bad row")

// parseGeoname parses one line of the geoname table into an entry whose Names are the raw alternate names.
func parseGeoname(line []byte) (entry, error) {
	var e entry
	if !utf8.Valid(line) {
		return e, fmt.Errorf("%w: invalid UTF-8", ErrRow)
	}
	cols := strings.Split(strings.TrimRight(string(line), "\r"), "\t")
	if len(cols) != geonameColumns {
		return e, fmt.Errorf("%w: %d columns, want %d", ErrRow, len(cols), geonameColumns)
	}
	id, err := strconv.ParseInt(cols[0], 10, 64)
	if err != nil || id <= 0 || id > 1<<32-1 {
		return e, fmt.Errorf("%w: geonameid %q", ErrRow, cols[0])
	}
	lat, err1 := strconv.ParseFloat(cols[4], 64)
	lon, err2 := strconv.ParseFloat(cols[5], 64)
	if err1 != nil || err2 != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		return e, fmt.Errorf("%w: coordinates %q %q", ErrRow, cols[4], cols[5])
	}
	var pop int64
	if cols[14] != "" {
		if pop, err = strconv.ParseInt(cols[14], 10, 64); err != nil || pop < 0 {
			return e, fmt.Errorf("%w: population %q", ErrRow, cols[14])
		}
	}
	if cols[1] == "" || len(cols[6]) > 1 || (cols[8] != "" && len(cols[8]) != 2) {
		return e, fmt.Errorf("%w: empty name, or bad class %q or country %q", ErrRow, cols[6], cols[8])
	}
	e.Place = Place{ID: id, Name: cols[1], Lat: lat, Lon: lon, Country: cols[8], Admin1: cols[10],
		Code: cols[7], Population: pop}
	if cols[6] != "" {
		e.Class = cols[6][0]
	}
	e.Names = append(e.Names, cols[2])
	if cols[3] != "" {
		e.Names = append(e.Names, strings.Split(cols[3], ",")...)
	}
	return e, nil
}

// altName is one row of the alternateNames table.
type altName struct {
	ID   int64  // the geonameid it names
	Lang string // ISO language, or a pseudo-language: link, post, iata, icao, abbr, ...
	Name string
}

// parseAltName parses one line of alternateNames.txt or alternateNamesV2.txt.
func parseAltName(line []byte) (altName, error) {
	var a altName
	if !utf8.Valid(line) {
		return a, fmt.Errorf("%w: invalid UTF-8", ErrRow)
	}
	line = bytes.TrimRight(line, "\r")
	cols := strings.Split(string(line), "\t")
	if len(cols) != altColumnsV1 && len(cols) != altColumnsV2 {
		return a, fmt.Errorf("%w: %d columns, want %d or %d", ErrRow, len(cols), altColumnsV1, altColumnsV2)
	}
	id, err := strconv.ParseInt(cols[1], 10, 64)
	if err != nil || id <= 0 || id > 1<<32-1 {
		return a, fmt.Errorf("%w: geonameid %q", ErrRow, cols[1])
	}
	return altName{ID: id, Lang: cols[2], Name: cols[3]}, nil
}

// keepAltLang reports whether an alternate name of this language is a name (not a link, postcode or code).
func keepAltLang(lang string) bool {
	switch lang {
	case "link", "post", "iata", "icao", "faac", "tcid", "unlc", "abbr", "wkdt", "fr_1793", "phon", "piny":
		return false
	}
	return true
}

// keepName is the alternate-name filter of the embedded and imported indexes: Latin-script names (by their
// folded key), without the short all-capital codes (airports, ICAO) that the cities files carry.
func keepName(raw, folded string) bool {
	if !asciiKey(folded) {
		return false
	}
	if len(raw) <= 4 && strings.ToUpper(raw) == raw {
		return false
	}
	return true
}
