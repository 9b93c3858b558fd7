package store

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"sitrep/internal/pgtest"
)

// TestPostgresSpatialIndexes runs the bounding-box filters on PostgreSQL through both spatial conditions, the
// GiST point index (always there) and PostGIS (when the server has it), and checks that each can use its index.
func TestPostgresSpatialIndexes(t *testing.T) {
	s := openAt(t, pgtest.Start(t))
	seed(t, s)
	installed := s.d.(postgresDialect).postgis
	for _, postgis := range []bool{false, true} {
		t.Run(fmt.Sprintf("postgis=%v", postgis), func(t *testing.T) {
			if postgis && !installed {
				t.Skip("the PostgreSQL server has no PostGIS (Debian: postgresql-15-postgis-3)")
			}
			v := *s
			v.d = postgresDialect{postgis: postgis}
			for _, c := range []struct {
				box  BBox
				want string
			}{
				{BBox{MinLat: -2, MinLon: 28, MaxLat: 2, MaxLon: 31}, "[Beni Bunia Goma]"},
				{BBox{MinLat: 13, MinLon: 25, MaxLat: 16, MaxLon: 33}, "[El Fasher Khartoum]"},
				{BBox{MinLat: 50, MinLon: 0, MaxLat: 51, MaxLon: 1}, "[]"},
			} {
				p, err := v.ListIncidents(context.Background(), Filter{BBox: &c.box})
				if err != nil {
					t.Fatal(err)
				}
				if got := fmt.Sprint(places(p.Incidents)); got != c.want {
					t.Errorf("%+v: got %s, want %s", c.box, got, c.want)
				}
			}
			index := map[bool]string{false: "incidents_point", true: "incidents_geom"}[postgis]
			if plan := explainBBox(t, &v); !strings.Contains(plan, index) {
				t.Errorf("bbox plan does not use %s:\n%s", index, plan)
			}
		})
	}
}

// explainBBox returns the plan of a bounding-box query with sequential scans disabled (the test table is too
// small for the planner to pick an index on its own).
func explainBBox(t *testing.T, s *sqlStore) string {
	ctx := context.Background()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SET enable_seqscan = off`); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(ctx, `RESET enable_seqscan`)
	cond, args := s.d.bboxIncidents(BBox{MinLat: -2, MinLon: 28, MaxLat: 2, MaxLon: 31})
	rows, err := conn.QueryContext(ctx, s.d.rebind(`EXPLAIN SELECT rid FROM incidents WHERE `+cond), args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			t.Fatal(err)
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}
