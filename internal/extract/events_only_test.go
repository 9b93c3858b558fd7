package extract

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"
)

// TestExtractEventsSkipsOnlyEntities checks, on every fixture and on one text long enough to be read in
// windows, that ExtractEvents gives Extract's events and no entities.
func TestExtractEventsSkipsOnlyEntities(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	e := testEngine(t, false)
	windowed := *e
	windowed.window = 2000
	for _, f := range files {
		for _, eng := range []*Engine{e, &windowed} {
			doc := fixture(t, f)
			whole, err := eng.Extract(context.Background(), doc)
			if err != nil {
				t.Fatal(err)
			}
			events, err := eng.ExtractEvents(context.Background(), doc)
			if err != nil {
				t.Fatal(err)
			}
			if events.Entities != nil {
				t.Errorf("%s (window %d): ExtractEvents listed %d entities", f, eng.window, len(events.Entities))
			}
			if len(whole.Entities) == 0 {
				t.Errorf("%s (window %d): Extract listed no entities", f, eng.window)
			}
			if !reflect.DeepEqual(events.Events, whole.Events) {
				t.Errorf("%s (window %d): ExtractEvents' events differ from Extract's", f, eng.window)
			}
		}
	}
}
