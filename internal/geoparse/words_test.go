package geoparse

import (
	"strings"
	"testing"
)

// TestWordClasses checks that a word's class bits are exactly the sets it belongs to.
func TestWordClasses(t *testing.T) {
	sets := []struct {
		name  string
		words map[string]bool
		class uint32
	}{
		{"stopCaps", stopCaps, wcStopCap}, {"titles", titles, wcTitle}, {"orgHeads", orgHeads, wcOrgHead},
		{"functionWords", functionWords, wcFunctionWord}, {"locativeCues", locativeCues, wcLocativeCue},
		{"strongCues", strongCues, wcStrongCue}, {"weekdays", weekdays, wcWeekday}, {"months", months, wcMonth},
		{"dateAbbrevs", dateAbbrevs, wcDateAbbrev}, {"directions", directions, wcDirection},
		{"placeHeads", placeHeads, wcPlaceHead}, {"placeNouns", placeNouns, wcPlaceNoun},
		{"connectors", connectors, wcConnector}, {"arabicArticles", arabicArticles, wcArabicArticle},
		{"mediaHeads", mediaHeads, wcMediaHead}, {"streetNouns", streetNouns, wcStreetNoun},
		{"nameParticles", nameParticles, wcNameParticle}, {"particles", particles, wcParticle},
		{"speechVerbs", speechVerbs, wcSpeechVerb}, {"auxiliaries", auxiliaries, wcAuxiliary},
	}
	words := map[string]bool{"": true, "aleppo": true, "syria": true, "said": true}
	for _, s := range sets {
		for w := range s.words {
			words[w] = true
		}
	}
	for w := range words {
		for _, s := range sets {
			if got := wordClasses[w]&s.class != 0; got != s.words[w] {
				t.Errorf("%q: class of %s = %v, set has it: %v", w, s.name, got, s.words[w])
			}
		}
	}
	d := prepare("In Aleppo, the city of Idlib said on Monday.", nil, nil, &scratch{})
	for i := range d.toks {
		for _, s := range sets {
			if got := d.is(i, s.class); got != s.words[d.word(i)] {
				t.Errorf("token %d %q: is %s = %v", i, d.toks[i].Text, s.name, got)
			}
		}
	}
}

// TestEditDistance checks the Levenshtein distance on names short enough for its stack rows and longer.
func TestEditDistance(t *testing.T) {
	long := strings.Repeat("abcdefghij", 7) // 70 bytes: rows on the heap
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"tartous", "tartus", 1},
		{"bakol region", "bakool region", 1},
		{"", "gao", 3},
		{"kidal", "", 5},
		{long, long, 0},
		{long, long + "x", 1},
		{"x" + long, long, 1},
		{long, "abcdefghij", 60},
	}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
