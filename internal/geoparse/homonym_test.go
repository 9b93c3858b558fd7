package geoparse

import (
	"strings"
	"testing"
)

// TestSingleCountryHomonyms checks, on reports centred on one country, that names are not read as small
// places abroad: not through a vote of another name that is itself such a place (by an alternate name), and
// that common words and acronyms are not taken for places known by them only as other names.
func TestSingleCountryHomonyms(t *testing.T) {
	p := testParser(t)
	const haiti = "Protesters burned tyres in Cap-Haïtien, Haiti, on Tuesday. "
	tests := []struct {
		name, text, topo string
		country          string // "" when the name must not be reported as a place
		kind             string
	}{
		{"street name not a town abroad", haiti + "Shops on Rue 24 were looted, police in Nord said.", "Rue", "", ""},
		{"division by its word", haiti + "Shops on Rue 24 were looted, police in the Nord department said.", "Nord",
			"HT", KindAdmin1},
		{"unknown division at the country", haiti + "Shops on Rue 24 were looted, police in Nord said.", "Nord",
			"HT", KindCountry},
		{"acronym after its name", "The Arakan Army (AA) said it had shelled the port town of Sittwe in Myanmar.",
			"AA", "", ""},
		{"acronym after its name keeps the town", "The Arakan Army (AA) said it had shelled the port town of Sittwe in Myanmar.",
			"Sittwe", "MM", KindCity},
		{"common word before of", "A grenade hit a police station in Cali, Colombia. Part of the roof fell in.", "Part",
			"", ""},
		{"direction word before an organisation", "Police in Colombia blamed the Central General Staff for the attack.",
			"Central", "", ""},
		{"direction word before a city", "Shelling hit Central Aleppo on Monday.", "Aleppo", "SY", KindCity},
		{"city abroad known by its English name", "Government forces shelled Idlib and Aleppo in Syria on Monday, as talks resumed in Geneva.",
			"Geneva", "CH", KindCity},
		{"branch of a group named after a region", "Fighters of the Islamic State Sahel Province attacked an army post in Niger.",
			"Sahel", "", ""},
		{"branch named after a region and its province word", "The Islamic State West Africa Province raided Monguno in Nigeria.",
			"West Africa", "", ""},
		{"the group's branch leaves the town", "The Islamic State West Africa Province raided Monguno in Nigeria.",
			"Monguno", "NG", KindCity},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := p.Parse(tt.text)
			if tt.country == "" {
				for _, got := range ts {
					if strings.Contains(got.Text, tt.topo) && got.Resolved {
						t.Errorf("%q read as %s (%s, %s)", got.Text, got.Name, got.Country, got.Rule)
					}
				}
				return
			}
			got := find(t, ts, tt.topo, 0)
			if got.Country != tt.country || got.Kind != tt.kind {
				t.Errorf("%q -> %s %s %s (%s), want %s %s", tt.topo, got.Name, got.Country, got.Kind, got.Rule,
					tt.country, tt.kind)
			}
		})
	}
}

// TestDatelineForms checks that the place a report is filed from is read and flagged as its dateline in the
// forms newsrooms write it.
func TestDatelineForms(t *testing.T) {
	p := testParser(t)
	tests := []struct{ name, text, topo, country string }{
		{"spaced em dash", "PORT SUDAN — Drones struck a fuel depot on Thursday, officials said.", "PORT SUDAN", "SD"},
		{"unspaced em dash", "PORT SUDAN—Drones struck a fuel depot on Thursday.", "PORT SUDAN", "SD"},
		{"country and agency", "PORT SUDAN, Sudan (AP) — Drones struck a fuel depot.", "PORT SUDAN", "SD"},
		{"date and agency", "PORT SUDAN, Aug 14 (Reuters) - Drones struck a fuel depot.", "PORT SUDAN", "SD"},
		{"after a headline", "Drones hit a fuel depot\nPORT SUDAN — Drones struck the depot on Thursday.", "PORT SUDAN", "SD"},
		{"mixed case", "Port Sudan — Drones struck a fuel depot on Thursday.", "Port Sudan", "SD"},
		{"another country's city", "PORT HARCOURT — Gunmen killed four people in Rivers State.", "PORT HARCOURT", "NG"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := find(t, p.Parse(tt.text), tt.topo, 0)
			if got.Country != tt.country || got.Kind != KindCity || !got.Dateline {
				t.Errorf("%q -> %s %s %s dateline %v, want a city of %s flagged as the dateline", tt.topo, got.Name,
					got.Country, got.Kind, got.Dateline, tt.country)
			}
		})
	}
}

// TestSharedCountryName checks that "Congo", the short name of two countries, is read by the document: the
// country it names in full, the places around it, or a city written with it.
func TestSharedCountryName(t *testing.T) {
	p := testParser(t)
	tests := []struct {
		name, text string
		nth        int
		country    string
	}{
		{"places of the east", "M23 rebels shelled Sake in eastern Congo's North Kivu province on Monday.", 0, "CD"},
		{"province of the west", "Gunmen killed seven people near Matadi in Congo's Kongo Central province.", 0, "CD"},
		{"capital written with it", "Protesters marched in Brazzaville, Congo, on Monday.", 0, "CG"},
		{"full name first", "Cholera spread in the Republic of Congo this month. Congo's health ministry said 40 died.", 0, "CG"},
		{"full name of the other first", "Cholera spread in the Democratic Republic of Congo this month. Congo's health ministry said 40 died.",
			0, "CD"},
		{"its cities", "Floods hit Pointe-Noire and Dolisie in Congo on Friday.", 0, "CG"},
		{"one city after it", "Unrest erupted in Congo on Monday. In Brazzaville, police fired tear gas.", 0, "CG"},
		{"one city of the other after it", "Unrest erupted in Congo on Monday. In Bukavu, police fired tear gas.", 0, "CD"},
		{"nothing else: the larger", "Congo announced new elections on Tuesday.", 0, "CD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := find(t, p.Parse(tt.text), "Congo", tt.nth)
			if got.Country != tt.country || got.Kind != KindCountry {
				t.Errorf("Congo -> %s %s %s (%s), want the country %s", got.Name, got.Country, got.Kind, got.Rule, tt.country)
			}
		})
	}
}
