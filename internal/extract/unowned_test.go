package extract

import (
	"testing"

	"sitrep/internal/event"
)

// TestUnownedConfidence: the unidentified armed group unownedStrike supplies is no evidence, so it does not raise
// the confidence an event without actors has; any other actor does.
func TestUnownedConfidence(t *testing.T) {
	const uag = "Unidentified Armed Group (Sudan)"
	c := &cluster{}
	none := confidence(c, &event.Event{}, "")
	for _, tc := range []struct {
		name   string
		actors []event.Actor
		raised bool
	}{
		{"the supplied group alone", []event.Actor{{Role: event.RoleActor1, Name: uag}}, false},
		{"the supplied group and a victim", []event.Actor{{Role: event.RoleActor1, Name: uag}, {Role: event.RoleActor2, Name: "Civilians (Sudan)"}}, true},
		{"a named perpetrator", []event.Actor{{Role: event.RoleActor1, Name: "Rapid Support Forces"}}, true},
	} {
		got := confidence(c, &event.Event{Actors: tc.actors}, uag)
		if (got > none) != tc.raised {
			t.Errorf("%s: confidence %v, without actors %v; want raised=%v", tc.name, got, none, tc.raised)
		}
	}
}
