package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"sitrep/internal/event"
)

// ftsWords are the words of the full-text store, most common first: word k is drawn with weight 1/(k+1)^2.
var ftsWords = []string{"checkpoint", "convoy", "market", "bridge", "hospital", "school", "camp", "airport",
	"barracks", "harbour", "quarry", "orchard"}

// ftsWord draws a word, skewed toward the common ones.
func ftsWord(rng *rand.Rand) string {
	for {
		k := rng.IntN(len(ftsWords))
		if rng.Float64() < 1/float64((k+1)*(k+1)) {
			return ftsWords[k]
		}
	}
}

// seedFTS stores docs documents of perDoc events each, with words in the summaries and documents drawn by
// ftsWord, over four countries, sixty days and a 30x30-degree square, and a few documents and summaries with a
// word of their own, and a few points just outside the edges of the boxes the tests ask for.
func seedFTS(t testing.TB, s *sqlStore, docs, perDoc int) {
	t.Helper()
	rng := rand.New(rand.NewPCG(5, 7))
	countries := []string{"SD", "SY", "ML", "UA"}
	subs := []string{"Armed clash", "Attack", "Shelling/artillery/missile attack", "Peaceful protest"}
	for i := range docs {
		text := fmt.Sprintf("Report %d on the %s and the %s.", i, ftsWord(rng), ftsWord(rng))
		if i%25 == 3 {
			text += " A rare zeppelin was seen."
		}
		evs := make([]event.Event, perDoc)
		for j := range evs {
			c := countries[rng.IntN(len(countries))]
			place := fmt.Sprintf("%s %d", ftsWord(rng), i*perDoc+j)
			lat, lon := float64(rng.IntN(30)), float64(rng.IntN(30))
			if (i*perDoc+j)%31 == 7 {
				// A hair outside the edge of the test boxes: the R*Tree's 32-bit floats cannot tell.
				lat, lon = 15.0000001, 14.9999999
			}
			e := ev(fmt.Sprintf("e%d", j), subs[rng.IntN(len(subs))], 1+rng.IntN(27), place,
				lat, lon, c, rng.IntN(20), fmt.Sprintf("Group %d", rng.IntN(9)))
			e.Date.Start = event.NewDate(2026, time.Month(1+rng.IntN(2)), 1+rng.IntN(28))
			e.Date.End = e.Date.Start
			if (i*perDoc+j)%97 == 5 {
				e.Summary += " near the zeppelin field"
			}
			evs[j] = e
		}
		d := doc(fmt.Sprintf("https://fts.example/%d", i), text)
		if _, err := s.PutResult(context.Background(), d, evs); err != nil {
			t.Fatal(err)
		}
	}
}

// plansList checks that f, paged through under each of plans, lists want with the cursors wantCur (the pages
// of another plan, usually collecting the matches: pageThrough with the zero readPlan).
func plansList(t *testing.T, s *sqlStore, name string, f Filter, plans []readPlan, want, wantCur []string) {
	t.Helper()
	for _, plan := range plans {
		got, gotCur := pageThrough(t, s, f, plan)
		if !slices.Equal(got, want) || !slices.Equal(gotCur, wantCur) {
			t.Errorf("%s: plan %+v listed %v (cursors %v), want %v (cursors %v)", name, plan, got, gotCur, want,
				wantCur)
		}
	}
}

// pageThrough lists every page of f with plan and returns the incident ids and the cursors handed out.
func pageThrough(t *testing.T, s *sqlStore, f Filter, plan readPlan) (ids, cursors []string) {
	t.Helper()
	for pages := 0; ; pages++ {
		if pages > 1000 {
			t.Fatal("pagination does not end")
		}
		p, err := s.listIncidents(context.Background(), f, plan)
		if err != nil {
			t.Fatal(err)
		}
		for _, inc := range p.Incidents {
			ids = append(ids, inc.ID)
		}
		if p.Next == "" {
			return ids, cursors
		}
		cursors = append(cursors, p.Next)
		f.Cursor = p.Next
	}
}

func TestReadPlansAgree(t *testing.T) { eachBackend(t, testReadPlansAgree) }

