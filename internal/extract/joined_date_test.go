package extract

import (
	"context"
	"testing"

	"sitrep/internal/event"
)

// TestJoinedSentenceYear: a sentence that joins an event by reference ("the attack") gives it no date from a
// bare background year ("in 2019").
func TestJoinedSentenceYear(t *testing.T) {
	e := testEngine(t, false)
	pub := event.NewDate(2026, 6, 10)
	tests := []struct {
		name, in string
		wantYear bool // the event is dated by a year (never, here)
	}{
		{"background year in a joined statement",
			"Gunmen attacked a police checkpoint near Mopti, killing two officers.\n\n" +
				"The ministry said the attack was the work of a group it had outlawed in 2019.", false},
		{"the event's own day wins over the background year",
			"Gunmen attacked a police checkpoint near Mopti on Monday, killing two officers.\n\n" +
				"The ministry said the attack was the work of a group it had outlawed in 2019.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := e.Extract(context.Background(), event.Document{ID: "y", Text: tt.in, Published: &pub})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Events) != 1 || res.Events[0].Date == nil {
				t.Fatalf("want one dated event, got %s", brief(res))
			}
			if got := res.Events[0].Date.Precision == event.PrecisionYear; got != tt.wantYear {
				t.Errorf("date %+v, year %v, want year %v", res.Events[0].Date, got, tt.wantYear)
			}
		})
	}
}
