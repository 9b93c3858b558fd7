package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"sitrep/internal/event"
)

// TestTypeSubTypes checks that the pairs incidents_type_other's condition names are the taxonomy's.
// TestTypeSubTypes fails when the taxonomy changes. Do not edit typeSubTypes alone: its pairs are migration
// 0022's index condition word for word (typeOtherCond), and a listing naming another condition finds no index
// ("no query solution"). A pair left out stays correct (its incidents are read through incidents_type_other);
// a new condition needs a new migration that rebuilds the index, and typeSubTypes changed with it.
func TestTypeSubTypes(t *testing.T) {
	var subs []string
	for _, p := range typeSubTypes {
		subs = append(subs, p[0])
		if typ, ok := event.TypeOf(p[0]); !ok || typ != p[1] {
			t.Errorf("%q: type %q, the taxonomy says %q", p[0], p[1], typ)
		}
	}
	if !slices.Equal(subs, event.SubTypes()) {
		t.Errorf("sub-types %q, the taxonomy's %q", subs, event.SubTypes())
	}
}

// typeRow is what a brute-force selection reads of an incident.
type typeRow struct {
	id, typ, start, end string
	rid                 int64
	lat, lon            *float64
	dead                int
}

// typeSeed stores incidents of every sub-type over a few dates (many sharing a start, undated ones too), and
// incidents whose sub-type is empty or outside the taxonomy, under a type of the taxonomy or another; and on
// SQLite, rows whose pair an older store might hold: a sub-type under another type's name.
func typeSeed(t *testing.T, s *sqlStore) {
	t.Helper()
	ctx := context.Background()
	subs := event.SubTypes()
	for i := range 260 {
		sub := subs[(i*7)%len(subs)]
		e := ev(fmt.Sprintf("e%d", i), sub, 1, fmt.Sprintf("Place %d", i), float64(-60+i%120),
			float64(-170+(i*13)%340), "SD", (i*11)%40, fmt.Sprintf("Group %d", i%9))
		start := event.NewDate(2025, 1, 1).AddDays((i * 3) % 40)
		e.Date = &event.When{Start: start, End: start.AddDays(i % 5), Precision: event.PrecisionDay}
		switch {
		case i%31 == 0:
			e.Date = nil
		case i%19 == 0:
			e.Location.Lat, e.Location.Lon = 0, 0
			e.Location.Precision = ""
		}
		switch i % 37 {
		case 3:
			e.SubEventType = "" // the incident takes the event's type
		case 5:
			e.SubEventType = "Skirmish"
		case 7:
			e.EventType, e.SubEventType = "Unrest", ""
		case 11:
			e.EventType, e.SubEventType = "Battles", "Riot"
		}
		d := doc(fmt.Sprintf("https://news.example/t%d", i), fmt.Sprintf("Report %d from %s.", i, e.Location.Name))
		if _, err := s.PutResult(ctx, d, []event.Event{e}); err != nil {
			t.Fatal(err)
		}
	}
	if s.d.typeArms() {
		// An older store's pair, which recompute no longer writes.
		if _, err := s.db.ExecContext(ctx, `UPDATE incidents SET event_type = 'Battles'
			WHERE sub_event_type = 'Arrests' AND rid % 3 = 0`); err != nil {
			t.Fatal(err)
		}
	}
}