// testReadPlansAgree checks that walking the filtered rows and checking the words or the point per row lists
// the same incidents, in the same order and with the same cursors, as collecting the matches first, for rare
// and common words and small and large boxes, alone and with other filters, across pages; and markers likewise.
func testReadPlansAgree(t *testing.T, s *sqlStore) {
	seedFTS(t, s, 60, 5)
	ctx := context.Background()
	queries := []string{"checkpoint", "convoy", "zeppelin", "checkpoint convoy", "report checkpoint",
		"zeppelin field", "nowhere", ""}
	filters := []Filter{{}, {Country: "SD"}, {From: event.NewDate(2026, 2, 1), To: event.NewDate(2026, 2, 14)},
		{MinFatalities: 10, EventType: "Battles"}, {Actor: "group 3"}, {BBox: &BBox{MaxLat: 15, MaxLon: 15}},
		{BBox: &BBox{MinLat: 3, MinLon: 3, MaxLat: 4, MaxLon: 15}, Country: "ML"},
		{BBox: &BBox{MinLat: 15, MinLon: 14, MaxLat: 29, MaxLon: 29}}}
	plans := []readPlan{{walk: true}, {walk: true, budget: 3}, {walk: true, budget: 40}, {box: true},
		{walk: true, box: true}, {walk: true, box: true, budget: 3}, {scan: true}, {scan: true, box: true}}
	matched := map[string]int{}
	for _, q := range queries {
		for k, base := range filters {
			for _, limit := range []int{5, 50} {
				if limit < 50 && k != 1 && k != 5 {
					continue // paging in small steps through a few filters is enough
				}
				f := base
				f.Query, f.Limit = q, limit
				name := fmt.Sprintf("%q/filter%d/limit%d", q, k, limit)
				want, wantCur := pageThrough(t, s, f, readPlan{})
				plansList(t, s, name, f, plans, want, wantCur)
				if limit == 50 {
					matched[fmt.Sprint(q, k)] = len(want)
				}
			}
			f := base
			f.Query = q
			sameMarkers(t, s, f, fmt.Sprintf("%q/filter%d", q, k), plans)
		}
	}
	// The comparison means something only if the words and boxes select some incidents and the filters narrow
	// them.
	if matched["checkpoint0"] < 60 || matched["zeppelin0"] == 0 || matched["nowhere0"] != 0 ||
		matched["checkpoint1"] >= matched["checkpoint0"] || matched["5"] == 0 || matched["5"] >= matched["0"] ||
		matched["6"] == 0 || matched["7"] == 0 {
		t.Errorf("unexpected match counts: %v", matched)
	}
	// No point just outside a box is listed.
	for _, k := range []int{5, 7} {
		for _, plan := range []readPlan{{}, {box: true}} {
			ms, _, err := s.markers(ctx, filters[k], 1000, plan)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range ms {
				if b := filters[k].BBox; m.Lat < b.MinLat || m.Lat > b.MaxLat || m.Lon < b.MinLon || m.Lon > b.MaxLon {
					t.Errorf("filter%d plan %+v: marker %s at %v,%v lies outside the box %+v", k, plan, m.ID, m.Lat,
						m.Lon, *b)
				}
			}
		}
	}
}

func TestReadPlanChoice(t *testing.T) { eachBackend(t, testReadPlanChoice) }

// testReadPlanChoice checks that a word in most incidents is checked per row, a rare one collected first, and
// on SQLite that a box holding most incidents is tested per row, a small one collected from the R*Tree
// (PostgreSQL's planner makes that choice itself).
func testReadPlanChoice(t *testing.T, s *sqlStore) {
	seedFTS(t, s, 60, 5)
	_, sqlite := s.d.(sqliteDialect)
	for _, tt := range []struct {
		q       string
		box     *BBox
		rows    int
		walk    bool
		walkBox bool
	}{
		{"checkpoint", nil, 8, true, false},
		{"report", nil, 8, true, false},
		{"zeppelin", nil, 8, false, false},
		{"nowhere", nil, 8, false, false},
		{"checkpoint", nil, 1001, false, false},
		{"", nil, 8, false, false},
		{"", &BBox{MaxLat: 30, MaxLon: 30}, 8, false, sqlite},
		{"checkpoint", &BBox{MaxLat: 30, MaxLon: 30}, 8, true, sqlite},
		{"", &BBox{MinLat: 40, MaxLat: 50, MaxLon: 30}, 8, false, false},
		{"", &BBox{MaxLat: 30, MaxLon: 30}, 100000, false, false},
	} {
		got, err := s.planFor(context.Background(), Filter{Query: tt.q, BBox: tt.box}, tt.rows)
		if err != nil {
			t.Fatal(err)
		}
		if got.walk != tt.walk || got.walk && got.budget < tt.rows || got.box != tt.walkBox {
			t.Errorf("plan for %q in %v over %d rows = %+v, want walk %v with a budget of at least the rows, box %v",
				tt.q, tt.box, tt.rows, got, tt.walk, tt.walkBox)
		}
	}
}

