package eval

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"sitrep/internal/event"
)

// sharedEval is the gold data next to the repository; tests that read it skip when it is absent.
var sharedEval = filepath.Join("..", "..", "..", "shared", "eval")

func openShared(t *testing.T, rel string) *os.File {
	t.Helper()
	f, err := os.Open(filepath.Join(sharedEval, rel))
	if err != nil {
		t.Skipf("shared gold data not present (%v): skipping", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// TestSharedGeoGold reads the shared geo gold files whole: every line parses and the counts of gold
// toponyms and of those with coordinates come out as the README describes.
func TestSharedGeoGold(t *testing.T) {
	for _, tc := range []struct {
		file                  string
		docs, toponyms, withC int
	}{
		{"geo/geowebnews.jsonl", 200, 2608, 2599},
		{"geo/geovirus.jsonl", 229, 2170, 2170},
	} {
		t.Run(tc.file, func(t *testing.T) {
			r := NewGeoReader(openShared(t, tc.file), tc.file)
			docs, tops, withC := 0, 0, 0
			for {
				d, err := r.Next()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				docs++
				for _, g := range d.Gold() {
					tops++
					if g.HasCoords() {
						withC++
					}
				}
			}
			if docs != tc.docs || tops != tc.toponyms || withC != tc.withC {
				t.Errorf("%d docs, %d toponyms, %d with coordinates; want %d, %d, %d", docs, tops, withC, tc.docs, tc.toponyms, tc.withC)
			}
		})
	}
}

func TestSharedRe3dAndSeedGold(t *testing.T) {
	r := NewRe3dReader(openShared(t, "re3d/re3d.jsonl"), "re3d.jsonl")
	docs := 0
	for {
		_, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		docs++
	}
	if docs != 90 {
		t.Errorf("re3d: %d documents, want 90", docs)
	}
	g, err := ReadEventGold(openShared(t, "seed/gold.json"), "gold.json")
	if err != nil {
		t.Fatal(err)
	}
	required := 0
	for _, e := range g.Events {
		if e.Required {
			required++
		}
	}
	if required != 3 || len(g.Events) != 6 || g.Doc.Published != "2016-10-05" {
		t.Errorf("seed gold: %d required of %d, published %q", required, len(g.Events), g.Doc.Published)
	}
}

// TestSharedSeedGoldAgainstItself turns the seed gold into predictions and checks that every field scores
// correct: the scorer and the gold's conventions agree.
func TestSharedSeedGoldAgainstItself(t *testing.T) {
	g, err := ReadEventGold(openShared(t, "seed/gold.json"), "gold.json")
	if err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile(filepath.Join(sharedEval, "seed", g.Doc.File))
	if err != nil {
		t.Skipf("seed article not present: %v", err)
	}
	lines := lineSpans(string(text))
	var pred []event.Event
	for _, ge := range g.Events {
		pred = append(pred, predFromGold(ge, string(text), lines))
	}
	r := ScoreEvents(g, string(text), pred)
	if r.RequiredFound != 3 || r.OptionalFound != 3 || len(r.FalseEvents) != 0 {
		t.Errorf("found %d required, %d optional, %d false", r.RequiredFound, r.OptionalFound, len(r.FalseEvents))
	}
	if r.Total.Correct == 0 || r.Total.Incorrect+r.Total.Missing+r.Total.Extra != 0 {
		for _, m := range r.Matches {
			for _, f := range m.Fields {
				if f.Outcome != Correct {
					t.Errorf("%s %s: %s (gold %q, pred %q)", m.Gold, f.Field, f.Outcome, f.Gold, f.Pred)
				}
			}
		}
	}
}

func predFromGold(ge GoldEvent, text string, lines []Interval) event.Event {
	e := event.Event{ID: "P" + ge.ID, EventType: ge.EventType, SubEventType: ge.SubEventType[0]}
	for _, n := range ge.EvidenceLines {
		e.Evidence = append(e.Evidence, event.SpanOf(text, lines[n-1].Start, lines[n-1].End))
	}
	for role, a := range map[string]*GoldActor{event.RoleActor1: ge.Actor1, event.RoleActor2: ge.Actor2} {
		if a != nil {
			e.Actors = append(e.Actors, event.Actor{Role: role, Name: a.Name, Kind: a.Kind, Country: a.Country, Attribution: a.Attribution})
		}
	}
	if l := ge.Location; l != nil {
		e.Location = &event.Place{Name: l.Name, Country: l.Country, Precision: event.LocExact}
		if l.Lat != nil {
			e.Location.Lat, e.Location.Lon = *l.Lat, *l.Lon
		}
	}
	if d := ge.Date; d != nil {
		lo, _ := parseDay(d.Earliest)
		hi, _ := parseDay(d.Latest)
		e.Date = &event.When{Start: lo, End: hi, Precision: d.Precision}
	}
	if f := ge.Fatalities; f != nil {
		e.Fatalities = &event.Count{Low: f.Low, Best: f.Best, High: f.High}
	}
	for _, c := range ge.Claims {
		e.Claims = append(e.Claims, event.Claim{Claimant: event.Claimant{Name: c.Claimant}, Stance: c.Stance})
	}
	return e
}