// typeRows reads every incident's columns.
func typeRows(t *testing.T, s *sqlStore) []typeRow {
	t.Helper()
	rows, err := s.db.Query(`SELECT id, rid, event_type, date_start, date_end, lat, lon, coalesce(fatalities_best, 0)
		FROM incidents`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []typeRow
	for rows.Next() {
		var r typeRow
		if err := rows.Scan(&r.id, &r.rid, &r.typ, &r.start, &r.end, &r.lat, &r.lon, &r.dead); err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	// Listing order: newest start first, then newest row (the starts are ISO dates or empty).
	slices.SortFunc(out, func(a, b typeRow) int { return cmp.Or(-strings.Compare(a.start, b.start), cmp.Compare(b.rid, a.rid)) })
	return out
}

func TestTypeListings(t *testing.T) { eachBackend(t, testTypeListings) }

// testTypeListings checks that the listings, markers and timelines under an event-type filter, alone and with
// other filters, hold every incident a brute-force selection over every row does, in the same order, page by
// page; and on SQLite that the listings merge the arms of the sub-types.
func testTypeListings(t *testing.T, s *sqlStore) {
	typeSeed(t, s)
	ctx := context.Background()
	all := typeRows(t, s)
	from := event.NewDate(2025, 1, 30)
	box := &BBox{MinLat: -60, MinLon: -170, MaxLat: 10, MaxLon: 0}
	type check struct {
		f    Filter
		keep func(r typeRow) bool
	}
	in := func(r typeRow) bool {
		return r.lat != nil && *r.lat >= box.MinLat && *r.lat <= box.MaxLat && *r.lon >= box.MinLon && *r.lon <= box.MaxLon
	}
	var checks []check
	for _, typ := range append(event.Types(), "Unrest", "None such") {
		checks = append(checks,
			check{Filter{EventType: typ}, func(typeRow) bool { return true }},
			check{Filter{EventType: typ, From: from}, func(r typeRow) bool { return r.end >= from.String() }},
			check{Filter{EventType: typ, MinFatalities: 25}, func(r typeRow) bool { return r.dead >= 25 }},
			check{Filter{EventType: typ, BBox: box}, in})
	}
	counts := map[string]int{}
	for _, c := range checks {
		var want []string
		var wantMarkers []string
		days := map[string][2]int{}
		for _, r := range all {
			if r.typ != c.f.EventType || !c.keep(r) {
				continue
			}
			want = append(want, r.id)
			if r.lat != nil {
				wantMarkers = append(wantMarkers, r.id)
			}
			if r.start != "" {
				day := r.start
				if !c.f.From.IsZero() && day < c.f.From.String() {
					day = c.f.From.String()
				}
				d := days[day]
				days[day] = [2]int{d[0] + 1, d[1] + r.dead}
			}
		}
		counts[fmt.Sprintf("%+v", c.f)] = len(want)
		for _, limit := range []int{1, 3, 7, 50} {
			for _, walk := range []bool{false, true} {
				s.walkOnly = walk // walks instead of collecting through the From and fatalities indexes
				got := listAll(t, s, c.f, limit)
				s.walkOnly = false
				if !slices.Equal(got, want) {
					t.Errorf("%+v limit %d walk %v: listed %v, want %v", c.f, limit, walk, got, want)
				}
			}
		}
		ms, truncated, err := s.Markers(ctx, c.f, 5)
		if err != nil {
			t.Fatal(err)
		}
		var gotMarkers []string
		for _, m := range ms {
			gotMarkers = append(gotMarkers, m.ID)
		}
		if n := min(5, len(wantMarkers)); !slices.Equal(gotMarkers, wantMarkers[:n]) || truncated != (len(wantMarkers) > 5) {
			t.Errorf("%+v: markers %v (truncated %v), want %v", c.f, gotMarkers, truncated, wantMarkers)
		}
		tl, err := s.Timeline(ctx, c.f)
		if err != nil {
			t.Fatal(err)
		}
		gotDays := map[string][2]int{}
		for _, d := range tl {
			if d.EventType != c.f.EventType {
				t.Errorf("%+v: timeline day of type %q", c.f, d.EventType)
			}
			gotDays[d.Date] = [2]int{d.Incidents, d.Fatalities}
		}
		if fmt.Sprint(gotDays) != fmt.Sprint(days) {
			t.Errorf("%+v: timeline %v, want %v", c.f, gotDays, days)
		}
	}
	// Words under a type: each plan, the walks in chunks among them (their rows and bound read in arms), lists
	// what collecting the matches lists, page by page.
	plans := []readPlan{{walk: true}, {walk: true, budget: 3}, {walk: true, budget: 40, chunk: 5},
		{walk: true, budget: 200, chunk: 30}}
	for _, typ := range []string{"Battles", "Strategic developments", "Unrest"} {
		for _, q := range []string{"report", "clash", "attack place", "nowhere"} {
			for _, limit := range []int{3, 50} {
				f := Filter{EventType: typ, Query: q, Limit: limit}
				want, wantCur := pageThrough(t, s, f, readPlan{})
				plansList(t, s, fmt.Sprintf("%+v", f), f, plans, want, wantCur)
				counts[fmt.Sprintf("%+v", f)] = len(want)
			}
		}
	}
	// The comparisons mean something only if the odd incidents are there.
	if counts[fmt.Sprintf("%+v", Filter{EventType: "Unrest"})] == 0 || counts[fmt.Sprintf("%+v", Filter{EventType: "Battles"})] < 30 {
		t.Errorf("unexpected counts: %v", counts)
	}
	if !s.d.typeArms() {
		return
	}
	var odd int
	if err := s.db.QueryRow(`SELECT count(*) FROM incidents INDEXED BY incidents_type_other
		WHERE event_type = 'Battles' AND ` + typeOtherCond()).Scan(&odd); err != nil {
		t.Fatal(err)
	}
	if odd == 0 {
		t.Error("no incident of type Battles in incidents_type_other")
	}
	where, args, err := s.where(Filter{EventType: "Battles"})
	if err != nil {
		t.Fatal(err)
	}
	q, args := s.armsQuery(`rid, date_start`, where, args, s.typeArms(Filter{EventType: "Battles"}),
		listingOrder+` LIMIT 5`)
	p := strings.Join(queryPlanWith(t, s, q, args...), "\n")
	if !strings.Contains(p, "MERGE") || strings.Contains(p, "TEMP B-TREE") || strings.Count(p, "incidents_subtype_order") != 3 ||
		!strings.Contains(p, "incidents_type_other") {
		t.Errorf("plan of a type listing:\n%s", p)
	}
}
