package gazetteer

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// countryTable indexes the countries by code and by folded name and demonym.
type countryTable struct {
	list      []Country
	byCode    map[string]int
	byName    map[string]int
	byDemonym map[string]int
	names     KeyFilter       // the keys of byName
	demonyms  KeyFilter       // the keys of byDemonym
	former    map[string]bool // folded former names
}

// loadCountries reads data/countries.tsv (code, code3, name, aliases, former names, demonyms, capital, lat,
// lon, population) and adds every country to b as a PCLI place, indexed under its current and former names.
func loadCountries(b *builder) (*countryTable, error) {
	t := &countryTable{byCode: map[string]int{}, byName: map[string]int{}, byDemonym: map[string]int{},
		former: map[string]bool{}}
	err := readTSV("data/countries.tsv", 10, func(f []string) error {
		lat, lon, err := latLon(f[7], f[8])
		if err != nil {
			return err
		}
		pop, err := strconv.ParseInt(f[9], 10, 64)
		if err != nil || len(f[0]) != 2 || len(f[1]) != 3 {
			return fmt.Errorf("bad codes %q %q or population %q", f[0], f[1], f[9])
		}
		c := Country{Code: f[0], Code3: f[1], Name: f[2], Aliases: list(f[3]), Former: list(f[4]),
			Demonyms: list(f[5]), Capital: f[6], Lat: lat, Lon: lon, Population: pop}
		t.add(c)
		b.add(entry{Place: Place{Name: c.Name, Lat: lat, Lon: lon, Country: c.Code, Class: 'A', Code: "PCLI",
			Population: pop}, Names: append(slices.Clone(c.Aliases), c.Former...)}, nil)
		return nil
	})
	return t, err
}

// add registers c; the first country to claim a name or demonym keeps it.
func (t *countryTable) add(c Country) {
	i := len(t.list)
	t.list = append(t.list, c)
	t.byCode[c.Code] = i
	t.byCode[c.Code3] = i
	for _, n := range append([]string{c.Name}, c.Aliases...) {
		k := Fold(n)
		if _, ok := t.byName[k]; !ok {
			t.byName[k] = i
			t.names.Add(k)
		}
	}
	for _, n := range c.Former {
		k := Fold(n)
		if _, ok := t.byName[k]; !ok {
			t.byName[k], t.former[k] = i, true
			t.names.Add(k)
		}
	}
	for _, d := range c.Demonyms {
		for _, k := range demonymForms(Fold(d)) {
			if _, ok := t.byDemonym[k]; !ok {
				t.byDemonym[k] = i
				t.demonyms.Add(k)
			}
		}
	}
}

// demonymForms returns a folded demonym and, for those that take one, its plural ("syrian", "syrians";
// "iraqi", "iraqis"); demonyms in -ese, -ish, -ch and the like have none.
func demonymForms(k string) []string {
	if strings.HasSuffix(k, "n") || strings.HasSuffix(k, "i") || strings.HasSuffix(k, "k") {
		return []string{k, k + "s"}
	}
	return []string{k}
}

// Country returns the country with an ISO 3166-1 alpha-2 or alpha-3 code (case-insensitive).
func (g *Gazetteer) Country(code string) (Country, bool) {
	i, ok := g.countries.byCode[strings.ToUpper(code)]
	if !ok {
		return Country{}, false
	}
	return g.countries.list[i], true
}

// CountryOf returns the country v names, as a user writes it in a filter: an ISO 3166-1 alpha-2 or alpha-3
// code, else a name or alias ("Sudan", "the DRC").
func (g *Gazetteer) CountryOf(v string) (Country, bool) {
	if len(v) <= 3 {
		if c, ok := g.Country(v); ok {
			return c, true
		}
	}
	return g.CountryByName(v)
}

// CountryByName returns the country a name denotes: "Syria", "Syrian Arab Republic", "the DRC".
func (g *Gazetteer) CountryByName(name string) (Country, bool) {
	k := Fold(name)
	t := g.countries
	i, ok := 0, false
	if t.names.MayHold(k) {
		i, ok = t.byName[k]
	}
	if k2 := strings.TrimPrefix(k, "the "); !ok && t.names.MayHold(k2) {
		i, ok = t.byName[k2]
	}
	if !ok {
		return Country{}, false
	}
	return g.countries.list[i], true
}

// IsFormerCountryName reports whether name is only a former name of a country ("Gold Coast", "Zaire",
// "Rhodesia"): CountryByName still finds the country, but a place that bears the name today is the likelier
// reading.
func (g *Gazetteer) IsFormerCountryName(name string) bool {
	k := Fold(name)
	return g.countries.former[k] || g.countries.former[strings.TrimPrefix(k, "the ")]
}

// CountryByDemonym returns the country of a demonym: "Syrian" -> SY, "Russians" -> RU.
func (g *Gazetteer) CountryByDemonym(word string) (Country, bool) {
	k := Fold(word)
	if !g.countries.demonyms.MayHold(k) {
		return Country{}, false
	}
	i, ok := g.countries.byDemonym[k]
	if !ok {
		return Country{}, false
	}
	return g.countries.list[i], true
}

// Countries returns every country, in the order of the facts file (by ISO code).
func (g *Gazetteer) Countries() []Country { return slices.Clone(g.countries.list) }
