package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"sitrep/internal/event"
)

// TestCountryCandidatesEveryClass checks that the candidates of a report without a point are exactly the
// incidents of its country whose dates may take it, in every date class, at the edges of each class's window:
// on SQLite class 0 is read in incidents_country_order and classes 1 to 3 in the partial incidents_cand_country
// (migration 0021). The incidents' dates are set by SQL, and the expected set computed in Go from them.
func TestCountryCandidatesEveryClass(t *testing.T) {
	eachBackend(t, func(t *testing.T, s *sqlStore) {
		ctx := context.Background()
		// Interval lengths in days: class 0 up to 8, 1 up to 40, 2 up to 400, 3 beyond.
		lengths := []int{0, 1, 8, 9, 40, 41, 400, 401, 3000}
		starts := []event.Date{event.NewDate(2025, 1, 1), event.NewDate(2025, 2, 14), event.NewDate(2025, 3, 31)}
		type dated struct {
			country    string
			start, end string
		}
		var want []dated
		for _, c := range []string{"QA", "QB"} {
			for _, st := range starts {
				for _, n := range lengths {
					want = append(want, dated{c, st.String(), st.AddDays(n).String()})
				}
			}
			want = append(want, dated{c, "", ""}) // undated: class 3, never a candidate
		}
		var rs []Result
		for i, w := range want {
			e := ev("e1", "Armed clash", 1, "Qland", 1, 1, w.country, 1, fmt.Sprintf("Unit %d", i))
			e.Location.Precision = event.LocCountry
			// Years apart, so that no report merges into another's incident.
			d := event.NewDate(1900+3*i, 6, 1)
			e.Date = &event.When{Start: d, End: d, Precision: event.PrecisionDay}
			rs = append(rs, Result{Document: doc(fmt.Sprintf("https://country.example/%d", i), fmt.Sprintf("Report %d.", i)),
				Events: []event.Event{e}})
		}
		puts, errs := s.PutResults(ctx, rs)
		if errs != nil {
			t.Fatal(errs)
		}
		ids := map[string]dated{}
		for i, p := range puts {
			var id string
			if err := s.db.QueryRowContext(ctx, s.d.rebind(`SELECT i.id FROM incidents i JOIN incident_reports r
				ON r.incident_rid = i.rid JOIN events e ON e.id = r.event_id WHERE e.document_id = ?`), p.ID).Scan(&id); err != nil {
				t.Fatal(err)
			}
			if _, ok := ids[id]; ok {
				t.Fatalf("report %d merged into incident %s", i, id)
			}
			ids[id] = want[i]
			if _, err := s.db.ExecContext(ctx, s.d.rebind(`UPDATE incidents SET date_start = ?, date_end = ? WHERE id = ?`),
				want[i].start, want[i].end, id); err != nil {
				t.Fatal(err)
			}
		}
		w := s.merger.Options.MaxDateSlack()
		for day := event.NewDate(2024, 1, 1); day.String() < "2026-06-01"; day = day.AddDays(3) {
			r := ev("e1", "", 1, "Qland", 1, 1, "QA", 1, "")
			r.Actors, r.SubEventType, r.EventType = nil, "", ""
			r.Location.Precision = event.LocCountry
			r.Date = &event.When{Start: day, End: day, Precision: event.PrecisionDay}
			var got []string
			err := s.tx(ctx, func(tx *txn) error {
				cands, _, err := s.candidates(ctx, tx, r)
				for _, c := range cands {
					got = append(got, c.ID)
				}
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			var exp []string
			for id, d := range ids {
				if d.country != "QA" || d.start == "" {
					continue
				}
				from, _ := event.ParseDate(d.start)
				to, _ := event.ParseDate(d.end)
				class := 3
				for c, n := range dateClassDays {
					if !to.After(from.AddDays(n).Time) {
						class = c
						break
					}
				}
				low := "0"
				if class < len(dateClassDays) {
					low = day.AddDays(-w - dateClassDays[class]).String()
				}
				if d.start >= low && d.start <= day.AddDays(w).String() && d.end >= day.AddDays(-w).String() {
					exp = append(exp, id)
				}
			}
			slices.Sort(got)
			slices.Sort(exp)
			if !slices.Equal(got, exp) {
				t.Errorf("report of %s: candidates %v, want %v", day, got, exp)
			}
		}
	})
}

// TestCountryOrderPlans checks, on SQLite, that the From filter under a country reads class 0 as a range of
// starts in incidents_country_order and classes 1 to 3 in the partial incidents_cand_country (migration 0021),
// from their entries only, and that a listing under a country walks incidents_country_order in its order, in
// an empty store and in an analysed one.
func TestCountryOrderPlans(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	for _, analysed := range []bool{false, true} {
		if analysed {
			var rs []Result
			for i := range 200 {
				e := ev("e1", "Armed clash", 1+i%28, "P", 1, 1, []string{"QA", "QB", "QC"}[i%3], 1, fmt.Sprintf("Unit %d", i))
				d := event.NewDate(2000+i/20, time.Month(1+i%12), 1+i%28)
				e.Date = &event.When{Start: d, End: d.AddDays(i % 50), Precision: event.PrecisionDay}
				rs = append(rs, Result{Document: doc(fmt.Sprintf("https://plans.example/%d", i), fmt.Sprintf("Plan %d.", i)),
					Events: []event.Event{e}})
			}
			if _, errs := s.PutResults(ctx, rs); errs != nil {
				t.Fatal(errs)
			}
			if _, err := s.db.ExecContext(ctx, `ANALYZE`); err != nil {
				t.Fatal(err)
			}
		}
		for _, f := range []Filter{{Country: "QA", From: event.NewDate(2005, 1, 1)},
			{Country: "QA", From: event.NewDate(2005, 1, 1), To: event.NewDate(2006, 1, 1)}} {
			r := s.fromIndex(f)
			plan := queryPlan(t, s, r.union)
			seen := map[string]int{}
			for _, p := range plan {
				switch {
				case strings.Contains(p, "USING INDEX incidents_country_order (country=? AND date_start>? AND date_start<?)"),
					strings.Contains(p, "USING INDEX incidents_country_order (country=? AND date_start>?)"):
					seen["order"]++
				case strings.Contains(p, "USING INDEX incidents_cand_country (country=? AND date_class=?"):
					seen["class"]++
				case strings.HasPrefix(p, "SEARCH") || strings.HasPrefix(p, "SCAN"):
					t.Errorf("analysed %v, %+v: step %q", analysed, f, p)
				}
			}
			if seen["order"] != 1 || seen["class"] != len(dateClassDays) {
				t.Errorf("analysed %v, %+v: plan %v", analysed, f, plan)
			}
			checkReadsNoRow(t, s, r.union)
		}
		plan := queryPlan(t, s, `SELECT rid FROM incidents WHERE country = ? ORDER BY date_start DESC, rid DESC LIMIT 50`)
		if len(plan) != 1 || !strings.Contains(plan[0], "INDEX incidents_country_order (country=?)") {
			t.Errorf("analysed %v: country listing plan %v", analysed, plan)
		}
	}
}
