package extract

import (
	"context"
	"strings"
	"testing"
)

// TestExplain checks that every value of every fixture event has a reason, and cue reasons name their
// lexicon line.
func TestExplain(t *testing.T) {
	e := testEngine(t, true)
	for _, name := range []string{"idlib_airstrike", "somalia", "protests"} {
		doc := fixture(t, "testdata/"+name+".txt")
		res, err := e.Extract(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, ev := range res.Events {
			fields := map[string]bool{}
			for _, r := range ev.Explain {
				fields[r.Field] = true
				if r.Rule == "" {
					t.Errorf("%s: reason for %s has no rule", ev.ID, r.Field)
				}
				if (r.Field == "trigger" || r.Field == "sub_event_type") && !strings.Contains(r.Entry, ".tsv:") {
					t.Errorf("%s: %s reason %q names no lexicon line", ev.ID, r.Field, r.Entry)
				}
			}
			need := []string{"trigger", "sub_event_type"}
			if ev.Date != nil {
				need = append(need, "date")
			}
			if ev.Location != nil {
				need = append(need, "location")
			}
			if ev.Fatalities != nil {
				need = append(need, "fatalities")
			}
			if len(ev.Claims) > 0 {
				need = append(need, "claims")
			}
			for _, a := range ev.Actors {
				need = append(need, a.Role)
			}
			for _, f := range need {
				if !fields[f] {
					t.Errorf("%s %s: no reason for %s", name, ev.SubEventType, f)
				}
			}
		}
	}
	plain, err := testEngine(t, false).Extract(context.Background(), fixture(t, "testdata/somalia.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range plain.Events {
		if len(ev.Explain) > 0 {
			t.Errorf("explain off, yet %d reasons", len(ev.Explain))
		}
	}
}
