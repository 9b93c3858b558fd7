package geoparse

import (
	"reflect"
	"slices"
	"testing"

	"sitrep/internal/text"
)

// TestParseTokensSameAsParse checks that ParseTokens, given the text's tokens, finds what ParseSentences finds
// tokenizing the text itself, and leaves the caller's tokens as they were (the scratch neither clears them nor
// keeps them for the next run).
func TestParseTokensSameAsParse(t *testing.T) {
	p := testParser(t)
	texts := []string{
		"KADUNA, Nigeria (Reuters) - Gunmen killed 12 people in Kaduna state on Monday, police in Abuja said.",
		"Shelling hit Kharkiv and the outskirts of Izium. In Aleppo, the city of Idlib said on Monday it was calm.",
		"Protesters marched in Paris, Texas, and in Paris, France. Georgia's president met the mayor of Tbilisi.",
		"A bomb exploded in Mogadishu's Hodan district; al-Shabaab claimed it. Officials in Baidoa and Kismayo said so.",
		"", "No place at all here.",
	}
	for _, s := range texts {
		bounds := text.SentenceBounds(s)
		want := p.ParseSentences(s, bounds)
		for round := range 2 { // the second run takes the scratch the first gave back
			toks := text.Tokenize(s, 0)
			keep := slices.Clone(toks)
			got := p.ParseTokens(s, bounds, toks)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%q round %d: ParseTokens = %+v\nParseSentences %+v", s, round, got, want)
			}
			if !reflect.DeepEqual(toks, keep) {
				t.Errorf("%q round %d: the caller's tokens changed", s, round)
			}
			if again := p.ParseSentences(s, bounds); !reflect.DeepEqual(again, want) {
				t.Errorf("%q round %d: ParseSentences after ParseTokens = %+v, before %+v", s, round, again, want)
			}
			if !reflect.DeepEqual(toks, keep) {
				t.Errorf("%q round %d: the caller's tokens changed by the next parse", s, round)
			}
		}
	}
}
