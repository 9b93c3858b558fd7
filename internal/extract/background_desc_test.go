package extract

import (
	"context"
	"testing"

	"sitrep/internal/event"
)

// TestPartyDescription: a relative clause or modifier that describes a party ("which is backed by Rwanda",
// "the Iran-backed group") names its backer, not the event's place; a place described as a frequent target is
// background, not an incident.
func TestPartyDescription(t *testing.T) {
	runQuality(t, []qualityCase{
		{name: "backed by in a relative clause",
			in: "Rebels clashed with the army near Rutshuru in North Kivu on Tuesday. " +
				"The rebels, who are backed by Uganda according to UN experts, said they had repelled an attack.",
			subs: "Armed clash", place: "North Kivu"},
		{name: "backed by alone",
			in:   "The group, which is supported by Iran, said its fighters repelled an attack on Tuesday.",
			subs: "Armed clash", place: ""},
		{name: "hyphenated backer",
			in:   "Iran-backed fighters clashed with soldiers near Deir ez-Zor on Sunday.",
			subs: "Armed clash", place: "Deir ez-Zor"},
		{name: "frequent target",
			in:   "Kharkiv and its suburbs have been frequent targets of Russian missile and drone strikes.",
			subs: ""},
		{name: "regular target",
			in:   "The port city has long been a regular target for air strikes by the coalition.",
			subs: ""},
		{name: "one strike still counts",
			in:   "A Russian drone strike hit the port of Kharkiv on Monday, killing two workers.",
			subs: "Air/drone strike"},
	})
}

// TestBackerNoPlace: a backer named in a relative clause gives no place, even when the sentence names no other.
func TestBackerNoPlace(t *testing.T) {
	e := testEngine(t, false)
	pub := event.NewDate(2026, 6, 10)
	for _, in := range []string{
		"The group, which is supported by Iran, said its fighters repelled an attack on Tuesday.",
		"The militia, which is allied with Russia, said its fighters repelled an attack on Tuesday.",
	} {
		res, err := e.Extract(context.Background(), event.Document{ID: "b", Text: in, Published: &pub})
		if err != nil {
			t.Fatal(err)
		}
		for _, ev := range res.Events {
			if ev.Location != nil && (ev.Location.Country == "IR" || ev.Location.Country == "RU") {
				t.Errorf("%q: placed at the backer %s", in, ev.Location.Name)
			}
		}
	}
}
