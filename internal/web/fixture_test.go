package web

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sitrep/internal/event"
	"sitrep/internal/store"
)

// region is a country's rough centre, where synthetic incidents are scattered.
type region struct {
	country  string
	lat, lon float64
	actor    string
}

var regions = []region{
	{"SY", 35.0, 38.5, "Military Forces of Syria"}, {"IQ", 33.2, 43.7, "Islamic State"},
	{"YE", 15.5, 47.5, "Houthi Movement"}, {"UA", 48.8, 33.0, "Military Forces of Russia"},
	{"SD", 14.0, 30.0, "Rapid Support Forces"}, {"ML", 16.5, -2.5, "JNIM"},
	{"SO", 4.5, 45.5, "Al Shabaab"}, {"NG", 11.0, 9.0, "Boko Haram"},
	{"CD", -1.5, 28.5, "M23"}, {"MM", 21.0, 96.0, "Military Forces of Myanmar"},
}

var subTypes = []string{"Armed clash", "Air/drone strike", "Shelling/artillery/missile attack", "Attack",
	"Remote explosive/landmine/IED", "Peaceful protest", "Abduction/forced disappearance", "Mob violence"}

// article is a document under construction whose spans are taken from its own text.
type article struct{ b strings.Builder }

// add appends s and returns its span.
func (a *article) add(s string) event.Span {
	start := a.b.Len()
	a.b.WriteString(s)
	return event.Span{Start: start, End: a.b.Len(), Text: s}
}

// within returns the span of part inside the span whole (which must contain it).
func within(whole event.Span, part string) *event.Span {
	i := strings.Index(whole.Text, part)
	if i < 0 {
		panic(fmt.Sprintf("%q not in %q", part, whole.Text))
	}
	return &event.Span{Start: whole.Start + i, End: whole.Start + i + len(part), Text: part}
}

// incidentSpec is one synthetic report.
type incidentSpec struct {
	url, outlet, place, sub, actor, attribution, claimant, stance, extra string
	country                                                              string
	lat, lon                                                             float64
	day                                                                  event.Date
	dead                                                                 int
}

// build writes the report's article and its event, every value tied to a span of the text.
func (s incidentSpec) build() (store.Document, event.Event) {
	var a article
	a.add("Lead paragraph — from Ḩalab’s outskirts, “quoted” — of a synthetic test report.\n\n")
	date := s.day.Format("2 January")
	ev := a.add(fmt.Sprintf("%s carried out a %s in %s on %s, killing %d people, %s said.",
		s.actor, strings.ToLower(s.sub), s.place, date, s.dead, s.claimant))
	a.add(" " + s.extra + "\n\nA closing paragraph that is not evidence.")
	typ, _ := event.TypeOf(s.sub)
	dead := s.dead
	fat := within(ev, fmt.Sprintf("%d people", s.dead))
	e := event.Event{
		ID: "e1", EventType: typ, SubEventType: s.sub, Summary: s.sub + " in " + s.place,
		Date:     &event.When{Start: s.day, End: s.day, Precision: event.PrecisionDay, Span: within(ev, date)},
		Location: &event.Place{Name: s.place, Lat: s.lat, Lon: s.lon, Country: s.country, Precision: event.LocExact, Span: within(ev, s.place)},
		Actors: []event.Actor{{Role: event.RoleActor1, Name: s.actor, Kind: event.KindStateForces,
			Attribution: s.attribution, Span: within(ev, s.actor)}},
		Fatalities: &event.Count{Low: &dead, Best: &dead, High: &dead, Span: fat},
		Claims: []event.Claim{{Claimant: event.Claimant{Name: s.claimant, Span: within(ev, s.claimant)},
			Stance: s.stance, Span: ev}},
		Evidence: []event.Span{ev}, Confidence: 0.8,
	}
	pub := s.day.AddDays(1)
	d := store.Document{Document: event.Document{URL: s.url, Title: "Report: " + s.sub + " in " + s.place,
		Publisher: s.outlet, Published: &pub, Language: "en", Text: a.b.String()}, CanonicalURL: s.url}
	return d, e
}

// randomSpec is the i-th synthetic report, scattered over the regions and the 90 days from 2026-01-01.
func randomSpec(i int, rng *rand.Rand) incidentSpec {
	r := regions[rng.IntN(len(regions))]
	sub := subTypes[rng.IntN(len(subTypes))]
	dead := 0
	if rng.IntN(3) > 0 {
		dead = rng.IntN(40)
	}
	return incidentSpec{
		url: fmt.Sprintf("https://news.example/%d", i), outlet: []string{"Example Wire", "Daily Example", "Radio Test"}[i%3],
		place: fmt.Sprintf("Town %d", i), sub: sub, actor: r.actor, attribution: event.AttrStated,
		claimant: "local officials", stance: event.StanceReports, extra: "Residents fled.",
		country: r.country, lat: r.lat + rng.Float64()*6 - 3, lon: r.lon + rng.Float64()*6 - 3,
		day: event.NewDate(2026, time.January, 1).AddDays(rng.IntN(90)), dead: dead,
	}
}

// openStore opens a fresh SQLite store in a temporary directory.
func openStore(t testing.TB) *store.SQLite {
	t.Helper()
	st, err := store.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "web.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// put stores one report.
func put(t testing.TB, st store.Store, s incidentSpec) {
	t.Helper()
	d, e := s.build()
	if _, err := st.PutResult(context.Background(), d, []event.Event{e}); err != nil {
		t.Fatal(err)
	}
}

// fill stores n scattered reports (deterministic for a seed).
func fill(t testing.TB, st store.Store, n int, seed uint64) {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 1))
	for i := range n {
		put(t, st, randomSpec(i, rng))
	}
}

// Named incidents the tests look for.
const (
	convoyPlace = "Urūm al-Kubrā"
	xssPlace    = "Script Town"
)

// fillNamed stores an incident reported twice (merged, an alleged actor, an assertion and a denial) and one
// whose article, title and names carry HTML that must render as text.
func fillNamed(t testing.TB, st store.Store) {
	t.Helper()
	day := event.NewDate(2026, time.February, 14)
	base := incidentSpec{place: convoyPlace, sub: "Air/drone strike", actor: "Military Forces of Russia",
		country: "SY", lat: 36.15, lon: 36.85, day: day}
	a := base
	a.url, a.outlet, a.dead, a.attribution = "https://wire.example/convoy", "Example Wire", 20, event.AttrAlleged
	a.claimant, a.stance, a.extra = "the UN", event.StanceAccuses, "Aid trucks burned."
	put(t, st, a)
	b := base
	b.url, b.outlet, b.dead, b.attribution = "https://daily.example/convoy", "Daily Example", 21, event.AttrAlleged
	b.claimant, b.stance, b.extra = "the Russian defence ministry", event.StanceDenies, "Moscow rejected the account."
	put(t, st, b)
	x := incidentSpec{url: "https://evil.example/x", outlet: `<img src=x onerror="window.__xss=3">Evil Outlet`,
		place: xssPlace, sub: "Attack", actor: `<b onmouseover="window.__xss=4">Gunmen</b>`, attribution: event.AttrStated,
		claimant: "witnesses", stance: event.StanceReports,
		extra:   `<script>window.__xss=1</script><img src=x onerror="window.__xss=2"> was in the page.`,
		country: "NG", lat: 12.5, lon: 5.5, day: day, dead: 3}
	put(t, st, x)
}
