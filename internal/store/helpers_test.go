package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"sitrep/internal/event"
)

// open opens a fresh store in a temporary directory with a fixed clock.
func open(t testing.TB) *SQLite {
	t.Helper()
	clock := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	s, err := OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "t.db"), Options{Now: func() time.Time {
		clock = clock.Add(time.Second)
		return clock
	}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

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
