package extract

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"sitrep/internal/event"
)

// TestClaimStances checks that the fixtures, taken together, yield every claim stance on some event, and that
// an accused and denied perpetrator is contested, never stated.
func TestClaimStances(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txt")
	e := testEngine(t, false)
	seen := map[string]bool{}
	for _, f := range files {
		res, err := e.Extract(context.Background(), fixture(t, f))
		if err != nil {
			t.Fatal(err)
		}
		for _, ev := range res.Events {
			for _, c := range ev.Claims {
				seen[c.Stance] = true
			}
		}
	}
	for _, s := range []string{event.StanceAsserts, event.StanceAccuses, event.StanceDenies, event.StanceQuestions, event.StanceReports} {
		if !seen[s] {
			t.Errorf("no %q claim in any fixture event", s)
		}
	}
	res, err := e.Extract(context.Background(), fixture(t, "testdata/idlib_airstrike.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range res.Events {
		if ev.SubEventType != "Air/drone strike" {
			continue
		}
		i := slices.IndexFunc(ev.Actors, func(a event.Actor) bool { return a.Role == event.RoleActor1 })
		if i < 0 || ev.Actors[i].Attribution != event.AttrContested {
			t.Errorf("accused and denied perpetrator: %+v, want actor1 contested", ev.Actors)
		}
	}
}
