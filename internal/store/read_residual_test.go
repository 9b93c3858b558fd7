package store

import (
	"context"
	"fmt"
	"slices"
	"testing"
	gotime "time"

	"sitrep/internal/event"
)

// residualSeed stores n incidents, each from its own document, far apart, with varied dates (one day, weeks,
// months, years, none), countries, admin1s, fatalities (some unknown) and actors.
func residualSeed(t *testing.T, s *sqlStore, n int) {
	t.Helper()
	ctx := context.Background()
	countries := []string{"CD", "SD", "NG", "SY"}
	subs := []string{"Armed clash", "Air/drone strike", "Peaceful protest", "Attack", "Abduction/forced disappearance"}
	for i := range n {
		c := countries[i%len(countries)]
		e := ev(fmt.Sprintf("e%d", i), subs[i%len(subs)], 1, fmt.Sprintf("Place %d", i), float64(-60+i%120),
			float64(-170+(i*7)%340), c, (i*13)%60, fmt.Sprintf("Group %d", i%31))
		if i%7 == 0 {
			e.Fatalities = nil
		}
		adm := fmt.Sprintf("%s-r%d", c, i%5)
		e.Location.Admin1 = &adm
		start := event.NewDate(2024, 1, 1).AddDays((i * 37) % 900)
		end := start
		switch {
		case i%29 == 0:
			e.Date = nil
		case i%23 == 0:
			end = start.AddDays(800) // class 3
		case i%17 == 0:
			end = start.AddDays(200) // class 2
		case i%10 == 0:
			end = start.AddDays(20) // class 1
		}
		if e.Date != nil {
			e.Date = &event.When{Start: start, End: end, Precision: event.PrecisionDay}
		}
		d := doc(fmt.Sprintf("https://news.example/r%d", i), fmt.Sprintf("Report %d from %s.", i, e.Location.Name))
		if _, err := s.PutResult(ctx, d, []event.Event{e}); err != nil {
			t.Fatal(err)
		}
	}
}

// listAll pages through the listing of f with pages of limit, and returns the incident ids in order.
func listAll(t *testing.T, s *sqlStore, f Filter, limit int) []string {
	t.Helper()
	f.Limit = limit
	var ids []string
	for pages := 0; ; pages++ {
		if pages > 1000 {
			t.Fatal("pagination does not end")
		}
		p, err := s.ListIncidents(context.Background(), f)
		if err != nil {
			t.Fatalf("%+v: %v", f, err)
		}
		for _, inc := range p.Incidents {
			ids = append(ids, inc.ID)
		}
		if p.Next == "" {
			return ids
		}
		f.Cursor = p.Next
	}
}

func TestResidualPlans(t *testing.T) { eachBackend(t, testResidualPlans) }

