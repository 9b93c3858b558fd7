package demo

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"

	"sitrep/internal/event"
	"sitrep/internal/extract"
)

// newEngine is the extraction engine as the CLI wires it, with the embedded data only.
func newEngine(t testing.TB) *extract.Engine {
	t.Helper()
	eng, err := extract.Default(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return eng
}

// TestEngineFindsEveryEventType runs the engine over the corpus: across it, every ACLED event type must be found.
// The log lists, per report, the sub-types found, so that a missed report is easy to see.
func TestEngineFindsEveryEventType(t *testing.T) {
	docs, err := Documents()
	if err != nil {
		t.Fatal(err)
	}
	eng := newEngine(t)
	intents := map[string][]intent{}
	for _, in := range readIntents(t) {
		intents[in.URL] = append(intents[in.URL], in)
	}
	types, subTypes := map[string]int{}, map[string]int{}
	intended, hits, dated, placed := map[string]int{}, map[string]int{}, 0, 0
	tolls, withToll := 0, 0
	for _, d := range docs {
		res, err := eng.Extract(context.Background(), d)
		if err != nil {
			t.Fatalf("%s: %v", d.URL, err)
		}
		var found []string
		for _, ev := range res.Events {
			types[ev.EventType]++
			subTypes[ev.SubEventType]++
			found = append(found, ev.SubEventType)
		}
		var missed []string
		for _, in := range intents[d.URL] {
			intended[in.SubType]++
			ev, ok := findSubType(res.Events, in.SubType)
			if !ok {
				missed = append(missed, in.SubType)
				continue
			}
			hits[in.SubType]++
			if in.Low > 0 {
				withToll++
				if c := ev.Fatalities; c != nil && c.Best != nil && *c.Best >= in.Low && *c.Best <= in.High {
					tolls++
				} else {
					t.Logf("%s: %s fatalities %s, intended %d-%d", d.URL, in.SubType, countString(c), in.Low, in.High)
				}
			}
			if ev.Location != nil {
				placed++
				t.Logf("%s: %s at %s, %s (%s)", d.URL, in.SubType, ev.Location.Name, ev.Location.Country, ev.Location.Precision)
			}
			if ev.Date != nil && strings.HasPrefix(ev.Date.Start.String(), in.Date) {
				dated++
			} else if ev.Date != nil {
				t.Logf("%s: %s dated %s (%s), intended %s", d.URL, in.SubType, ev.Date.Start, ev.Date.Precision, in.Date)
			}
		}
		t.Logf("%s %s: found [%s] missed [%s]", d.Published, d.URL, strings.Join(found, ", "), strings.Join(missed, ", "))
	}
	t.Logf("%-40s %8s %5s %5s", "sub-type", "intended", "hit", "found")
	total, hit := 0, 0
	for _, st := range event.SubTypes() {
		t.Logf("%-40s %8d %5d %5d", st, intended[st], hits[st], subTypes[st])
		total, hit = total+intended[st], hit+hits[st]
	}
	t.Logf("intended events found with their sub-type: %d of %d; of those, with the intended date: %d, with a place: %d",
		hit, total, dated, placed)
	t.Logf("of those with a reported death toll, with the intended figure: %d of %d", tolls, withToll)
	for _, typ := range event.Types() {
		if types[typ] == 0 {
			t.Errorf("no %s event found in the corpus (found: %s)", typ, summary(types))
		}
	}
}

// findSubType returns the first event of the sub-type.
func findSubType(evs []event.Event, subType string) (event.Event, bool) {
	for _, ev := range evs {
		if ev.SubEventType == subType {
			return ev, true
		}
	}
	return event.Event{}, false
}

func summary(m map[string]int) string {
	var b strings.Builder
	for _, k := range slices.Sorted(maps.Keys(m)) {
		fmt.Fprintf(&b, "%s=%d ", k, m[k])
	}
	return strings.TrimSpace(b.String())
}

// countString shows a count's best figure, or "none".
func countString(c *event.Count) string {
	if c == nil || c.Best == nil {
		return "none"
	}
	return strconv.Itoa(*c.Best)
}
