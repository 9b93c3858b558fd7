package geoparse

import (
	"testing"

	"sitrep/internal/event"
)

// TestContextOverOtherNames checks that in a document centred on one country, a name the gazetteer knows
// abroad only as a transliteration variant ("Konna" for Konya) or as another name of a foreign city ("Boni"
// for Bonn) is placed in that country, while a division's seat known abroad by its English name (Genève,
// "Geneva") keeps its reading.
func TestContextOverOtherNames(t *testing.T) {
	p := testParser(t)
	tests := []struct {
		name, text, topo string
		country          string // "" when the name must not be reported
		notName          string // a reading the name must not get
	}{
		{"variant abroad, village of",
			"MOPTI (Sahel Herald) - Jihadists attacked the village of Konna in central Mali on Wednesday, killing seven civilians.",
			"Konna", "ML", "Konya"},
		{"other name abroad, near",
			"Gunmen killed 12 people in the Mopti region of Mali. Separately, a convoy was ambushed near Boni on the road to Gao.",
			"Boni", "ML", "Bonn"},
		{"English name of a seat abroad",
			"Chad opened two more camps as Sudanese families crossed into Ouaddai and Wadi Fira, an aid official told reporters in Geneva.",
			"Geneva", "CH", ""},
		{"other name abroad in a list is no place of the town after it",
			"QUETTA (Indus Ledger) - Militants attacked Turbat, Gwadar, Mastung, Khar, Parachinar and Tank in Pakistan.",
			"Khar", "", ""},
		{"English spelling of a seat, no focus", "Talks were held in Doha and Geneva, and delegates flew to Kampala.",
			"Geneva", "CH", ""},
		{"city abroad listed with towns of the document's country",
			"PEMBA (Indian Ocean Wire) - Insurgents attacked Palma, Mocimboa and Macomia in Mozambique's Cabo Delgado province.",
			"Palma", "", ""},
		{"city of a neighbour listed with towns of the document's country",
			"KHARTOUM (Nile Dispatch) - Fighting hit Kosti, Malakal and Sennar, Sudanese officials in Sudan said.",
			"Malakal", "SS", ""},
		{"variant with nothing around it keeps its reading", "The delegation then met officials in Konna.", "Konna", "TR", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := p.Parse(tt.text)
			if tt.country == "" {
				notFound(t, ts, tt.topo)
				return
			}
			got := find(t, ts, tt.topo, 0)
			if got.Country != tt.country || tt.notName != "" && got.Name == tt.notName {
				t.Errorf("%q -> %s %s (%s), want a place of %s", tt.topo, got.Name, got.Country, got.Rule, tt.country)
			}
		})
	}
}

// TestFeatureWord checks that a country's or town's name followed by a lower-case feature word the gazetteer
// names with it ("the Niger river", "the Congo river") reads as the feature.
func TestFeatureWord(t *testing.T) {
	p := testParser(t)
	tests := []struct {
		name, text, topo, place, kind string
	}{
		{"river named like a country", "Soldiers crossed the Niger river near Gao on Monday.", "Niger", "Niger River", KindFeature},
		{"shared country name", "The Congo river flooded parts of Kinshasa.", "Congo", "Congo River", KindFeature},
		{"river named like a city", "Troops shelled the left bank of the Dnipro river in Kherson region.", "Dnipro", "Dnieper",
			KindFeature},
		{"country without the word", "Soldiers crossed into Niger near Gao on Monday.", "Niger", "Niger", KindCountry},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := find(t, p.Parse(tt.text), tt.topo, 0)
			if got.Name != tt.place || got.Kind != tt.kind {
				t.Errorf("%q -> %s %s (%s), want %s %s", tt.topo, got.Name, got.Kind, got.Rule, tt.place, tt.kind)
			}
		})
	}
}

// TestTransliteratedNames checks names the gazetteer holds under another spelling, found without the strong
// cue a single word needs: a run of several words with an Arabic article or after a verb of attack, and a
// word that continues a list of places after a cue; and that a word followed by an article and a name the
// gazetteer does not know ("Bab al-Hawa") is not read as a place of its own ("Bab", Al Bab).
func TestTransliteratedNames(t *testing.T) {
	p := testParser(t)
	tests := []struct {
		name, text, topo string
		country, place   string // place "": any place of country
		absent           []string
	}{
		{"article, no cue", "Israeli tanks advanced on Deir al-Balah and Beit Lahia overnight.", "Deir al-Balah", "PS",
			"Dayr al Balaḩ", nil},
		{"list after a cue", "Coalition jets struck targets in Sanaa and Saada on Saturday.", "Saada", "YE", "Sa'dah", nil},
		{"several words after a verb of attack", "Somali forces retook Bulo Burte from the militants on Monday.",
			"Bulo Burte", "SO", "Buulobarde", nil},
		{"unknown compound after a cue", "Aid trucks crossed at Bab al-Hawa into Idlib on Sunday.", "Bab al-Hawa", "SY", "",
			[]string{"Bab"}},
		{"variant with a division word", "Fighting spread in Hiraan region and in Bakol region.", "Hiraan", "SO",
			"Hiiraan region", nil},
		{"closest variant", "Fighting spread in Hiraan region and in Bakol region.", "Bakol", "SO", "Bakool region", nil},
		{"English word is no article", "Tribal elders from South Waziristan met in Bannu at Government College on Monday.", "Bannu",
			"PK", "Bannu", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := p.Parse(tt.text)
			got := find(t, ts, tt.topo, 0)
			if got.Country != tt.country || tt.place != "" && got.Name != tt.place {
				t.Errorf("%q -> %s %s (%s), want %s %s", tt.topo, got.Name, got.Country, got.Rule, tt.place, tt.country)
			}
			for _, a := range tt.absent {
				notFound(t, ts, a) // not on its own
			}
		})
	}
	for _, text := range []string{
		"Hafez al-Assad ruled for three decades.",
		"Hayat Tahrir al-Sham fighters attacked Jabhat al-Nusra positions, said Abu Mohammed al-Julani.",
	} {
		if ts := p.Parse(text); len(ts) > 0 {
			t.Errorf("%q: want no place, got %v", text, texts(ts))
		}
	}
}

