package gazetteer

import "testing"

func TestCountries(t *testing.T) {
	g := mustDefault(t)
	byName := map[string]string{
		"Syria": "SY", "Syrian Arab Republic": "SY", "the DRC": "CD", "DR Congo": "CD", "Burma": "MM",
		"Myanmar": "MM", "UK": "GB", "United States": "US", "Türkiye": "TR", "Côte d'Ivoire": "CI",
		"Ivory Coast": "CI", "Republic of the Congo": "CG", "the Gaza Strip": "", "Atlantis": "",
		"Zaire": "CD", "Gold Coast": "GH",
	}
	for name, want := range byName {
		c, ok := g.CountryByName(name)
		if ok != (want != "") || c.Code != want {
			t.Errorf("CountryByName(%q) = %q %v, want %q", name, c.Code, ok, want)
		}
	}
	former := map[string]bool{"Zaire": true, "the Gold Coast": true, "Rhodesia": true, "Ghana": false,
		"Burma": false, "DRC": false, "Aleppo": false}
	for name, want := range former {
		if got := g.IsFormerCountryName(name); got != want {
			t.Errorf("IsFormerCountryName(%q) = %v, want %v", name, got, want)
		}
	}
	byDemonym := map[string]string{
		"Syrian": "SY", "Syrians": "SY", "Russian": "RU", "Ukrainian": "UA", "Yemeni": "YE", "Congolese": "CD",
		"Iraqi": "IQ", "Israeli": "IL", "Palestinian": "PS", "Sudanese": "SD", "Turkish": "TR", "Aleppo": "",
	}
	for word, want := range byDemonym {
		c, ok := g.CountryByDemonym(word)
		if ok != (want != "") || c.Code != want {
			t.Errorf("CountryByDemonym(%q) = %q %v, want %q", word, c.Code, ok, want)
		}
	}
	sy, ok := g.Country("SYR")
	if !ok || sy.Code != "SY" || sy.Capital != "Damascus" {
		t.Errorf("Country(SYR) = %+v %v", sy, ok)
	}
	if _, ok := g.Country("ZZ"); ok {
		t.Error("Country(ZZ) found")
	}
	if n := len(g.Countries()); n < 240 {
		t.Errorf("Countries(): %d, want at least 240", n)
	}
}

// TestCountriesArePlaces checks every country is a PCLI place under its name, with its population.
func TestCountriesArePlaces(t *testing.T) {
	g := mustDefault(t)
	for _, c := range g.Countries() {
		found := false
		for _, p := range g.Lookup(c.Name) {
			if p.Code == "PCLI" && p.Country == c.Code && p.Population == c.Population {
				found = true
			}
		}
		if !found {
			t.Errorf("country %s (%s) is not a PCLI place", c.Name, c.Code)
		}
	}
}

func TestAdmin1(t *testing.T) {
	g := mustDefault(t)
	tests := []struct{ country, code, want string }{
		{"SY", "09", "Aleppo Governorate"},
		{"SY", "08", "Rif Dimashq Governorate"},
		{"IQ", "15", "Nineveh Governorate"},
		{"UA", "05", "Donetsk Oblast"},
		{"ZZ", "01", ""},
	}
	for _, tt := range tests {
		if got := g.Admin1Name(tt.country, tt.code); got != tt.want {
			t.Errorf("Admin1Name(%s, %s) = %q, want %q", tt.country, tt.code, got, tt.want)
		}
	}
	if p, ok := g.Admin1("SY", "12"); !ok || p.Name != "Idlib Governorate" || p.Code != "ADM1" || !near(p, 35.8, 36.6, 0.5) {
		t.Errorf("Admin1(SY, 12) = %+v %v", p, ok)
	}
	if _, ok := g.Admin1("SY", "99"); ok {
		t.Error("Admin1(SY, 99) found")
	}
	// The admin1 code of Aleppo the city names its governorate.
	for _, p := range g.Lookup("Aleppo") {
		if p.Code == "PPLA" && g.Admin1Name(p.Country, p.Admin1) != "Aleppo Governorate" {
			t.Errorf("Aleppo city admin1 %s.%s is not Aleppo Governorate", p.Country, p.Admin1)
		}
	}
}

// TestRussianRegions checks that the codes of the Russian regions in the facts are those the cities data gives
// their seats: each seat's admin1 code names its region.
func TestRussianRegions(t *testing.T) {
	g := mustDefault(t)
	tests := []struct{ seat, region string }{
		{"Belgorod", "Belgorod Oblast"}, {"Kursk", "Kursk Oblast"}, {"Bryansk", "Bryansk Oblast"},
		{"Krasnodar", "Krasnodar Krai"}, {"Rostov-na-Donu", "Rostov Oblast"}, {"Voronezh", "Voronezh Oblast"},
		{"Orël", "Oryol Oblast"}, {"Smolensk", "Smolensk Oblast"}, {"Kaluga", "Kaluga Oblast"}, {"Tula", "Tula Oblast"},
		{"Lipetsk", "Lipetsk Oblast"}, {"Tambov", "Tambov Oblast"}, {"Ryazan", "Ryazan Oblast"},
		{"Volgograd", "Volgograd Oblast"}, {"Saratov", "Saratov Oblast"}, {"Astrakhan", "Astrakhan Oblast"},
		{"Pskov", "Pskov Oblast"}, {"Tver", "Tver Oblast"}, {"Yaroslavl", "Yaroslavl Oblast"},
		{"Nizhniy Novgorod", "Nizhny Novgorod Oblast"}, {"Kaliningrad", "Kaliningrad Oblast"},
		{"Murmansk", "Murmansk Oblast"}, {"Groznyy", "Chechnya"}, {"Makhachkala", "Dagestan"}, {"Magas", "Ingushetia"},
		{"Vladikavkaz", "North Ossetia"}, {"Nalchik", "Kabardino-Balkaria"}, {"Kazan", "Tatarstan"},
		{"Ufa", "Bashkortostan"}, {"Gatchina", "Leningrad Oblast"}, {"Podolsk", "Moscow Oblast"},
	}
	for _, tt := range tests {
		found := false
		for _, p := range g.Lookup(tt.seat) {
			if p.Country != "RU" || p.Class != 'P' {
				continue
			}
			found = true
			if got := g.Admin1Name("RU", p.Admin1); got != tt.region {
				t.Errorf("%s (RU.%s) is in %q, want %q", tt.seat, p.Admin1, got, tt.region)
			}
			break
		}
		if !found {
			t.Errorf("no Russian place %q", tt.seat)
		}
	}
}

func TestCountryOf(t *testing.T) {
	g := mustDefault(t)
	tests := []struct{ in, want string }{
		{"SD", "SD"}, {"sd", "SD"}, {"SDN", "SD"}, {"Sudan", "SD"}, {"the DRC", "CD"}, {"Syrian Arab Republic", "SY"},
		{"Narnia", ""}, {"XX", ""}, {"", ""},
	}
	for _, tt := range tests {
		c, ok := g.CountryOf(tt.in)
		if got := c.Code; got != tt.want || ok != (tt.want != "") {
			t.Errorf("CountryOf(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}
