package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"sitrep/internal/demo"
	"sitrep/internal/event"
	"sitrep/internal/extract"
	"sitrep/internal/pgtest"
)

// TestMain shares one PostgreSQL server (started on first use) across the package's tests.
func TestMain(m *testing.M) { os.Exit(pgtest.Run(m)) }

// backend is one kind of store the shared test suite runs against.
type backend struct {
	name string
	// fresh makes a new empty database and returns what Open takes: a SQLite path or a PostgreSQL DSN.
	fresh func(t testing.TB) string
}

// backends are SQLite and PostgreSQL (skipped when PostgreSQL is not installed, unless CI=true).
var backends = []backend{
	{"sqlite", func(t testing.TB) string { return filepath.Join(t.TempDir(), "t.db") }},
	{"postgres", pgtest.Start},
}

// eachBackend runs fn as a subtest with a fresh store of each backend.
func eachBackend(t *testing.T, fn func(t *testing.T, s *sqlStore)) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) { fn(t, openAt(t, b.fresh(t))) })
	}
}

// openAt opens the store at dsn through Open with a fixed clock, closing it when the test ends.
func openAt(t testing.TB, dsn string) *sqlStore {
	t.Helper()
	clock := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	st, err := Open(context.Background(), dsn, Options{Now: func() time.Time {
		clock = clock.Add(time.Second)
		return clock
	}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return base(t, st)
}

// base is the shared implementation inside a store Open returned.
func base(t testing.TB, st Store) *sqlStore {
	switch s := st.(type) {
	case *SQLite:
		return &s.sqlStore
	case *Postgres:
		return &s.sqlStore
	}
	t.Fatalf("unknown store %T", st)
	return nil
}

// open opens a fresh SQLite store in a temporary directory with a fixed clock.
func open(t testing.TB) *sqlStore { return openAt(t, filepath.Join(t.TempDir(), "t.db")) }

// ev builds an event: sub-type, day, place, fatalities, actor1.
func ev(id, sub string, day int, place string, lat, lon float64, country string, dead int, actor string) event.Event {
	t, _ := event.TypeOf(sub)
	d := event.NewDate(2026, 2, day)
	adm := country + "-region"
	e := event.Event{
		ID: id, EventType: t, SubEventType: sub, Summary: sub + " in " + place,
		Date:     &event.When{Start: d, End: d, Precision: event.PrecisionDay},
		Location: &event.Place{Name: place, Lat: lat, Lon: lon, Country: country, Admin1: &adm, Precision: event.LocExact},
		Actors:   []event.Actor{{Role: event.RoleActor1, Name: actor, Kind: event.KindStateForces, Attribution: event.AttrStated}},
	}
	if dead >= 0 {
		e.Fatalities = &event.Count{Best: &dead, Low: &dead, High: &dead}
	}
	return e
}

// doc builds a document with a URL and text.
func doc(url, text string) Document {
	return Document{Document: event.Document{URL: url, Title: "Report " + url, Publisher: "Example Wire",
		Language: "en", Text: text}, CanonicalURL: url}
}

// demoEvent is an event the default engine extracts from a document of the demo corpus.
type demoEvent struct {
	doc event.Document
	ev  event.Event
}

// demoEvents are the events the default engine extracts from the demo corpus, in the corpus's order.
func demoEvents(t *testing.T) []demoEvent {
	t.Helper()
	eng, err := extract.Default(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	docs, err := demo.Documents()
	if err != nil {
		t.Fatal(err)
	}
	var out []demoEvent
	for _, d := range docs {
		res, err := eng.ExtractEvents(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		for _, ev := range res.Events {
			out = append(out, demoEvent{d, ev})
		}
	}
	return out
}

// demoIncident is an incident with a report of each of evs and a merge, stamped now.
func demoIncident(evs []demoEvent, now time.Time) event.Incident {
	inc := event.Incident{ID: "inc-1", Created: now, Updated: now,
		Merges: []event.Merge{{DocumentID: "d", EventID: "e1", Score: 0.75, Reasons: []string{"same place"}, At: now}}}
	for _, e := range evs {
		d := e.doc
		inc.Reports = append(inc.Reports, event.Report{DocumentID: d.ID, URL: d.URL, Publisher: d.Publisher,
			Published: d.Published, Event: e.ev, Added: now})
	}
	return inc
}

// refChoices are the ways a body's reports are written in the tests of its encoding: every event as a
// reference, every event whole, and some of each.
var refChoices = []func(*event.Report) bool{func(*event.Report) bool { return true },
	func(*event.Report) bool { return false }, func(r *event.Report) bool { return len(r.DocumentID)%2 == 0 }}
