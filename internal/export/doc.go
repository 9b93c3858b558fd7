// Package export writes incidents as ACLED-style CSV, GeoJSON and JSON Lines, streaming from an iterator so
// that no export holds the whole store in memory. docs/export.md documents every column.
package export
