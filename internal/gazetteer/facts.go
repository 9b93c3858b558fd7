package gazetteer

import (
	"bytes"
	"embed"
	"fmt"
	"strconv"
	"strings"
)

// facts holds the hand-written data files: countries, first-order divisions of the countries news covers
// most, and the seas, rivers and regions it names.
//
//go:embed data/countries.tsv data/admin1.tsv data/admin2.tsv data/us_counties.tsv data/features.tsv
var facts embed.FS

// admin1Fact is one first-order administrative division.
type admin1Fact struct {
	Name       string
	Lat, Lon   float64
	Population int64
	located    bool // Lat and Lon are known
}

// loadFacts parses the facts files into a gazetteer (countries, admin1 names) and an index of their places.
func loadFacts() (*Gazetteer, *index, error) {
	g := &Gazetteer{admin1: map[string]admin1Fact{}}
	b := newBuilder()
	b.dedupe = true
	var err error
	if g.countries, err = loadCountries(b); err != nil {
		return nil, nil, err
	}
	if err = loadAdmin1(g, b); err != nil {
		return nil, nil, err
	}
	if err = loadAdmin2(b); err != nil {
		return nil, nil, err
	}
	if err = loadFeatures(b); err != nil {
		return nil, nil, err
	}
	var buf bytes.Buffer
	if err := b.writeTo(&buf); err != nil {
		return nil, nil, err
	}
	ix, err := openIndex(buf.Bytes())
	return g, ix, err
}

// readTSV calls fn with the fields of every data row of a facts file ('#' lines are comments).
func readTSV(name string, cols int, fn func(f []string) error) error {
	data, err := facts.ReadFile(name)
	if err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != cols {
			return fmt.Errorf("%s:%d: %d columns, want %d", name, i+1, len(f), cols)
		}
		if err := fn(f); err != nil {
			return fmt.Errorf("%s:%d: %w", name, i+1, err)
		}
	}
	return nil
}

// list splits a '|'-separated facts field.
func list(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

// latLon parses a coordinate pair of a facts file.
func latLon(lat, lon string) (float64, float64, error) {
	y, err1 := strconv.ParseFloat(lat, 64)
	x, err2 := strconv.ParseFloat(lon, 64)
	if err1 != nil || err2 != nil || y < -90 || y > 90 || x < -180 || x > 180 {
		return 0, 0, fmt.Errorf("bad coordinates %q %q", lat, lon)
	}
	return y, x, nil
}

// loadAdmin1 reads data/admin1.tsv (see parseDivision) into the admin1 names and b.
func loadAdmin1(g *Gazetteer, b *builder) error {
	return readTSV("data/admin1.tsv", 7, func(f []string) error {
		e, err := parseDivision(f, "ADM1")
		if err != nil {
			return err
		}
		g.admin1[e.Country+"."+e.Admin1] = admin1Fact{Name: e.Name, Lat: e.Lat, Lon: e.Lon, Population: e.Population,
			located: true}
		b.add(e, nil)
		return nil
	})
}

// loadAdmin2 reads data/admin2.tsv and data/us_counties.tsv (see parseDivision) into b.
func loadAdmin2(b *builder) error {
	for _, name := range []string{"data/admin2.tsv", "data/us_counties.tsv"} {
		err := readTSV(name, 7, func(f []string) error {
			e, err := parseDivision(f, "ADM2")
			if err == nil {
				b.add(e, nil)
			}
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// parseDivision parses a row of the divisions files: country, GeoNames admin1 code, name, aliases, lat, lon,
// population.
func parseDivision(f []string, code string) (entry, error) {
	lat, lon, err := latLon(f[4], f[5])
	if err != nil {
		return entry{}, err
	}
	pop, err := strconv.ParseInt(f[6], 10, 64)
	if err != nil || pop < 0 || len(f[0]) != 2 {
		return entry{}, fmt.Errorf("bad country %q or population %q", f[0], f[6])
	}
	return entry{Place: Place{Name: f[2], Lat: lat, Lon: lon, Country: f[0], Admin1: f[1], Class: 'A', Code: code,
		Population: pop}, Names: list(f[3])}, nil
}

// loadFeatures reads data/features.tsv: name, aliases, class, code, country, lat, lon, population.
func loadFeatures(b *builder) error {
	return readTSV("data/features.tsv", 8, func(f []string) error {
		lat, lon, err := latLon(f[5], f[6])
		if err != nil {
			return err
		}
		pop, err := strconv.ParseInt(f[7], 10, 64)
		if err != nil || pop < 0 {
			return fmt.Errorf("bad population %q", f[7])
		}
		if len(f[2]) != 1 || (f[4] != "" && len(f[4]) != 2) {
			return fmt.Errorf("bad class %q or country %q", f[2], f[4])
		}
		b.add(entry{Place: Place{Name: f[0], Lat: lat, Lon: lon, Country: f[4], Class: f[2][0], Code: f[3],
			Population: pop},
			Names: list(f[1])}, nil)
		return nil
	})
}

// Admin1Name returns the name of a first-order division ("SY", "09" -> "Aleppo Governorate"), or "" when
// the facts do not cover it.
func (g *Gazetteer) Admin1Name(country, admin1 string) string {
	return g.admin1[country+"."+admin1].Name
}

// Admin1 returns a first-order division as a place (class 'A', code ADM1), when the facts cover it: the
// region an event falls back to when only its province is known.
func (g *Gazetteer) Admin1(country, admin1 string) (Place, bool) {
	f, ok := g.admin1[country+"."+admin1]
	if !ok || !f.located {
		return Place{}, false
	}
	return Place{Name: f.Name, Lat: f.Lat, Lon: f.Lon, Country: country, Admin1: admin1, Class: 'A', Code: "ADM1",
		Population: f.Population}, true
}
