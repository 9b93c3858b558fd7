package gazetteer

import (
	"testing"
)

func mustDefault(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	return g
}

// TestLookup checks that well-known places resolve, first, to the right country and roughly the right spot.
func TestLookup(t *testing.T) {
	g := mustDefault(t)
	tests := []struct {
		name     string
		country  string
		lat, lon float64
		code     string // expected feature code of the first candidate, "" = any
	}{
		{"Aleppo", "SY", 36.2, 37.16, ""},
		{"Halab", "SY", 36.2, 37.16, ""},
		{"Tartus", "SY", 34.89, 35.89, ""},
		{"Tartous", "SY", 34.89, 35.89, ""},
		{"Damascus", "SY", 33.51, 36.29, "PPLC"},
		{"Kyiv", "UA", 50.45, 30.52, "PPLC"},
		{"Kiev", "UA", 50.45, 30.52, "PPLC"},
		{"Mosul", "IQ", 36.34, 43.12, ""},
		{"Goma", "CD", -1.68, 29.22, ""},
		{"Sanaa", "YE", 15.35, 44.21, "PPLC"},
		{"Sana'a", "YE", 15.35, 44.21, "PPLC"},
		{"SANA’A", "YE", 15.35, 44.21, "PPLC"},
		{"Syria", "SY", 35, 38, "PCLI"},
		{"Syrian Arab Republic", "SY", 35, 38, "PCLI"},
		{"Idlib province", "SY", 35.8, 36.6, ""},
		{"Gulf of Aden", "", 12.5, 48.0, "GULF"},
		{"Euphrates", "", 34.45, 40.92, "STM"},
		{"Donbas", "UA", 48.2, 38.3, "RGN"},
		{"Gaza Strip", "PS", 31.42, 34.38, "ADM1"},
		{"Qamishli", "SY", 37.05, 41.23, ""}, // Al Qāmishlī without its article
		{"Fallujah", "IQ", 33.35, 43.78, ""},
		{"the EU", "", 48.69, 9.14, "RGN"},
		{"California", "US", 37.2, -119.5, "ADM1"},
	}
	for _, tt := range tests {
		got := g.Lookup(tt.name)
		if len(got) == 0 {
			t.Errorf("Lookup(%q): no candidates", tt.name)
			continue
		}
		p := got[0]
		if p.Country != tt.country || !near(p, tt.lat, tt.lon, 0.5) || (tt.code != "" && p.Code != tt.code) {
			t.Errorf("Lookup(%q)[0] = %+v, want %s %s near %.2f,%.2f", tt.name, p, tt.country, tt.code, tt.lat, tt.lon)
		}
	}
}

// TestLookupGaoMali checks an ambiguous name: Gao (Mali) is among the candidates.
func TestLookupGaoMali(t *testing.T) {
	g := mustDefault(t)
	found := false
	for _, p := range g.Lookup("Gao") {
		if p.Country == "ML" && near(p, 16.27, -0.04, 0.3) {
			found = true
		}
	}
	if !found {
		t.Errorf("Lookup(Gao): no candidate in Mali: %+v", g.Lookup("Gao"))
	}
}

func TestLookupMissing(t *testing.T) {
	g := mustDefault(t)
	for _, name := range []string{"", "   ", "Xqzzyvillage", "Urem al-Kubra"} {
		if got := g.Lookup(name); len(got) != 0 {
			t.Errorf("Lookup(%q) = %+v, want none", name, got)
		}
	}
}

func TestLookupOrder(t *testing.T) {
	g := mustDefault(t)
	got := g.Lookup("Tripoli")
	for i := 1; i < len(got); i++ {
		if got[i].Population > got[i-1].Population {
			t.Fatalf("Lookup(Tripoli) not most populous first: %+v", got)
		}
	}
	if len(got) < 2 {
		t.Fatalf("Lookup(Tripoli): want Libya's and Lebanon's, got %+v", got)
	}
}

