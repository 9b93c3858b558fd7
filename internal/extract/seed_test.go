package extract

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"sitrep/internal/eval"
	"sitrep/internal/event"
	"sitrep/internal/gazetteer"
)

// sharedDir is where the team's evaluation data lives, outside the repository.
const sharedDir = "../../../shared"

// goldEvent is the part of ../shared/eval/seed/gold.json this test reads.
type goldEvent struct {
	ID           string   `json:"id"`
	Required     bool     `json:"required"`
	EventType    string   `json:"event_type"`
	SubEventType []string `json:"sub_event_type"`
	Actor1       *struct {
		Name        string `json:"name"`
		Attribution string `json:"attribution"`
	} `json:"actor1"`
	Location *struct {
		Name      string  `json:"name"`
		Lat       float64 `json:"lat"`
		Lon       float64 `json:"lon"`
		Tolerance float64 `json:"tolerance_km"`
	} `json:"location"`
	Date *struct {
		Earliest string `json:"earliest"`
		Latest   string `json:"latest"`
	} `json:"date"`
	Fatalities *struct {
		Best int `json:"best"`
	} `json:"fatalities"`
	Evidence []int `json:"evidence_lines"`
}

// TestSeed runs the seed article when ../shared is present and logs what it finds against the gold events.
// It checks only the validity of the result: the score is `sitrep eval events`' business.
func TestSeed(t *testing.T) {
	seeds, _ := filepath.Glob(filepath.Join(sharedDir, "seeds", "*.txt"))
	goldRaw, err := os.ReadFile(filepath.Join(sharedDir, "eval", "seed", "gold.json"))
	if len(seeds) == 0 || err != nil {
		t.Skip("../shared seeds or gold not present")
	}
	var gold struct {
		Doc struct {
			Published string `json:"published"`
		} `json:"doc"`
		Events []goldEvent `json:"events"`
		Not    []struct {
			Line int `json:"line"`
		} `json:"not_events"`
	}
	if err := json.Unmarshal(goldRaw, &gold); err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile(seeds[0])
	if err != nil {
		t.Fatal(err)
	}
	pub, err := event.ParseDate(gold.Doc.Published)
	if err != nil {
		t.Fatal(err)
	}
	doc := event.Document{ID: "seed", Text: string(text), Published: &pub, Language: "en"}
	res, err := testEngine(t, false).Extract(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	checkResult(t, doc.Text, res)
	lines := func(ev event.Event) []int {
		var out []int
		for _, sp := range ev.Evidence {
			out = append(out, strings.Count(doc.Text[:sp.Start], "\n")+1)
		}
		return out
	}
	matched := map[string]bool{}
	for _, g := range gold.Events {
		var best *event.Event
		for i, ev := range res.Events {
			if ev.EventType == g.EventType && overlapsLines(lines(ev), g.Evidence) && !matched[ev.ID] {
				best = &res.Events[i]
				break
			}
		}
		if best == nil {
			t.Logf("%s (required %v) %s %v: MISSING", g.ID, g.Required, g.EventType, g.SubEventType)
			continue
		}
		matched[best.ID] = true
		t.Logf("%s (required %v): found %s lines %v\n%s", g.ID, g.Required, best.SubEventType, lines(*best), fieldReport(g, *best))
	}
	for _, ev := range res.Events {
		if !matched[ev.ID] {
			t.Logf("extra event %s lines %v: %s", ev.SubEventType, lines(ev), ev.Summary)
		}
	}
	g, err := eval.ReadEventGold(bytes.NewReader(goldRaw), "gold.json")
	if err != nil {
		t.Fatal(err)
	}
	var report strings.Builder
	if err := eval.ScoreEvents(g, doc.Text, res.Events).WriteText(&report); err != nil {
		t.Fatal(err)
	}
	t.Logf("eval scorer:\n%s", report.String())
}

// overlapsLines reports a shared line number.
func overlapsLines(a, b []int) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// fieldReport compares the fields of a found event with its gold event.
func fieldReport(g goldEvent, ev event.Event) string {
	var b strings.Builder
	mark := func(ok bool) string {
		if ok {
			return "ok  "
		}
		return "MISS"
	}
	b.WriteString("  " + mark(slices.Contains(g.SubEventType, ev.SubEventType)) + " sub-type " + ev.SubEventType + "\n")
	a1, attr := "", ""
	for _, a := range ev.Actors {
		if a.Role == event.RoleActor1 && a1 == "" {
			a1, attr = a.Name, a.Attribution
		}
	}
	if g.Actor1 != nil {
		b.WriteString("  " + mark(a1 == g.Actor1.Name) + " actor1 " + a1 + "/" + attr + " (gold " + g.Actor1.Name + "/" + g.Actor1.Attribution + ")\n")
	}
	loc, km := "", -1.0
	if ev.Location != nil {
		loc = ev.Location.Name + "/" + ev.Location.Precision
		if g.Location != nil {
			km = gazetteer.DistanceKm(ev.Location.Lat, ev.Location.Lon, g.Location.Lat, g.Location.Lon)
		}
	}
	if g.Location != nil {
		ok := km >= 0 && km <= max(g.Location.Tolerance, 25) ||
			g.Location.Lat == 0 && g.Location.Lon == 0 && strings.HasPrefix(loc, g.Location.Name)
		b.WriteString("  " + mark(ok) + " location " + loc + " " + strconv.Itoa(int(km)) + " km (gold " + g.Location.Name + ")\n")
	}
	if g.Date != nil && ev.Date != nil {
		ok := ev.Date.Start.String() <= g.Date.Latest && ev.Date.End.String() >= g.Date.Earliest
		b.WriteString("  " + mark(ok) + " date " + ev.Date.Start.String() + ".." + ev.Date.End.String() + " (gold " + g.Date.Earliest + ".." + g.Date.Latest + ")\n")
	}
	if g.Fatalities != nil {
		got := -1
		if ev.Fatalities != nil && ev.Fatalities.Best != nil {
			got = *ev.Fatalities.Best
		}
		b.WriteString("  " + mark(got == g.Fatalities.Best) + " fatalities best " + itoa(got) + "\n")
	}
	var stances []string
	for _, c := range ev.Claims {
		stances = append(stances, c.Claimant.Name+":"+c.Stance)
	}
	b.WriteString("  claims " + strings.Join(stances, ", "))
	return b.String()
}
