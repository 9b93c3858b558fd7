package export

import "sitrep/internal/gazetteer"

// CountryNames maps an ISO 3166-1 alpha-2 code to the English country name of the embedded gazetteer, as
// ACLED's country column has it; a code the gazetteer does not know is kept. It is the default
// Options.CountryName, so every caller (the CLI's export, the API's /api/export) writes the same column.
func CountryNames(code string) string {
	g, err := gazetteer.Default()
	if err != nil {
		return code
	}
	if c, ok := g.Country(code); ok && c.Name != "" {
		return c.Name
	}
	return code
}