// TestDistrictWords checks the place a district, township or municipality word makes of a name: the seat
// town or a lower division it is named after, at precision near for a district (not the first-order division
// of the same name); the town that holds it after "a district of" or "the X district of"; and that a
// name owned by a division or city ("Sagaing region's Kani township", "Mogadishu's Hodan district") is
// placed inside it.
func TestDistrictWords(t *testing.T) {
	p := testParser(t)
	tests := []struct {
		name, text, topo string
		nth              int
		country, place   string
		kind, precision  string
	}{
		{"district named after its seat", "Clashes were reported in Kirkuk district on Monday, Iraqi officials said.", "Kirkuk", 0,
			"IQ", "Kirkuk", KindCity, event.LocNear},
		{"district of a governorate's town", "Fighting continued in Marib's Sirwah district on Sunday.", "Sirwah", 0,
			"YE", "", KindCity, event.LocNear},
		{"a district of a city", "Drones hit an energy facility in Kryvyi Rih and a district of Odesa on Tuesday.", "Odesa", 0,
			"UA", "Odesa", KindCity, event.LocExact},
		{"the named district of a city", "Fighting broke out in the Hodan district of Mogadishu on Friday.", "Mogadishu", 0,
			"SO", "Mogadishu", KindCity, event.LocExact},
		{"unknown district of a city", "Fighting broke out in the Hodan district of Mogadishu on Friday.", "Hodan", 0,
			"SO", "Mogadishu", KindCity, event.LocNear},
		{"unknown district after a possessive", "A car bomb exploded in Mogadishu's Hodan district, killing four.", "Hodan", 0,
			"SO", "Mogadishu", KindCity, event.LocNear},
		{"township owned by a region", "Fighting hit Myanmar's Sagaing region's Kani township on Monday.", "Kani", 0,
			"MM", "Sagaing Region", KindAdmin1, event.LocNear},
		{"township in a region", "The army shelled the Kani township in Sagaing region.", "Kani", 0,
			"MM", "", "", ""},
		{"capitalised township in a region", "Junta jets bombed Kani Township in Sagaing Region.", "Kani Township", 0,
			"MM", "Sagaing Region", "", event.LocNear},
		{"capitalised district of a province", "Taliban fighters entered Nad Ali District of Helmand Province.",
			"Nad Ali District", 0, "AF", "", KindCity, event.LocNear},
		{"unknown district, no clear country: not placed", "Militants attacked a checkpoint in Khyber district's Bara tehsil, Pakistani officials said.",
			"Khyber", 0, "", "", "", ""},
		{"municipality is the town", "Gunmen killed five people in Bunia municipality in Ituri.", "Bunia", 0,
			"CD", "Bunia", KindCity, event.LocExact},
		{"division word keeps the division", "Shelling was reported across Kirkuk governorate overnight.", "Kirkuk", 0,
			"IQ", "Kirkuk Governorate", KindAdmin1, event.LocRegion},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := p.Parse(tt.text)
			if tt.country == "" {
				notFound(t, ts, tt.topo)
				return
			}
			got := find(t, ts, tt.topo, tt.nth)
			if got.Country != tt.country || tt.place != "" && got.Name != tt.place || tt.kind != "" && got.Kind != tt.kind ||
				tt.precision != "" && got.Precision != tt.precision {
				t.Errorf("%q -> %s %s %s %s (%s), want %s %s %s %s", tt.topo, got.Name, got.Country, got.Kind, got.Precision,
					got.Rule, tt.place, tt.country, tt.kind, tt.precision)
			}
		})
	}
}

