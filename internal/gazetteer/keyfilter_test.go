package gazetteer

import "testing"

// TestKeyFilter checks that the filter holds every key added, and that the country tables behind one find
// every name and demonym they index.
func TestKeyFilter(t *testing.T) {
	var f KeyFilter
	keys := []string{"syria", "the congo", "x", "côte d'ivoire", "a very long name indeed, longer than 16"}
	for _, k := range keys {
		f.Add(k)
	}
	for _, k := range append(keys, "") {
		if !f.MayHold(k) {
			t.Errorf("MayHold(%q) = false for a key added", k)
		}
	}
	if f.MayHold("aleppo") || f.MayHold("said") {
		t.Errorf("the filter holds words not added (aleppo, said)")
	}
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for k, i := range g.countries.byName {
		if c, ok := g.CountryByName(k); !ok || c.Code != g.countries.list[i].Code {
			t.Errorf("CountryByName(%q) = %v, %v", k, c.Code, ok)
		}
	}
	for k, i := range g.countries.byDemonym {
		if c, ok := g.CountryByDemonym(k); !ok || c.Code != g.countries.list[i].Code {
			t.Errorf("CountryByDemonym(%q) = %v, %v", k, c.Code, ok)
		}
	}
}
