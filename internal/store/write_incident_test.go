package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"sitrep/internal/event"
)

// TestIncidentRowsFollowMerges stores reports that create an incident and merge into it (giving it a point it
// lacked, leaving its place and date as they are) and checks after each that every incident
// row's indexed columns and spatial index entry are those its body gives, as the upsert of SplitIncident
// writes them.
func TestIncidentRowsFollowMerges(t *testing.T) { eachBackend(t, testIncidentRowsFollowMerges) }

func testIncidentRowsFollowMerges(t *testing.T, s *sqlStore) {
	const sub = "Armed clash"
	unplaced := ev("e1", sub, 10, "Kidal", 0, 0, "ML", 4, "Military Forces of Mali")
	unplaced.Location.Precision = event.LocRegion
	steps := []struct {
		name   string
		ev     event.Event
		merged bool
	}{
		{"first report, no point", unplaced, false},
		{"a point for the incident", ev("e1", sub, 10, "Kidal", 18.44, 1.41, "ML", 4, "Military Forces of Mali"), true},
		{"same place and date", ev("e1", sub, 10, "Kidal", 18.44, 1.41, "ML", 6, "Military Forces of Mali"), true},
		{"another incident", ev("e1", "Peaceful protest", 12, "Gao", 16.27, -0.04, "ML", -1, "Protesters (Mali)"), false},
		{"a report nearby", ev("e2", sub, 10, "Kidal", 18.45, 1.40, "ML", 5, "Military Forces of Mali"), true},
	}
	for i, st := range steps {
		d := doc("https://ml.example/"+string(rune('a'+i)), st.name)
		ing, err := s.PutResult(context.Background(), d, []event.Event{st.ev})
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if got := ing.Merged == 1; got != st.merged {
			t.Errorf("%s: merged %v, want %v", st.name, got, st.merged)
		}
		checkIncidentRows(t, s, st.name)
	}
	checkIntegrity(t, s)
}

