package store

import (
	"context"
	"database/sql"
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
			&g.eventType, &g.subEventType, &got.body, &got.actors, &best, &got.updated, &got.m.place, &got.m.actor1,
			&got.m.end); err != nil {
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
		if want.best != nil {
			wantBest = int64(want.best.(int))
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
