package geoparse

import "testing"

// TestDivisionWord checks that a name followed by a division word ("Sagaing region", "Idlib governorate"), or
// after "the province of", reads as the division, and that the bare name keeps its usual reading.
func TestDivisionWord(t *testing.T) {
	p := testParser(t)
	tests := []struct {
		name, text, topo string
		nth              int
		country, kind    string
		place            string // the resolved name
	}{
		{"region after a possessive", "Air strikes hit villages in Myanmar's Sagaing region on Tuesday.", "Sagaing", 0,
			"MM", KindAdmin1, "Sagaing Region"},
		{"governorate named after its seat", "Shelling was reported across Idlib governorate overnight.", "Idlib", 0,
			"SY", KindAdmin1, "Idlib Governorate"},
		{"state", "Gunmen attacked a cattle market in Kano state on Friday.", "Kano", 0, "NG", KindAdmin1, "Kano State"},
		{"region named after a town", "Clashes spread to Magway region and Bago region this week.", "Magway", 0,
			"MM", KindAdmin1, "Magway Region"},
		{"second of a pair", "Clashes spread to Magway region and Bago region this week.", "Bago", 0,
			"MM", KindAdmin1, "Bago Region"},
		{"region known by another name", "A drone hit an energy site in the Kharkiv region at night.", "Kharkiv", 0,
			"UA", KindAdmin1, "Kharkiv Oblast"},
		{"the province of", "Troops were sent to the province of Helmand in May.", "Helmand", 0, "AF", KindAdmin1,
			"Helmand Province"},
		{"krai of Russia", "Drones struck a refinery in Tuapse in Russia's Krasnodar region.", "Krasnodar", 0, "RU", KindAdmin1,
			"Krasnodar Krai"},
		{"oblast of Russia, then its city", "Shelling hit the Belgorod region. In Belgorod itself, sirens sounded.", "Belgorod", 1,
			"RU", KindCity, "Belgorod"},
		{"self-proclaimed republic", "Shelling hit Gorlovka in the Donetsk People's Republic on Monday.", "Donetsk People's Republic", 0,
			"UA", KindAdmin1, "Donetsk Oblast"},
		{"republic of Russia named alone", "Gunmen attacked a traffic police post in Dagestan on Sunday.", "Dagestan", 0,
			"RU", KindAdmin1, "Dagestan"},
		{"oblast of Russia with a region word", "Drones struck a fuel depot in Bryansk region overnight.", "Bryansk", 0,
			"RU", KindAdmin1, "Bryansk Oblast"},
		{"part of a region", "Russian guns shelled the outskirts of Kherson region overnight.", "Kherson", 0,
			"UA", KindAdmin1, "Kherson Oblast"},
		{"part of a city keeps the city", "Russian guns shelled the outskirts of Kherson overnight.", "Kherson", 0,
			"UA", KindCity, "Kherson"},
		{"capitalised head", "Troops moved into Magway Region on Sunday.", "Magway Region", 0, "MM", KindAdmin1,
			"Magway Region"},
		{"bare town keeps its reading", "A bomb exploded at a bus stop in Magway on Monday.", "Magway", 0, "MM",
			KindCity, "Magway"},
		{"city word keeps the city", "Shelling hit Idlib city on Monday.", "Idlib", 0, "SY", KindCity, "Idlib"},
		{"country before state media", "Iran state media reported the blast in the port.", "Iran", 0, "IR",
			KindCountry, "Iran"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := find(t, p.Parse(tt.text), tt.topo, tt.nth)
			if got.Country != tt.country || got.Kind != tt.kind || got.Name != tt.place {
				t.Errorf("%q -> %s %s %s (%s), want %s %s %s", tt.topo, got.Name, got.Country, got.Kind, got.Rule,
					tt.place, tt.country, tt.kind)
			}
		})
	}
}
