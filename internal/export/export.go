package export

import (
	"errors"
	"fmt"
	"io"
	"iter"

	"sitrep/internal/event"
)

// Formats.
const (
	FormatCSV     = "acled-csv"
	FormatGeoJSON = "geojson"
	FormatJSONL   = "jsonl"
)

// Formats lists the formats Write accepts.
var Formats = []string{FormatCSV, FormatGeoJSON, FormatJSONL}

// ErrUnknownFormat means Write was given a format not in Formats.
var ErrUnknownFormat = errors.New("unknown export format")

// Incidents is a stream of incidents; an error ends the export.
type Incidents = iter.Seq2[event.Incident, error]

// Options tune the row mapping.
type Options struct {
	// CountryName maps an ISO2 code to the country name in the country column; nil is CountryNames (the
	// embedded gazetteer's English names).
	CountryName func(iso2 string) string
}

// countryName is the CountryName to use: the caller's, or CountryNames.
func (o Options) countryName() func(string) string {
	if o.CountryName != nil {
		return o.CountryName
	}
	return CountryNames
}

// Write writes incs to w in format.
func Write(w io.Writer, format string, incs Incidents, opts Options) error {
	switch format {
	case FormatCSV:
		return WriteCSV(w, incs, opts)
	case FormatGeoJSON:
		return WriteGeoJSON(w, incs, opts)
	case FormatJSONL:
		return WriteJSONL(w, incs)
	}
	return fmt.Errorf("export %q (want one of %v): %w", format, Formats, ErrUnknownFormat)
}
