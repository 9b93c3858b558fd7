package geoparse

import "testing"

// TestUnknownCompound checks that a hyphenated name after a place cue that the gazetteer does not know as a
// whole, whose first word is a place only by another name of it ("Tin", a name of Hrebinka, Ukraine), is
// not read by its words: it is placed by the division written after it or the document's country, and a
// hyphenated pair of known names ("Israel-Gaza") keeps its two places.
func TestUnknownCompound(t *testing.T) {
	p := testParser(t)
	tests := []struct {
		name, text, topo     string
		country, place, prec string
		absent               []string // names that must not be reported on their own
	}{
		{"placed by the division after it",
			"Gunmen attacked the village of Tin-Hama in the Gao region on Sunday, killing eight people.",
			"Tin-Hama", "ML", "Gao Region", "near", []string{"Tin", "Hama"}},
		{"placed by the document's country",
			"Gunmen attacked the village of Tin-Hama on Sunday, killing eight people, officials in Bamako said.",
			"Tin-Hama", "ML", "Mali", "country", []string{"Tin", "Hama"}},
		{"pair of known names keeps its first",
			"Shelling was reported along the Israel-Gaza border on Monday.", "Israel", "IL", "Israel", "country",
			nil},
		{"pair of known names keeps its second",
			"Shelling was reported along the Israel-Gaza border on Monday.", "Gaza", "PS", "", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := p.Parse(tt.text)
			got := find(t, ts, tt.topo, 0)
			if got.Country != tt.country || tt.place != "" && got.Name != tt.place ||
				tt.prec != "" && got.Precision != tt.prec {
				t.Errorf("%q -> %s %s %s (%s), want %s %s %s", tt.topo, got.Name, got.Country, got.Precision,
					got.Rule, tt.place, tt.country, tt.prec)
			}
			for _, a := range tt.absent {
				notFound(t, ts, a) // not on its own
			}
		})
	}
}
