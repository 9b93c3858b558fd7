package api

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sitrep/internal/event"
	"sitrep/internal/pgtest"
	"sitrep/internal/store"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Run(m)) }

// openStore opens a fresh SQLite store in a temporary directory.
func openStore(t testing.TB) *store.SQLite {
	t.Helper()
	st, err := store.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "api.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// spec describes one synthetic event.
type spec struct {
	sub      string
	day      event.Date
	place    string
	lat, lon float64
	country  string
	dead     int
	actor    string
}

// mkEvent builds an event from a spec.
func mkEvent(id string, s spec) event.Event {
	t, _ := event.TypeOf(s.sub)
	adm := s.country + " Province"
	dead := s.dead
	return event.Event{
		ID: id, EventType: t, SubEventType: s.sub, Summary: s.sub + " in " + s.place,
		Date:       &event.When{Start: s.day, End: s.day, Precision: event.PrecisionDay},
		Location:   &event.Place{Name: s.place, Lat: s.lat, Lon: s.lon, Country: s.country, Admin1: &adm, Precision: event.LocExact},
		Actors:     []event.Actor{{Role: event.RoleActor1, Name: s.actor, Kind: event.KindStateForces, Attribution: event.AttrStated}},
		Fatalities: &event.Count{Low: &dead, Best: &dead, High: &dead},
	}
}

// put stores one document reporting the events of specs.
func put(t testing.TB, st store.Store, url, text string, specs ...spec) store.Ingest {
	t.Helper()
	var evs []event.Event
	for i, s := range specs {
		evs = append(evs, mkEvent(url+"#"+string(rune('a'+i)), s))
	}
	d := store.Document{Document: event.Document{URL: url, Title: "Report " + url, Publisher: "Example Wire",
		Language: "en", Text: text}, CanonicalURL: url}
	in, err := st.PutResult(context.Background(), d, evs)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// day is a date in February 2026.
func feb(d int) event.Date { return event.NewDate(2026, time.February, d) }

// fixture is a SQLite store with five incidents in three countries.
func fixture(t testing.TB) *store.SQLite {
	st := openStore(t)
	fill(t, st)
	return st
}

// openPostgres opens a store in a fresh database of a throwaway PostgreSQL server (skipped when PostgreSQL is
// not installed, unless CI=true).
func openPostgres(t testing.TB) store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), pgtest.Start(t), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// backends runs f on the fixture in each store backend.
func backends(t *testing.T, f func(t *testing.T, st store.Store)) {
	t.Run("sqlite", func(t *testing.T) { f(t, fixture(t)) })
	t.Run("postgres", func(t *testing.T) {
		st := openPostgres(t)
		fill(t, st)
		f(t, st)
	})
}

// fill stores five incidents in three countries.
func fill(t testing.TB, st store.Store) {
	put(t, st, "https://news.example/1", "Shelling hit the market in Aleppo city.",
		spec{"Shelling/artillery/missile attack", feb(3), "Aleppo", 36.2, 37.15, "SY", 7, "Military Forces of Syria"})
	put(t, st, "https://news.example/2", "An air strike struck Idlib, killing twelve.",
		spec{"Air/drone strike", feb(5), "Idlib", 35.93, 36.63, "SY", 12, "Military Forces of Russia"})
	put(t, st, "https://news.example/3", "Clashes erupted near Goma between the army and rebels.",
		spec{"Armed clash", feb(8), "Goma", -1.68, 29.22, "CD", 4, "M23"})
	put(t, st, "https://news.example/4", "Protesters marched peacefully in Khartoum.",
		spec{"Peaceful protest", feb(10), "Khartoum", 15.5, 32.56, "SD", 0, "Protesters (Sudan)"})
	put(t, st, "https://news.example/5", "Gunmen attacked villagers near Bunia.",
		spec{"Attack", feb(12), "Bunia", 1.56, 30.25, "CD", 9, "CODECO"})
}

// call sends a request to h and returns the status and body.
func call(t testing.TB, h http.Handler, method, target, body string, header ...string) (int, string) {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, target, r)
	if method == http.MethodPost {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

// decode unmarshals a JSON body.
func decode[T any](t testing.TB, body string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(body), &v); err != nil {
		t.Fatalf("decode %q: %v", body, err)
	}
	return v
}

// serve sends a bodiless request and returns the recorder.
func serve(h http.Handler, method, target string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, target, nil))
	return rec
}