// TestSentenceInitialPlaces checks that a small place at the start of a sentence, left out as a likely
// common word, is kept when the document names its country, and still left out in a country whose towns
// bear English words; and that a transliteration variant abroad loses to the country a report is filed from.
func TestSentenceInitialPlaces(t *testing.T) {
	p := testParser(t)
	tests := []struct {
		name, text, topo string
		country          string // "" when the name must not be reported
	}{
		{"country named after it", "Suspected jihadists killed 15 soldiers in northern Burkina Faso. Djibo has been under blockade for months.",
			"Djibo", "BF"},
		{"two places of its country", "Kadugli, the capital of South Kordofan, came under shelling. El Obeid was calm.",
			"Kadugli", "SD"},
		{"nothing named: left out", "Djibo has been under blockade for months.", "Djibo", ""},
		{"English word in an English-speaking country", "Normal service resumed across Illinois and Indiana in the United States.",
			"Normal", ""},
		{"common word before a noun, country named twice", "Bar owners in Kyiv stayed open despite the curfew. Ukraine said Ukraine would not yield.",
			"Bar", ""},
		{"common word before of, country named twice", "Russian troops shelled Belgorod. Marks of the blasts covered the walls, Russia said. Russia vowed revenge.",
			"Marks", ""},
		{"past form after it", "Jihadists attacked an army post in Burkina Faso. Djibo remained cut off, Burkina Faso officials said.",
			"Djibo", "BF"},
		{"variant abroad in a report filed from the country", "GOMA (Kivu Monitor) - ADF rebels attacked Butembo on Monday. In Masisi, rebels seized two villages.",
			"Masisi", "CD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := p.Parse(tt.text)
			if tt.country == "" {
				notFound(t, ts, tt.topo)
				return
			}
			got := find(t, ts, tt.topo, 0)
			if got.Country != tt.country {
				t.Errorf("%q -> %s %s (%s), want a place of %s", tt.topo, got.Name, got.Country, got.Rule, tt.country)
			}
		})
	}
}

// TestVariantsAmongTheirOwn checks that transliteration variants and other names of small towns, which do not
// vote for the document's focus, are not taken for foreign homonyms because one other name has a clear
// reading abroad ("Suluk", another name of Jolo in the Philippines).
func TestVariantsAmongTheirOwn(t *testing.T) {
	p := testParser(t)
	text := "The militia attacked Tal Abyad and Ras al-Ain, then stormed Ain Issa and Suluk."
	ts := p.Parse(text)
	for _, name := range []string{"Tal Abyad", "Ras al-Ain", "Ain Issa"} {
		if got := find(t, ts, name, 0); got.Country != "SY" || got.Kind != KindCity {
			t.Errorf("%q -> %s %s %s (%s), want a town of Syria", name, got.Name, got.Country, got.Kind, got.Rule)
		}
	}
}

// TestNamesBeforePlaceNouns checks "the <word> city/district of <name>" when the word is no district's own name:
// a demonym, a country or a first-order division says where the name lies ("the Canadian city of London", "the
// Belgian province of Limburg"), and a major city or division before the noun does not own a place of the
// name after "of" ("the Nairobi suburb of Eastleigh" does not put Nairobi where some Eastleigh lies), nor
// does a name after "of" that reads wrongly remove every reading of the town before it.
func TestNamesBeforePlaceNouns(t *testing.T) {
	p := testParser(t)
	tests := []struct {
		name, text, topo string
		country, place   string // place "": any place of country
	}{
		{"demonym before city", "Gunmen opened fire on a convoy in the Lebanese city of Tripoli on Sunday.", "Tripoli", "LB", ""},
		{"demonym before city, English homonym", "Protesters marched through the Canadian city of London overnight.", "London", "CA", ""},
		{"country before city", "A tornado flattened homes in the US city of Paris late on Monday.", "Paris", "US", ""},
		{"demonym before province", "Floods cut roads across the Belgian province of Limburg this week.", "Limburg", "BE", ""},
		{"demonym before region keeps the region", "Militants raided a post in the western Malian region of Kayes.", "Kayes", "ML",
			"Kayes Region"},
		{"major city before suburb", "Police raided shops in the Nairobi suburb of Eastleigh at dawn.", "Nairobi", "KE", "Nairobi"},
		{"major city before district", "Artillery fire hit the Khartoum district of Bahri again.", "Khartoum", "SD", "Khartoum"},
		{"suburb of a major city", "Police raided shops in the Nairobi suburb of Eastleigh at dawn.", "Eastleigh", "KE", ""},
		{"city of a state", "A warehouse burned down in the Texas city of Paris on Friday.", "Paris", "US", ""},
		{"capital before district", "A bomb exploded in the Mogadishu district of Hodan near a market.", "Mogadishu", "SO", "Mogadishu"},
		{"state before city", "A warehouse burned down in the Texas city of Paris on Friday.", "Texas", "US", "Texas"},
		{"town of a region read abroad", "Separatist fighters stormed Bamenda town of the Northwest region on Monday.", "Bamenda", "CM",
			"Bamenda"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := find(t, p.Parse(tt.text), tt.topo, 0)
			if got.Country != tt.country || tt.place != "" && got.Name != tt.place {
				t.Errorf("%q -> %s %s %s (%s), want %s %s", tt.topo, got.Name, got.Country, got.Kind, got.Rule, tt.place, tt.country)
			}
		})
	}
}
