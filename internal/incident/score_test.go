package incident

import (
	"testing"

	"sitrep/internal/event"
)

// clash is an armed clash event.
func clash(id string, when *event.When, where *event.Place, actors ...event.Actor) event.Event {
	return event.Event{ID: id, EventType: event.TypeBattles, SubEventType: "Armed clash", Date: when,
		Location: where, Actors: actors}
}

func TestScore(t *testing.T) {
	convoy := New(report("a", "Outlet A", 20,
		strike("e1", day(2016, 9, 19), urum, killed(12), actor1(russia, event.AttrStated))), t0)
	idlibClash := New(report("k", "Outlet K", 20, clash("e1", day(2016, 9, 19), idlib)), t0)
	protestEv := event.Event{ID: "p1", EventType: event.TypeProtests, SubEventType: "Peaceful protest",
		Date: day(2016, 9, 19), Location: urum}
	shelling := strike("e1", day(2016, 9, 19), urum, nil, actor1(russia, event.AttrStated))
	shelling.SubEventType, shelling.EventType = "Shelling/artillery/missile attack", event.TypeExplosions
	shellingSyria := shelling
	shellingSyria.Actors = []event.Actor{actor1(syrian, event.AttrStated)}
	tests := []struct {
		name     string
		inc      event.Incident
		r        event.Report
		merge    bool
		min, max float64 // score bounds when merge
		reasons  []string
	}{
		{"same strike, second outlet", convoy,
			report("b", "Outlet B", 20, strike("e1", day(2016, 9, 19), urumNear, killed(20), actor1(russia, event.AttrStated))),
			true, 0.9, 1, []string{"same sub-type Air/drone strike", "dates overlap 2016-09-19..2016-09-19",
				"km apart (limit 25 km)", "actor1 agrees: Military Forces of Russia"}},
		{"next day within slack", convoy,
			report("b", "Outlet B", 21, strike("e1", day(2016, 9, 20), urum, nil, actor1(russia, event.AttrStated))),
			true, 0.8, 0.95, []string{"1 day(s) apart, within the slack of 1"}},
		{"month precision report", convoy,
			report("m", "Monthly", 30, strike("e1", month(2016, 9), urum, nil)),
			true, 0.6, 0.8, []string{"dates overlap 2016-09-19..2016-09-19", "actor1 unidentified in the report"}},
		{"month precision report outside the month", convoy,
			report("m", "Monthly", 30, strike("e1", month(2016, 10), urum, nil)),
			false, 0, 0, []string{"day(s) apart"}},
		{"region precision within 100 km", convoy,
			report("c", "Outlet C", 20, strike("e1", day(2016, 9, 19), aleppoGov, nil, actor1(russia, event.AttrStated))),
			true, 0.7, 0.9, []string{"limit 100 km"}},
		{"country precision is weak", convoy,
			report("s", "Outlet S", 20, strike("e1", month(2016, 9), syria, nil)),
			false, 0, 0, []string{"same country SY only (weak)"}},
		{"strike in another town", convoy,
			report("i", "Outlet I", 20, strike("e1", day(2016, 9, 19), idlib, nil, actor1(russia, event.AttrStated))),
			false, 0, 0, []string{"km apart (Urum al-Kubra and Idlib; limit 10 km"}},
		{"clash in another town the same day", idlibClash,
			report("q", "Outlet Q", 20, clash("e1", day(2016, 9, 19), saraqib)),
			false, 0, 0, []string{"Idlib and Saraqib"}},
		{"protest in the same town", convoy, report("p", "Outlet P", 20, protestEv),
			false, 0, 0, []string{"different sub-types Air/drone strike vs Peaceful protest"}},
		{"shelling, same actor", convoy, report("h", "Outlet H", 20, shelling),
			true, 0.8, 0.95, []string{"compatible sub-types Air/drone strike ~ Shelling/artillery/missile attack"}},
		{"shelling, other actor", convoy, report("h", "Outlet H", 20, shellingSyria),
			false, 0, 0, []string{"compatible only when actor1 agrees"}},
		{"stated actors differ", convoy,
			report("x", "Outlet X", 20, strike("e1", day(2016, 9, 19), urum, nil, actor1(syrian, event.AttrStated))),
			false, 0, 0, []string{"actor1 differs: Military Forces of Russia vs Military Forces of Syria"}},
		{"alleged other actor is compatible", convoy,
			report("x", "Outlet X", 20, strike("e1", day(2016, 9, 19), urum, nil, actor1(syrian, event.AttrAlleged))),
			true, 0.85, 0.95, []string{"actor1 differs but is disputed"}},
		{"another event of a document already merged", convoy,
			report("a", "Outlet A", 20, strike("e2", day(2016, 9, 19), urum, nil)),
			false, 0, 0, []string{"already reports another event (e1)"}},
		{"other country", convoy,
			report("t", "Outlet T", 20, strike("e1", day(2016, 9, 19),
				&event.Place{Name: "Kilis", Lat: 36.72, Lon: 37.12, Country: "TR", Precision: event.LocExact}, nil)),
			false, 0, 0, []string{"different countries SY vs TR"}},
		{"no date", convoy, report("n", "Outlet N", 20, strike("e1", nil, urum, nil, actor1(russia, ""))),
			true, 0.6, 0.8, []string{"date unknown on one side"}},
	}
	var m Merger
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := m.Score(tt.inc, tt.r)
			if ok := got.OK(DefaultOptions().MinScore); ok != tt.merge {
				t.Fatalf("merge = %v, want %v (score %.3f, veto %q, reasons %q)", ok, tt.merge, got.Score, got.Veto, got.Reasons)
			}
			if tt.merge && (got.Score < tt.min || got.Score > tt.max) {
				t.Errorf("score %.3f outside [%g, %g]; reasons %q", got.Score, tt.min, tt.max, got.Reasons)
			}
			if got.Veto != "" && got.Score != 0 {
				t.Errorf("vetoed match has score %.3f", got.Score)
			}
			for _, want := range tt.reasons {
				if !hasReason(got.Reasons, want) {
					t.Errorf("no reason containing %q in %q", want, got.Reasons)
				}
			}
		})
	}
}

func TestScoreOptions(t *testing.T) {
	inc := New(report("a", "A", 20, strike("e1", day(2016, 9, 19), urum, nil)), t0)
	r := report("i", "I", 20, strike("e1", day(2016, 9, 19), idlib, nil))
	if (&Merger{}).Score(inc, r).Veto == "" {
		t.Fatal("Idlib merged with the default 10 km limit")
	}
	wide := NewMerger(Options{ExactKm: 50})
	if m := wide.Score(inc, r); m.Veto != "" {
		t.Errorf("with a 50 km limit: veto %q", m.Veto)
	}
	late := report("l", "L", 23, strike("e1", day(2016, 9, 22), urum, nil))
	if m := NewMerger(Options{DaySlack: 5}).Score(inc, late); m.Veto != "" {
		t.Errorf("with 5 days of slack: veto %q", m.Veto)
	}
	if m := (&Merger{}).Score(inc, late); m.Veto == "" {
		t.Errorf("3 days apart merged with the default slack: %q", m.Reasons)
	}
}