// checkIncidentRows checks that each incident row holds the columns rowOf derives from its body and, in
// SQLite, that the spatial index holds its point, if it has one, and no other.
func checkIncidentRows(t *testing.T, s *sqlStore, step string) {
	t.Helper()
	rows, err := s.db.Query(`SELECT rid, ` + candidateColumns + `, actors, coalesce(fatalities_best, -1), updated,
		place_name, actor1, given_end FROM incidents`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	_, sqlite := s.d.(sqliteDialect)
	points := 0
	for rows.Next() {
		var rid, best int64
		var got incidentRow
		g := &got.rowColumns
		var rid2 int64
		if err := rows.Scan(&rid, &rid2, &g.start, &g.end, &g.lat, &g.lon, &g.precision, &g.country, &g.admin1,
			&g.eventType, &g.subEventType, &g.best, &g.actor1Key, &got.body, &got.actors, &best, &got.updated, &got.m.place,
			&got.m.actor1, &got.m.end); err != nil {
			t.Fatal(err)
		}
		inc, err := decodeBody([]byte(got.body))
		if err != nil {
			t.Fatal(err)
		}
		want, err := rowOf(inc, nil)
		if err != nil {
			t.Fatal(err)
		}
		wantBest := int64(-1)
		if want.best.Valid {
			wantBest = want.best.Int64
		}
		if got.rowColumns != want.rowColumns || got.actors != want.actors || best != wantBest ||
			got.updated != want.updated || got.m != want.m {
			t.Errorf("%s: incident %s row\n%+v, best %d\nwant\n%+v, best %d", step, inc.ID, got, best, want, wantBest)
		}
		if !sqlite {
			continue
		}
		var box BBox
		err = s.db.QueryRow(`SELECT min_lat, max_lat, min_lon, max_lon FROM incidents_rtree WHERE rid = ?`, rid).Scan(
			&box.MinLat, &box.MaxLat, &box.MinLon, &box.MaxLon)
		switch {
		case err == sql.ErrNoRows && want.lat.Valid, err != nil && err != sql.ErrNoRows:
			t.Errorf("%s: incident %s: no point in the spatial index (%v)", step, inc.ID, err)
		case err == nil && !want.lat.Valid:
			t.Errorf("%s: incident %s has no point but one in the spatial index", step, inc.ID)
		case err == nil:
			points++
			// The R*Tree stores 32-bit floats, rounded outward.
			if !box.contains(want.lat.Float64, want.lon.Float64) || box.MaxLat-box.MinLat > 1e-5 || box.MaxLon-box.MinLon > 1e-5 {
				t.Errorf("%s: incident %s: spatial index %+v, want %v,%v", step, inc.ID, box, want.lat.Float64,
					want.lon.Float64)
			}
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if sqlite {
		var n int
		if err := s.db.QueryRow(`SELECT count(*) FROM incidents_rtree`).Scan(&n); err != nil || n != points {
			t.Errorf("%s: %d points in the spatial index, %d incidents with one (%v)", step, n, points, err)
		}
	}
}

// TestUpdateSetsChangedGroups updates a stored incident row with incidents that differ from it in each
// combination of column groups (updateSet) and checks that the update chose exactly those groups and left the row
// as rowOf derives it from the new body, with its point in the spatial index.
func TestUpdateSetsChangedGroups(t *testing.T) { eachBackend(t, testUpdateSetsChangedGroups) }

func testUpdateSetsChangedGroups(t *testing.T, s *sqlStore) {
	ctx := context.Background()
	change := map[int]func(inc *event.Incident){
		setStart: func(inc *event.Incident) { inc.Date.Start = event.NewDate(2026, 2, 8) },
		setEnd:   func(inc *event.Incident) { inc.Date.End = event.NewDate(2026, 2, 12) },
		setPlace: func(inc *event.Incident) { inc.Location.Lat += 0.01 },
		setTypes: func(inc *event.Incident) {
			inc.SubEventType = "Shelling/artillery/missile attack"
			inc.EventType, _ = event.TypeOf(inc.SubEventType)
		},
		setBest: func(inc *event.Incident) { n := 9; inc.Fatalities = &event.Count{Best: &n, Low: &n, High: &n} },
		setActor1: func(inc *event.Incident) {
			inc.Actors = append(inc.Actors, event.Actor{Role: event.RoleActor1, Name: "Wagner Group", Attribution: event.AttrAlleged})
		},
	}
	for set := range setAll + 1 {
		d := doc("https://ml.example/set-"+strconv.Itoa(set), "set "+strconv.Itoa(set))
		// Each incident in a place and month of its own, so that none merges into another's.
		e := ev("e1", "Armed clash", 10, "Kidal", 18.44, 1.41+float64(set), "ML", 4, "Military Forces of Mali")
		if _, err := s.PutResult(ctx, d, []event.Event{e}); err != nil {
			t.Fatal(err)
		}
		var c candidate
		r := &c.row
		var body []byte
		err := s.db.QueryRow(`SELECT `+candidateColumns+` FROM incidents WHERE rid = (SELECT max(rid) FROM incidents)`).Scan(
			&c.rid, &r.start, &r.end, &r.lat, &r.lon, &r.precision, &r.country, &r.admin1, &r.eventType,
			&r.subEventType, &r.best, &r.actor1Key, &body)
		if err != nil {
			t.Fatal(err)
		}
		c.body = body
		inc, err := c.decodeIncident()
		if err != nil {
			t.Fatal(err)
		}
		for g, f := range change {
			if set&g != 0 {
				f(&inc)
			}
		}
		want := set
		if set&setStart != 0 {
			want |= setAll &^ setBest
		}
		nr, err := rowOf(inc, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := updateSet(nr.rowColumns, c.row); got != want {
			t.Errorf("set %05b: updateSet %05b, want %05b", set, got, want)
		}
		if err := s.tx(ctx, func(tx *txn) error {
			_, err := s.updateIncident(ctx, tx, c, inc, nil)
			return err
		}); err != nil {
			t.Fatalf("set %05b: %v", set, err)
		}
		checkIncidentRows(t, s, "set "+strconv.Itoa(set))
	}
	checkIntegrity(t, s)
}

// TestUpdateQueriesRewriteFewerIndexes checks, on SQLite's plans, that an update rewrites the entries of the
// indexes of the columns it sets only: none when it sets no indexed column, one (incidents_fatalities) for the
// fatalities, fewer than a full update for any set without date_start but for that of every other group (which
// every index holds a column of), with or without actor1_key (whose indexes, the candidate ones, hold date_end).
func TestUpdateQueriesRewriteFewerIndexes(t *testing.T) {
	s := openAt(t, filepath.Join(t.TempDir(), "t.db"))
	rewrites := func(set int) int {
		rows, err := s.db.Query(`EXPLAIN `+updateIncidentQuery(set), updateArgs(set, incidentRow{}, 1)...)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		for i := range vals {
			vals[i] = new(sql.RawBytes)
		}
		n := 0
		for rows.Next() {
			if err := rows.Scan(vals...); err != nil {
				t.Fatal(err)
			}
			if string(*vals[1].(*sql.RawBytes)) == "IdxInsert" {
				n++
			}
		}
		return n
	}
	all := rewrites(setAll)
	if all < 10 {
		t.Fatalf("a full update rewrites %d index entries, want the ten indexes of the incidents' columns", all)
	}
	for _, q := range updateIncidentQueries() {
		if strings.Count(q, "?") != len(updateArgs(setOf(t, q), incidentRow{}, 1)) {
			t.Errorf("%s: placeholders and arguments differ", q)
		}
	}
	for set := range setStart {
		n := rewrites(set)
		switch {
		case set == 0 && n != 0:
			t.Errorf("an update of no indexed column rewrites %d index entries", n)
		case set == setBest && n != 1:
			t.Errorf("an update of the fatalities rewrites %d index entries, want 1", n)
		case n > all, set|setActor1 != setAll&^setStart && n == all: // setActor1's indexes hold date_end too
			t.Errorf("set %05b rewrites %d index entries, a full update %d", set, n, all)
		}
		t.Logf("set %05b: %d", set, n)
	}
}

// setOf is the set whose updateIncidentQuery is q.
func setOf(t *testing.T, q string) int {
	for set := range setAll + 1 {
		if updateIncidentQuery(set) == q {
			return set
		}
	}
	t.Fatalf("no set for %s", q)
	return 0
}
