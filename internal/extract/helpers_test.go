package extract

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"sitrep/internal/actors"
	"sitrep/internal/event"
	"sitrep/internal/gazetteer"
	"sitrep/internal/geoparse"
	"sitrep/internal/lexicon"
)

var (
	engineOnce sync.Once
	engine     *Engine
	engineErr  error
)

// testEngine returns the engine over the embedded lexicon and gazetteer, built once.
func testEngine(t testing.TB, explain bool) *Engine {
	t.Helper()
	engineOnce.Do(func() {
		lex, err := lexicon.Default()
		if err != nil {
			engineErr = err
			return
		}
		g, err := gazetteer.Default()
		if err != nil {
			engineErr = err
			return
		}
		engine = New(lex, geoparse.New(g), actors.New(lex, g), Options{})
	})
	if engineErr != nil {
		t.Fatal(engineErr)
	}
	if explain {
		e := *engine
		e.opts.Explain = true
		return &e
	}
	return engine
}

// fixture reads testdata/name.txt: a "# published YYYY-MM-DD" first line, then the article text.
func fixture(t testing.TB, path string) event.Document {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	doc := event.Document{ID: strings.TrimSuffix(filepath.Base(path), ".txt"), Language: "en"}
	if head, rest, ok := strings.Cut(s, "\n"); ok && strings.HasPrefix(head, "# published ") {
		d, err := event.ParseDate(strings.TrimPrefix(head, "# published "))
		if err != nil {
			t.Fatal(err)
		}
		doc.Published = &d
		s = rest
	}
	doc.Text = s
	return doc
}

// checkResult fails on an invalid span or an unknown type anywhere in res.
func checkResult(t testing.TB, text string, res event.Result) {
	t.Helper()
	sp := func(what string, s *event.Span) {
		if s == nil {
			return
		}
		if s.Start < 0 || s.End < s.Start || s.End > len(text) || text[s.Start:s.End] != s.Text {
			t.Fatalf("%s: bad span %d:%d %q", what, s.Start, s.End, s.Text)
		}
	}
	for _, ev := range res.Events {
		if typ, ok := event.TypeOf(ev.SubEventType); !ok || typ != ev.EventType {
			t.Fatalf("event %s: type %q / sub-type %q not in the taxonomy", ev.ID, ev.EventType, ev.SubEventType)
		}
		if len(ev.Evidence) == 0 {
			t.Fatalf("event %s: no evidence", ev.ID)
		}
		for i := range ev.Evidence {
			sp("evidence", &ev.Evidence[i])
		}
		if ev.Date != nil {
			sp("date", ev.Date.Span)
		}
		if ev.Location != nil {
			sp("location", ev.Location.Span)
		}
		for _, a := range ev.Actors {
			sp("actor", a.Span)
		}
		for _, c := range ev.Claims {
			sp("claim", &c.Span)
			sp("claimant", c.Claimant.Span)
		}
		for _, c := range []*event.Count{ev.Fatalities, ev.Injuries} {
			if c != nil {
				sp("count", c.Span)
			}
		}
		for _, w := range append(append([]event.Thing{}, ev.Weapons...), ev.Targets...) {
			sp("thing", w.Span)
		}
		for _, r := range ev.Explain {
			sp("explain "+r.Field, r.Span)
		}
	}
}