func TestLookupLoose(t *testing.T) {
	g := mustDefault(t)
	tests := []struct{ name, country string }{
		{"Tartoos", "SY"},
		{"Hasakeh", "SY"},
		{"Deir al-Zor", "SY"},
		{"Kiyv", "UA"},
	}
	for _, tt := range tests {
		if !anyIn(g.LookupLoose(tt.name), tt.country) {
			t.Errorf("LookupLoose(%q): no candidate in %s", tt.name, tt.country)
		}
	}
	// LookupLoose is a superset of Lookup.
	exact, loose := g.Lookup("Aleppo"), g.LookupLoose("Aleppo")
	for _, p := range exact {
		if !contains(loose, p) {
			t.Errorf("LookupLoose(Aleppo) misses %+v", p)
		}
	}
}

func TestHasPrefix(t *testing.T) {
	g := mustDefault(t)
	tests := []struct {
		words string
		want  bool
	}{
		{"deir", true},
		{"deir ez", true},
		{"gulf of", true},
		{"gulf of aden", true},
		{"syrian arab", true},
		{"xqzzy", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := g.HasPrefix(tt.words); got != tt.want {
			t.Errorf("HasPrefix(%q) = %v, want %v", tt.words, got, tt.want)
		}
	}
}

func near(p Place, lat, lon, tol float64) bool {
	return abs(p.Lat-lat) <= tol && abs(p.Lon-lon) <= tol
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func anyIn(ps []Place, country string) bool {
	for _, p := range ps {
		if p.Country == country {
			return true
		}
	}
	return false
}

func contains(ps []Place, q Place) bool {
	for _, p := range ps {
		if p == q {
			return true
		}
	}
	return false
}

// TestFactsUnique checks that no two facts places of the same kind answer to the same name: a name that
// two hand-written rows share is a copy-paste slip, not an ambiguity.
func TestFactsUnique(t *testing.T) {
	g := mustDefault(t)
	facts := g.layers[0]
	tab := &facts.primary
	for k := range tab.n {
		seen := map[string]bool{}
		for j := u32(tab.start, k); j < u32(tab.start, k+1); j++ {
			p := facts.place(u32(tab.posts, int(j)))
			kind := p.Code + "/" + p.Country + "/" + p.Admin1
			if seen[kind] && p.Code != "ADM1" {
				t.Errorf("facts name %q names two %s places", facts.key(tab, k), kind)
			}
			seen[kind] = true
		}
	}
}

// hasNames are names Has must answer as Lookup does: places, words that are none, folds and edge cases.
var hasNames = []string{"Aleppo", "Halab", "Tartous", "Damascus", "Kyiv", "Mosul", "Gao", "Goma", "Sana'a",
	"SANA’A", "Urum al-Kubra", "Deir ez-Zor", "the", "The", "Washington", "Springfield", "Gulf of Aden", "Donbas",
	"Syria", "Syrian Arab Republic", "Idlib province", "Texas", "Harris County", "said", "Monday", "", " ", "-",
	"Xyzzyville", "\xff", "al", "New", "New York", "Ukraine", "Russia", "Sahel", "Darfur", "Gaza Strip"}

// TestHasMatchesLookup checks Has against Lookup on the default gazetteer and on one with an imported overlay
// (whose places replace embedded ones by id).
func TestHasMatchesLookup(t *testing.T) {
	_, overlay, _ := importFixture(t, "testdata/alternateNamesV2.txt", "testdata/SY.txt")
	names := append(hasNames, "Urem al-Kubra", "Urum al-Kubra", "Haleb", "URUM EL-KUBRA")
	for _, g := range []*Gazetteer{mustDefault(t), overlay} {
		found := 0
		for _, s := range names {
			want := len(g.Lookup(s)) > 0
			if got := g.Has(s); got != want {
				t.Errorf("Has(%q) = %v, Lookup found %v", s, got, want)
			}
			if want {
				found++
			}
		}
		if found < 10 {
			t.Fatalf("only %d names found", found)
		}
	}
}

// FuzzHasMatchesLookup checks Has against Lookup on any name.
func FuzzHasMatchesLookup(f *testing.F) {
	g := mustDefault(f)
	for _, s := range hasNames {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := g.Has(s), len(g.Lookup(s)) > 0; got != want {
			t.Fatalf("Has(%q) = %v, Lookup found %v", s, got, want)
		}
	})
}