// testResidualPlans checks that listings that collect through a residual filter's index, or walk with a From
// bound, list the same incidents in the same order as the plain walk (walkOnly), page by page, and that some of
// them do collect.
func testResidualPlans(t *testing.T, s *sqlStore) {
	residualSeed(t, s, 300)
	ctx := context.Background()
	d := func(y, m, day int) event.Date { return event.NewDate(y, gotime.Month(m), day) }
	// Around a From of 2026-06-10, which collects: class 0 at its longest, starting at the earliest start a
	// class-0 incident listed under that From has (read as a start on SQLite), class 1 a day longer, before it,
	// and a class-0 incident starting as early that ends the day before From (read, and dropped).
	for i, span := range []struct{ start, end event.Date }{{d(2026, 6, 2), d(2026, 6, 10)},
		{d(2026, 6, 1), d(2026, 6, 10)}, {d(2026, 6, 2), d(2026, 6, 9)}} {
		e := ev(fmt.Sprintf("edge%d", i), "Looting/property destruction", 1, fmt.Sprintf("Edge %d", i),
			70+float64(i)*5, -175+float64(i)*20, "ML", 3, "Group 1")
		e.Date = &event.When{Start: span.start, End: span.end, Precision: event.PrecisionDay}
		d := doc(fmt.Sprintf("https://news.example/edge%d", i), fmt.Sprintf("Edge report %d.", i))
		if _, err := s.PutResult(ctx, d, []event.Event{e}); err != nil {
			t.Fatal(err)
		}
	}
	filters := []Filter{
		{MinFatalities: 1}, {MinFatalities: 55}, {MinFatalities: 59}, {MinFatalities: 100},
		{Admin1: "SD-r1"}, {Admin1: "SD-r2"}, {Admin1: "nowhere"}, {Admin1: "CD-r3", Country: "CD"},
		{Admin1: "CD-r3", Country: "SD"},
		{From: d(2025, 6, 1)}, {From: d(2026, 5, 1)}, {From: d(2024, 1, 1)}, {From: d(2030, 1, 1)},
		{From: d(2024, 3, 1), To: d(2024, 3, 10)}, {From: d(2025, 2, 1), To: d(2025, 2, 1)},
		{From: d(2024, 3, 1), To: d(2024, 3, 10), Country: "NG"}, {From: d(2025, 1, 1), Country: "SY"},
		{From: d(2024, 6, 1), To: d(2024, 9, 1), Country: "CD", SubEventType: "Armed clash"},
		{From: d(2024, 6, 1), To: d(2025, 9, 1), MinFatalities: 50, Admin1: "NG-r2"},
		{From: d(2025, 3, 1), EventType: "Battles", MinFatalities: 30},
		{To: d(2024, 2, 1), MinFatalities: 10}, {Actor: "group 3", MinFatalities: 20},
		{From: d(2024, 10, 1), BBox: &BBox{MinLat: -60, MinLon: -170, MaxLat: 0, MaxLon: 0}},
		{MinFatalities: 40, Query: "attack"}, {Admin1: "SY-r4", Query: "report"},
		{Actor: "group 3"}, {Actor: "Group 30"}, {Actor: "nobody"}, {Actor: "gr"}, {Actor: "group_1"},
		{Actor: "roup 2", Country: "SD"}, {Actor: "group 1", MinFatalities: 58}, {Actor: "3|"}, {Actor: "|group 1"},
		{Actor: "group 30", From: d(2025, 1, 1)}, {Actor: "group 2", Admin1: "SD-r1"},
		{From: d(2026, 6, 10)}, {From: d(2026, 6, 10), To: d(2026, 6, 11)}, {From: d(2026, 6, 11)},
		{From: d(2026, 6, 9), To: d(2026, 6, 9)}, {From: d(2026, 6, 10), To: d(2026, 6, 1)},
		{From: d(0, 1, 3)}, {From: d(0, 1, 3), To: d(2024, 1, 5)}, {From: d(10000, 3, 1)},
	}
	for _, f := range filters {
		for _, limit := range []int{1, 3, 50} {
			t.Run(fmt.Sprintf("%+v/%d", f, limit), func(t *testing.T) {
				got := listAll(t, s, f, limit)
				s.walkOnly = true
				want := listAll(t, s, f, limit)
				s.walkOnly = false
				if !slices.Equal(got, want) {
					t.Errorf("got %d incidents %v\nwant %d %v", len(got), got, len(want), want)
				}
			})
		}
	}
	// The filters the store's few incidents hold few of must collect, so that the test above compares the
	// collecting plan with the walk and not the walk with itself.
	for _, f := range []Filter{{MinFatalities: 59}, {Admin1: "nowhere"}, {From: d(2026, 6, 10)},
		{From: d(2024, 3, 1), To: d(2024, 3, 10)}, {From: d(2026, 6, 10), To: d(2026, 6, 11)},
		{From: d(2024, 3, 1), To: d(2024, 3, 10), Country: "NG"},
		{Actor: "group 30"}, {Actor: "nobody"}, {Actor: "Group 30", Country: "SY"}} {
		if _, indexed := s.d.actorMatches("group"); f.Actor != "" && !indexed {
			if _, ok := s.d.(sqliteDialect); ok {
				t.Fatal("SQLite's actor index (migration 0016) does not serve the actor filter")
			}
			continue // a PostgreSQL without pg_trgm (migration 0009)
		}
		rp, err := s.residualPlanFor(ctx, f, 4, readPlan{})
		if err != nil {
			t.Fatal(err)
		}
		if rp.collect == nil {
			t.Errorf("%+v: walks, want a collecting plan", f)
		}
	}
	rp, err := s.residualPlanFor(ctx, Filter{From: d(2024, 1, 1), Country: "SY", SubEventType: "Attack"}, 4, readPlan{})
	if err != nil {
		t.Fatal(err)
	}
	if rp.collect != nil || rp.low == "" {
		t.Errorf("a From that most incidents pass: plan %+v, want a bounded walk", rp)
	}
}

