package actors

import (
	"fmt"
	"slices"
	"testing"

	"sitrep/internal/event"
	"sitrep/internal/text"
)

func TestEntities(t *testing.T) {
	f := testFinder(t)
	in := "Defense Secretary Ash Carter met officials of the Ministry of Higher Education in Baghdad. " +
		"Carter said the ODE report found barrel bombs and a VBIED. The Sudan Revolutionary Front denied it."
	doc := event.Document{Text: in}
	got := map[string]string{}
	for _, e := range f.Entities(doc, text.Sentences(in)) {
		for _, m := range e.Mentions {
			if in[m.Start:m.End] != m.Text {
				t.Fatalf("bad span %+v", m)
			}
			got[m.Text] = e.Kind
		}
	}
	for text, kind := range map[string]string{
		"Defense Secretary Ash Carter": event.EntityPerson,
		"Carter":                       event.EntityPerson,
		"Ministry of Higher Education": event.EntityOrganization,
		"ODE":                          event.EntityOrganization,
		"barrel bombs":                 event.EntityWeapon,
		"VBIED":                        event.EntityWeapon,
		"Sudan Revolutionary Front":    event.EntityOrganization,
	} {
		if got[text] != kind {
			t.Errorf("%q: kind %q, want %q (all: %v)", text, got[text], kind, keys(got))
		}
	}
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// TestIsPlaceMemo checks that the memo of isPlace gives the gazetteer's answers, asked or kept, and stays
// within its bound.
func TestIsPlaceMemo(t *testing.T) {
	f := testFinder(t)
	memo := map[string]bool{}
	names := []string{"Aleppo", "Zorblaxville", "Kidal", "Aleppo", "Zorblaxville", "Tin-Hama"}
	for range 2 {
		for _, n := range names {
			if got, want := f.isPlace(memo, n), f.gaz.Has(n); got != want {
				t.Errorf("isPlace(%q) = %v, gazetteer %v", n, got, want)
			}
		}
	}
	for i := range maxKnownPlaces + 10 {
		f.isPlace(memo, fmt.Sprintf("Nowhere %d", i))
		if len(memo) > maxKnownPlaces {
			t.Fatalf("memo holds %d names, bound %d", len(memo), maxKnownPlaces)
		}
	}
	if !f.isPlace(memo, "Aleppo") {
		t.Error("Aleppo is no place after the memo was emptied")
	}
}
