package extract

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"sitrep/internal/event"
)

// probe is one short report of testdata/probes and what the engine must make of it. The reports were written
// for sitrep (invented outlets, real places) to probe phrasings the other fixtures lack; each file starts with
// "# key: value" lines:
//
//	published  the publication date (YYYY-MM-DD)
//	subs       the events' sub-types in order, "|"-joined ("" for none)
//	actor1     the first event's "|"-joined actor1 names ("" for none), when given
//	actor2     the same for actor2
//	attr1      the attribution of the first event's first actor1, when given
//	killed     the first event's best fatality figure, when given ("none" for no figure)
//	date       the first event's first day (YYYY-MM-DD), when given
//	claim      a claimant and stance the first event must hold ("Hezbollah asserts"); may repeat
//	noclaim    a claimant and stance the first event must not hold; may repeat
//	note       what a reader should know; not checked
type probe struct {
	name, text       string
	published        event.Date
	want             map[string]string // key -> value, for the single-valued keys
	claims, noclaims []string
}

// readProbe parses a probe file.
func readProbe(t *testing.T, path string) probe {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p := probe{name: strings.TrimSuffix(filepath.Base(path), ".txt"), want: map[string]string{}}
	rest := string(b)
	for strings.HasPrefix(rest, "# ") {
		line, tail, _ := strings.Cut(rest, "\n")
		rest = tail
		key, val, ok := strings.Cut(strings.TrimPrefix(line, "# "), ":")
		if !ok {
			t.Fatalf("%s: bad header line %q", path, line)
		}
		key, val = strings.TrimSpace(key), strings.TrimSpace(val)
		switch key {
		case "published":
			d, err := event.ParseDate(val)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			p.published = d
		case "claim":
			p.claims = append(p.claims, val)
		case "noclaim":
			p.noclaims = append(p.noclaims, val)
		case "subs", "actor1", "actor2", "attr1", "killed", "date", "place":
			p.want[key] = val
		case "note":
		default:
			t.Fatalf("%s: unknown key %q", path, key)
		}
	}
	if p.published == (event.Date{}) {
		t.Fatalf("%s: no published date", path)
	}
	p.text = rest
	return p
}

// TestProbes runs every testdata/probes/*.txt report and checks what its header asks.
func TestProbes(t *testing.T) {
	files, err := filepath.Glob("testdata/probes/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no probes: %v", err)
	}
	e := testEngine(t, false)
	for _, f := range files {
		p := readProbe(t, f)
		t.Run(p.name, func(t *testing.T) {
			pub := p.published
			res, err := e.Extract(context.Background(), event.Document{ID: p.name, Text: p.text, Published: &pub})
			if err != nil {
				t.Fatal(err)
			}
			checkResult(t, p.text, res)
			var subs []string
			for _, ev := range res.Events {
				subs = append(subs, ev.SubEventType)
			}
			if want, ok := p.want["subs"]; ok && strings.Join(subs, "|") != want {
				t.Fatalf("sub-types %q, want %q (%s)", strings.Join(subs, "|"), want, brief(res))
			}
			if len(res.Events) == 0 {
				if len(p.want) > len(onlySubs(p.want)) || len(p.claims) > 0 {
					t.Fatalf("no events, but the probe expects %v %v", p.want, p.claims) // an empty result passes no check
				}
				return
			}
			ev := res.Events[0]
			for _, role := range []string{"actor1", "actor2"} {
				if want, ok := p.want[role]; ok && roleNames(ev, role) != want {
					t.Errorf("%s %q, want %q", role, roleNames(ev, role), want)
				}
			}
			if want, ok := p.want["attr1"]; ok && firstAttribution(ev) != want {
				t.Errorf("actor1 attribution %q, want %q", firstAttribution(ev), want)
			}
			if want, ok := p.want["killed"]; ok && bestFigure(ev.Fatalities) != want {
				t.Errorf("killed %q, want %q", bestFigure(ev.Fatalities), want)
			}
			if want, ok := p.want["date"]; ok && (ev.Date == nil || ev.Date.Start.String() != want) {
				t.Errorf("date %+v, want %s", ev.Date, want)
			}
			if want, ok := p.want["place"]; ok && (ev.Location == nil || ev.Location.Name != want) {
				t.Errorf("place %+v, want %q", ev.Location, want)
			}
			for _, want := range p.claims {
				if !hasClaim(ev, want) {
					t.Errorf("no claim %q among %v", want, claimList(ev))
				}
			}
			for _, bad := range p.noclaims {
				if hasClaim(ev, bad) {
					t.Errorf("claim %q, want none", bad)
				}
			}
		})
	}
}

// onlySubs is the want map's subs entry alone: the one expectation an empty result can meet.
func onlySubs(want map[string]string) map[string]string {
	if v, ok := want["subs"]; ok {
		return map[string]string{"subs": v}
	}
	return nil
}

// firstAttribution is the attribution of the event's first actor1, "" without one.
func firstAttribution(ev event.Event) string {
	for _, a := range ev.Actors {
		if a.Role == event.RoleActor1 {
			return a.Attribution
		}
	}
	return ""
}

// bestFigure is a count's best figure as text, "none" without one.
func bestFigure(c *event.Count) string {
	if c == nil || c.Best == nil {
		return "none"
	}
	return strconv.Itoa(*c.Best)
}

// claimList lists the event's claims as "claimant stance".
func claimList(ev event.Event) []string {
	var out []string
	for _, c := range ev.Claims {
		out = append(out, c.Claimant.Name+" "+c.Stance)
	}
	return out
}

// hasClaim reports a claim "claimant stance" of the event.
func hasClaim(ev event.Event, want string) bool {
	for _, c := range claimList(ev) {
		if c == want {
			return true
		}
	}
	return false
}
