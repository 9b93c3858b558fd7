package extract

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestWordClasses checks every class bit against the set it stands for, on every token of the fixtures and on
// words the sets share ("no" is a negation and a number word) or that end in "n't".
func TestWordClasses(t *testing.T) {
	sets := []struct {
		name string
		c    wordClass
		m    map[string]bool
	}{
		{"modal", wModal, modalWords}, {"neg", wNeg, negWords}, {"generic", wGeneric, genericWords},
		{"report", wReport, reportWords}, {"object", wObject, objectVerbs}, {"cumulative", wCumulative, cumulativeWords},
		{"pattern", wPattern, patternWords}, {"newIncident", wNewIncident, newIncidentWords},
		{"determiner", wDeterminer, determiners}, {"presentAux", wPresentAux, presentAux}, {"number", wNumber, numberWords},
		{"political", wPolitical, politicalWords}, {"support", wSupport, supportVerbs}, {"accuse", wAccuse, accuseWords},
		{"deny", wDeny, denyWords}, {"responsibility", wResponsibility, responsibilityWords}, {"claim", wClaim, claimWords},
		{"claimNoun", wClaimNoun, claimNounNext}, {"experience", wExperience, experienceVerbs},
		{"tollUpdate", wTollUpdate, tollUpdateWords}, {"rank", wRank, rankWords}, {"spanPrep", wSpanPrep, spanPreps},
		{"spanUnit", wSpanUnit, spanUnits}, {"city", wCity, cityNouns}, {"conveyanceFill", wConveyanceFill, conveyanceFillers},
		{"rider", wRider, riders}, {"arrival", wArrival, arrivalVerbs}, {"perpetrator", wPerpetrator, perpetratorNouns},
		{"delivery", wDelivery, deliveryWords}, {"date", wDate, dateWords},
		{"clauseBreak", wClauseBreak, clauseBreaks}, {"launcher", wLauncher, launcherWords}, {"n't", wNegated, nil},
	}
	if len(sets) != classes {
		t.Fatalf("%d classes, %d checked here", classes, len(sets))
	}
	texts := []string{"No one was killed, police didn't say; the army had not claimed the attack since Monday."}
	files, _ := filepath.Glob("testdata/*.txt")
	for _, f := range files {
		texts = append(texts, fixture(t, f).Text)
	}
	for _, txt := range texts {
		s := &sent{}
		s.Text = txt
		s.tokenize()
		for _, set := range sets {
			has, first := false, -1
			for i := -1; i <= len(s.Tokens); i++ {
				want := set.m[s.word(i)]
				if set.m == nil { // the words that end in "n't"
					want = strings.HasSuffix(s.word(i), "n't")
				}
				if got := s.is(i, set.c); got != want {
					t.Errorf("%s: is(%d %q) = %v, want %v", set.name, i, s.word(i), got, want)
				}
				if want && !has {
					has, first = true, i
				}
			}
			if got := s.sentenceHas(set.c); got != has {
				t.Errorf("%s: sentenceHas = %v, want %v", set.name, got, has)
			}
			if got := s.firstWord(set.c); got != first {
				t.Errorf("%s: firstWord = %d, want %d", set.name, got, first)
			}
			for i := range s.Tokens {
				if set.m == nil {
					break // no check asks anyWord for the "n't" words themselves
				}
				idx := s.before(i, 4)
				want := false
				for k := range idx.n {
					w := s.word(idx.at(k))
					want = want || set.m[w] || strings.HasSuffix(w, "n't") && set.m["not"]
				}
				if got := s.anyWord(idx, set.c); got != want {
					t.Errorf("%s: anyWord(before(%d)) = %v, want %v", set.name, i, got, want)
				}
			}
		}
	}
}
