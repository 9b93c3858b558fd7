package demo

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"sitrep/internal/actors"
	"sitrep/internal/event"
	"sitrep/internal/extract"
	"sitrep/internal/gazetteer"
	"sitrep/internal/geoparse"
	"sitrep/internal/lexicon"
)

// newEngine wires the extraction engine as the CLI does (internal/cli/engine.go), with the embedded data only.
func newEngine(t testing.TB) *extract.Engine {
	t.Helper()
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	gaz, err := gazetteer.Open(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	geo := geoparse.NewWithOptions(gaz, geoparse.Options{FirstName: lex.IsFirstName})
	return extract.New(lex, geo, actors.New(lex, gaz), extract.Options{})
}

// TestEngineFindsEveryEventType runs the engine over the corpus: across it, every ACLED event type must be found.
// The log lists, per report, the sub-types found, so that a missed report is easy to see.
func TestEngineFindsEveryEventType(t *testing.T) {
	docs, err := Documents()
	if err != nil {
		t.Fatal(err)
	}
	eng := newEngine(t)
	types, subTypes := map[string]int{}, map[string]int{}
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
		t.Logf("%s %s: %s", d.Published, d.URL, strings.Join(found, ", "))
	}
	for _, st := range event.SubTypes() {
		t.Logf("%-40s %d", st, subTypes[st])
	}
	for _, typ := range []string{event.TypeBattles, event.TypeExplosions, event.TypeViolenceCivs,
		event.TypeProtests, event.TypeRiots, event.TypeStrategic} {
		if types[typ] == 0 {
			t.Errorf("no %s event found in the corpus (found: %s)", typ, summary(types))
		}
	}
}

func summary(m map[string]int) string {
	var b strings.Builder
	for _, k := range slices.Sorted(maps.Keys(m)) {
		fmt.Fprintf(&b, "%s=%d ", k, m[k])
	}
	return strings.TrimSpace(b.String())
}
