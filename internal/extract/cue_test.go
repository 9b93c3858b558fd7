package extract

import (
	"testing"

	"sitrep/internal/event"
	"sitrep/internal/lexicon"
)

// TestCues checks cues.tsv: every row has a class the engine knows, a pos and a strength, and every one of
// ACLED's 25 sub-types can come out of it (named by a row, or by the class rules).
func TestCues(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	table, bad := readCues(lex)
	if len(bad) > 0 {
		t.Errorf("rows with an unknown sub_event_type: %v", bad)
	}
	named := map[string]bool{
		// decided by the class rules in subtype.go
		subAttack: true, subClash: true, subAir: true, subRemote: true, subSuicide: true,
		"Shelling/artillery/missile attack": true, subPeaceful: true, subInterv: true, subExcessive: true,
		subViolentDem: true, subGovRegains: true, subNSAO: true,
	}
	for e, c := range table {
		if _, ok := event.TypeOf(c.class); ok {
			named[c.class] = true
		}
		if p := e.Attr("pos"); p != "verb" && p != "noun" && p != "phrase" {
			t.Errorf("%s: pos %q", e.Source, p)
		}
		if s := e.Attr("strength"); s != "strong" && s != "weak" {
			t.Errorf("%s: strength %q", e.Source, s)
		}
		switch c.needs {
		case "", "force", "territory", "weapon", "crowd", "decree", "date", "victims", "projectile":
		default:
			t.Errorf("%s: needs %q", e.Source, c.needs)
		}
	}
	for _, sub := range event.SubTypes() {
		if !named[sub] {
			t.Errorf("no cue leads to %q", sub)
		}
	}
}
