package extract

import (
	"context"
	"testing"

	"sitrep/internal/event"
)

// TestAccusationDay: an accusation's day ("accused X on Wednesday of shelling") dates the statement; the next
// sentence that tells the same act again ("had shelled ... on Monday") joins the event and dates it.
func TestAccusationDay(t *testing.T) {
	e := testEngine(t, false)
	pub := event.NewDate(2026, 6, 10) // a Wednesday
	tests := []struct {
		name, in string
		events   int
		day      event.Date
	}{
		{"detail sentence dates the act",
			"The army accused rebels on Wednesday of dropping grenades on its positions near Bunia.\n\n" +
				"An army spokesman said drones had dropped several munitions on a trench held by a company on Monday.",
			1, event.NewDate(2026, 6, 8)},
		{"accusation alone keeps its day",
			"The army accused rebels on Wednesday of dropping grenades on its positions near Bunia.",
			1, event.NewDate(2026, 6, 10)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := e.Extract(context.Background(), event.Document{ID: "a", Text: tt.in, Published: &pub})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Events) != tt.events {
				t.Fatalf("want %d events, got %s", tt.events, brief(res))
			}
			if d := res.Events[0].Date; d == nil || d.Start != tt.day || d.End != tt.day {
				t.Errorf("date %+v, want %v", d, tt.day)
			}
		})
	}
}

// TestVerbStem: -ing and -ed forms of one verb share a stem; other words have none.
func TestVerbStem(t *testing.T) {
	for _, tt := range []struct{ a, b string }{{"dropping", "dropped"}, {"shelling", "shelled"}, {"firing", "fired"}} {
		if verbStem(tt.a) == "" || verbStem(tt.a) != verbStem(tt.b) {
			t.Errorf("verbStem(%q)=%q, verbStem(%q)=%q", tt.a, verbStem(tt.a), tt.b, verbStem(tt.b))
		}
	}
	for _, w := range []string{"red", "bed", "grenades", "ring"} {
		if verbStem(w) != "" {
			t.Errorf("verbStem(%q)=%q, want none", w, verbStem(w))
		}
	}
}