// rerunBackfill empties table, a table a migration fills from existing rows, and runs that migration's
// backfill (its first INSERT after the table's definition) again.
func rerunBackfill(t *testing.T, s *sqlStore, migration, table string) {
	t.Helper()
	body, err := migrations.ReadFile(migration)
	if err != nil {
		t.Fatal(err)
	}
	_, backfill, ok := strings.Cut(string(body), ");\nINSERT")
	backfill, _, _ = strings.Cut(backfill, ";\n")
	if !ok || backfill == "" {
		t.Fatalf("no backfill INSERT in %s", migration)
	}
	if _, err := s.db.ExecContext(context.Background(), "DELETE FROM "+table); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(context.Background(), "INSERT"+backfill); err != nil {
		t.Fatal(err)
	}
}

func TestFilteredHits(t *testing.T) { eachBackend(t, testFilteredHits) }

// testFilteredHits checks the counts a plan reads under a listing's filters (dialect.filteredHits) against the
// matching events under the filters, counted through incident_reports and incidents: PostgreSQL's counts are
// exact up to the limit; SQLite's estimates, from samples of every few rowids, are within a factor of two of
// the count (and of the share of the store under the filters), whether the matches are all read or counted up
// to a limit and reckoned past it, and none for a word absent under the filters.
func testFilteredHits(t *testing.T, s *sqlStore) {
	seedFTS(t, s, 60, 5)
	ctx := context.Background()
	_, postgres := s.d.(postgresDialect)
	match := `e.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)`
	if postgres {
		match = `e.tsv @@ plainto_tsquery('simple', ?)`
	}
	exact := func(cond string, tf textFilter, args ...any) float64 {
		t.Helper()
		conds, cargs := tf.conds("i.")
		var n int64
		if err := s.db.QueryRowContext(ctx, s.d.rebind(`SELECT count(*) FROM events e
			JOIN incident_reports ir ON ir.event_id = e.id JOIN incidents i ON i.rid = ir.incident_rid
			WHERE `+cond+conds), append(args, cargs...)...).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return float64(n)
	}
	within := func(got, want float64) bool { return got >= want/2-3 && got <= want*2+3 }
	for _, q := range []string{"checkpoint", "convoy", "market", "zeppelin"} {
		for _, f := range []Filter{{Country: "SD"}, {Country: "ML", SubEventType: "Attack"}, {EventType: "Battles"},
			{Country: "PL"}} {
			tf, arg := textFilterOf(f), s.d.ftsArg(q)
			under := exact(match, tf, arg)
			share := exact("1 = 1", tf) / exact("1 = 1", nil)
			for _, evCap := range []int64{1000, 40} {
				h, err := s.d.filteredHits(ctx, s.db, arg, tf, evCap, 1000)
				if err != nil {
					t.Fatal(err)
				}
				name := fmt.Sprintf("%q %+v, limit %d", q, tf, evCap)
				switch {
				case postgres:
					if h.under != min(under, float64(evCap)) {
						t.Errorf("%s: %v matches under the filters, want %v", name, h.under, min(under, float64(evCap)))
					}
				case !within(h.under, under) || under == 0 && h.under != 0:
					t.Errorf("%s: about %.1f matches under the filters, counted %v", name, h.under, under)
				case !within(100*h.share, 100*share):
					t.Errorf("%s: a share of about %.3f of the store under the filters, counted %.3f", name, h.share,
						share)
				}
			}
		}
	}
}

// sameMarkers checks that the map markers of f are the same under each of plans as under the collecting plan.
func sameMarkers(t *testing.T, s *sqlStore, f Filter, name string, plans []readPlan) {
	t.Helper()
	ctx := context.Background()
	wm, wt, err := s.markers(ctx, f, 20, readPlan{})
	if err != nil {
		t.Fatal(err)
	}
	for _, plan := range plans {
		gm, gt, err := s.markers(ctx, f, 20, plan)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(gm, gt) != fmt.Sprint(wm, wt) {
			t.Errorf("%s markers: plan %+v %v %v, collecting %v %v", name, plan, gm, gt, wm, wt)
		}
	}
}