func TestFromBoundSeesIncidentsWidenedMeanwhile(t *testing.T) {
	eachBackend(t, testFromBoundSeesIncidentsWidenedMeanwhile)
}

// testFromBoundSeesIncidentsWidenedMeanwhile checks that a walk bounded under From lists an incident that a
// write widened into date class 3, starting long before the bound from From alone, after the listing planned
// and before it read its rows: the earliest class-3 start must be read by the listing's own statement.
func testFromBoundSeesIncidentsWidenedMeanwhile(t *testing.T, s *sqlStore) {
	ctx := context.Background()
	residualSeed(t, s, 120)
	old := ev("old", "Attack", 1, "Old Place", 30, 40, "SY", 2, "Group 1")
	start := event.NewDate(2020, 1, 1)
	old.Date = &event.When{Start: start, End: start, Precision: event.PrecisionDay}
	if _, err := s.PutResult(ctx, doc("https://news.example/old", "An old attack."), []event.Event{old}); err != nil {
		t.Fatal(err)
	}
	var id string
	if err := s.db.QueryRowContext(ctx, s.d.rebind(`SELECT id FROM incidents WHERE date_start = ?`),
		start.String()).Scan(&id); err != nil {
		t.Fatal(err)
	}
	f := Filter{From: event.NewDate(2024, 1, 1), Country: "SY", SubEventType: "Attack", Limit: 4}
	rp, err := s.residualPlanFor(ctx, f, f.Limit+1, readPlan{})
	if err != nil {
		t.Fatal(err)
	}
	if rp.collect != nil || rp.low == "" {
		t.Fatalf("plan %+v, want a bounded walk", rp)
	}
	// The last page, which the old incident joins once widened, is listed with the write in between: one
	// with room for it, so that it is not left for a next page (which would plan again, after the write).
	var before []string
	for {
		p, err := s.ListIncidents(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		before = append(before, ids(p)...)
		if p.Next == "" {
			if len(p.Incidents) == f.Limit {
				t.Fatalf("the last page is full (%d incidents in all): pick another limit", len(before))
			}
			break
		}
		f.Cursor = p.Next
	}
	if slices.Contains(before, id) || len(before) <= f.Limit {
		t.Fatalf("before the write: %v, want more than a page and not the old incident", before)
	}
	s.planned = func() {
		s.planned = nil
		if _, err := s.db.ExecContext(ctx, s.d.rebind(`UPDATE incidents SET date_end = ? WHERE id = ?`),
			"2026-01-01", id); err != nil {
			t.Error(err)
		}
	}
	p, err := s.ListIncidents(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	if s.planned != nil {
		t.Fatal("the listing did not call its hook")
	}
	if got := ids(p); !slices.Contains(got, id) {
		t.Errorf("the last page after the write: %v, want the old incident %s in it", got, id)
	}
}

// ids are the ids of a page's incidents.
func ids(p Page) []string {
	var out []string
	for _, inc := range p.Incidents {
		out = append(out, inc.ID)
	}
	return out
}

// TestFromLowBoundPlainDates checks that a From whose bound would not be a plain YYYY-MM-DD date (a year past
// 9999, or a bound before year 0) gets no bound, so that no other text is written into the listing's SQL.
func TestFromLowBoundPlainDates(t *testing.T) {
	s := open(t)
	for _, c := range []struct {
		from  event.Date
		bound bool
	}{{event.NewDate(2026, 3, 1), true}, {event.NewDate(9999, 12, 31), true}, {event.NewDate(10000, 1, 1), false},
		{event.NewDate(2, 6, 1), true}, {event.NewDate(0, 6, 1), false}} {
		if got := s.fromLowBound(c.from); (got != "") != c.bound {
			t.Errorf("from %s: bound %q, want one: %v", c.from, got, c.bound)
		}
	}
}
