package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"testing"

	"sitrep/internal/event"
)

// TestCandidatePaddingKeys checks that a candidate query whose keys are padded (noKey) reads the incidents of
// its real keys and only those, at every size of candidateKeySizes: with arms for each key and with an IN list.
func TestCandidatePaddingKeys(t *testing.T) {
	eachBackend(t, func(t *testing.T, s *sqlStore) {
		ctx := context.Background()
		// Six incidents, each in a cell of its own (and a country of its own, so none merges).
		var keys []any
		byKey := map[string]string{}
		for i := range 6 {
			d := doc(fmt.Sprintf("https://pad.example/%d", i), fmt.Sprintf("Report %d.", i))
			put, err := s.PutResult(ctx, d, []event.Event{ev("e1", "Armed clash", 3, fmt.Sprintf("P%d", i),
				float64(1+4*i), 11, fmt.Sprintf("Q%c", 'A'+i), 1, "A")})
			if err != nil {
				t.Fatal(err)
			}
			var key, id string
			if err := s.db.QueryRowContext(ctx, s.d.rebind(`SELECT geo_key, id FROM incidents i JOIN incident_reports r
				ON r.incident_rid = i.rid WHERE r.event_id = ?`), eventKey(put.ID, "e1")).Scan(&key, &id); err != nil {
				t.Fatal(err)
			}
			if byKey[key] != "" {
				t.Fatalf("two incidents in cell %s", key)
			}
			keys, byKey[key] = append(keys, key), id
		}
		classes := len(dateClassDays) + 1
		for _, n := range candidateKeySizes {
			for _, real := range []int{0, 1, 2, min(n, len(keys))} {
				t.Run(fmt.Sprintf("%d of %d", real, n), func(t *testing.T) {
					args := slices.Clone(keys[:real])
					for len(args) < n {
						args = append(args, noKey)
					}
					for range classes {
						args = append(args, "0") // every start
					}
					args = append(args, "9999", "0") // every start, every end
					rows, err := s.db.QueryContext(ctx, s.d.rebind(candidateQuery(s.d, n, false, false)), args...)
					if err != nil {
						t.Fatal(err)
					}
					got, err := candidateIDs(s, rows)
					if err != nil {
						t.Fatal(err)
					}
					var want []string
					for _, k := range keys[:real] {
						want = append(want, byKey[k.(string)])
					}
					slices.Sort(want)
					if !slices.Equal(got, want) {
						t.Errorf("candidates %v, want %v", got, want)
					}
				})
			}
		}
	})
}

// candidateIDs are the sorted incident ids of the rows of a geo candidate query (candidateGeoColumns).
func candidateIDs(s *sqlStore, rows *sql.Rows) ([]string, error) {
	defer rows.Close()
	var rids []int64
	for rows.Next() {
		var rid int64
		var sub, start, end string
		var key, geoKey sql.NullString
		var lat, lon sql.NullFloat64
		if err := rows.Scan(&rid, &sub, &key, &start, &end, &geoKey, &lat, &lon); err != nil {
			return nil, err
		}
		rids = append(rids, rid)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var ids []string
	for _, rid := range rids {
		var id string
		if err := s.db.QueryRow(s.d.rebind(`SELECT id FROM incidents WHERE rid = ?`), rid).Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids, nil
}
