package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"sitrep/internal/event"
	"sitrep/internal/incident"
)

// TestCandidateKeys checks that the geographic keys the candidate query asks for around a point include the
// key the database computed for an incident at that point, near cell edges, the poles and the date line.
func TestCandidateKeys(t *testing.T) {
	points := [][2]float64{{0.01, 0}, {-1.68, 29.22}, {49.99, 36.23}, {2, 2}, {1.999, -0.001}, {-89.5, -179.9},
		{89.9, 179.9}, {-33.9, 18.4}, {64.1, -21.9}, {-0.0001, 179.999}}
	eachBackend(t, func(t *testing.T, s *sqlStore) {
		ctx := context.Background()
		for i, p := range points {
			d := doc(fmt.Sprintf("https://keys.example/%d", i), fmt.Sprintf("Report %d.", i))
			put, err := s.PutResult(ctx, d, []event.Event{ev("e1", "Armed clash", 3, fmt.Sprintf("P%d", i), p[0], p[1], fmt.Sprintf("Q%c", 'A'+i), 1, "A")})
			if err != nil {
				t.Fatal(err)
			}
			var key string
			if err := s.db.QueryRowContext(ctx, s.d.rebind(`SELECT geo_key FROM incidents i JOIN incident_reports r
				ON r.incident_rid = i.rid WHERE r.event_id = ?`), eventKey(put.ID, "e1")).Scan(&key); err != nil {
				t.Fatal(err)
			}
			keys := cellKeys(s.candidateBox(p[0], p[1]))
			if !slices.Contains(keys, any(key)) {
				t.Errorf("point %v: stored key %q not among the keys asked for %v", p, key, keys)
			}
		}
	})
}

// TestCandidateDateClasses checks that an incident is a candidate for a report inside its date interval, or within
// the slack of it, whatever the length of the interval, and not for one far outside it.
func TestCandidateDateClasses(t *testing.T) {
	tests := []dateCase{
		{"day", event.NewDate(2025, 5, 10), event.NewDate(2025, 5, 10), event.NewDate(2025, 5, 11), true},
		{"day far", event.NewDate(2025, 5, 10), event.NewDate(2025, 5, 10), event.NewDate(2025, 5, 20), false},
		{"week end", event.NewDate(2025, 5, 5), event.NewDate(2025, 5, 11), event.NewDate(2025, 5, 11), true},
		{"month end", event.NewDate(2025, 5, 1), event.NewDate(2025, 5, 31), event.NewDate(2025, 5, 30), true},
		{"quarter end", event.NewDate(2025, 1, 1), event.NewDate(2025, 3, 31), event.NewDate(2025, 3, 30), true},
		{"year end", event.NewDate(2025, 1, 1), event.NewDate(2025, 12, 31), event.NewDate(2025, 12, 30), true},
		{"years end", event.NewDate(2020, 1, 1), event.NewDate(2025, 12, 31), event.NewDate(2025, 12, 1), true},
		{"years after", event.NewDate(2020, 1, 1), event.NewDate(2025, 12, 31), event.NewDate(2026, 2, 1), false},
	}
	for _, placed := range []bool{true, false} {
		t.Run(map[bool]string{true: "placed", false: "country"}[placed], func(t *testing.T) {
			eachBackend(t, func(t *testing.T, s *sqlStore) { testCandidateDates(t, s, placed, tests) })
		})
	}
}

// dateCase is an incident's date interval, a report's day and whether the incident must be a candidate.
type dateCase struct {
	name       string
	start, end event.Date
	report     event.Date
	want       bool
}

func testCandidateDates(t *testing.T, s *sqlStore, placed bool, tests []dateCase) {
	ctx := context.Background()
	for i, tc := range tests {
		// Each case far from the others, so that none merges into another's incident.
		e := ev("e1", "Armed clash", 1, "Goma", -40+5*float64(i), 29.22, []string{"CD", "SD", "UA", "NG", "ML", "SY", "YE", "MM"}[i], 1, "M23")
		if !placed {
			e.Location.Precision = event.LocCountry
		}
		e.Date = &event.When{Start: tc.start, End: tc.end, Precision: event.PrecisionDay}
		d := doc(fmt.Sprintf("https://class.example/%v/%d", placed, i), fmt.Sprintf("Class %v %d.", placed, i))
		put, err := s.PutResult(ctx, d, []event.Event{e})
		if err != nil {
			t.Fatal(err)
		}
		r := e
		r.Date = &event.When{Start: tc.report, End: tc.report, Precision: event.PrecisionDay}
		got := hasCandidate(t, s, r, put.ID)
		if got != tc.want {
			t.Errorf("placed %v, %s: candidate %v, want %v", placed, tc.name, got, tc.want)
		}
	}
}

// hasCandidate reports whether document docID's incident is among the candidates for r.
func hasCandidate(t *testing.T, s *sqlStore, r event.Event, docID string) bool {
	t.Helper()
	found := false
	err := s.tx(context.Background(), func(tx *txn) error {
		cands, _, err := s.candidates(context.Background(), tx, r)
		for _, c := range cands {
			for _, rep := range c.Reports {
				found = found || rep.DocumentID == docID
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// TestCandidateSubTypes checks that the candidates read for a report of each sub-type, with several actor1s,
// are exactly the incidents around it whose sub-type may take it (incident.SubTypesMayMerge, and
// SubTypesMayMergeUnagreed for a report without an identified actor1) and whose actor1s do not rule it out
// (incident.ReportActor1s.MayMerge): those a report of no sub-type and no actor reads, filtered in Go. Incidents
// of every sub-type and of none, each with an actor1 of its own, lie at one place and day, placed and
// country-only.
func TestCandidateSubTypes(t *testing.T) {
	subs := append(event.SubTypes(), "")
	actor1 := func(name, attr string) []event.Actor {
		return []event.Actor{{Role: event.RoleActor1, Name: name, Kind: event.KindStateForces, Attribution: attr}}
	}
	reporters := []struct {
		name   string
		actors []event.Actor
	}{
		{"firm other", actor1("Someone", event.AttrStated)},
		{"alleged other", actor1("Someone", event.AttrAlleged)},
		{"shared", actor1(fmt.Sprintf("  ACTOR %d", slices.Index(subs, "Attack")), "")}, // the Attack's, folded
		{"unidentified", actor1("Unidentified gunmen", "")},
		{"none", nil},
	}
	eachBackend(t, func(t *testing.T, s *sqlStore) {
		s.noScoreBound = true // the index's tests alone; TestScoreBoundMerges checks the bound
		ctx := context.Background()
		for _, placed := range []bool{true, false} {
			for i, sub := range subs {
				e := ev("e1", sub, 3, "Goma", -1.68, 29.22, "CD", 1, fmt.Sprintf("Actor %d", i))
				if !placed {
					e.Location.Precision = event.LocCountry
				}
				d := doc(fmt.Sprintf("https://subtypes.example/%v/%d", placed, i), fmt.Sprintf("Sub-type %v %d.", placed, i))
				if _, err := s.PutResult(ctx, d, []event.Event{e}); err != nil {
					t.Fatal(err)
				}
			}
			rids := func(r event.Event, keep func(c candidate) bool) (got []int64, subsRead map[string]bool) {
				subsRead = map[string]bool{}
				err := s.tx(ctx, func(tx *txn) error {
					_, cs, err := s.candidates(ctx, tx, r)
					for _, c := range cs {
						if keep(c) {
							got = append(got, c.rid)
							subsRead[c.row.subEventType] = true
						}
					}
					return err
				})
				if err != nil {
					t.Fatal(err)
				}
				slices.Sort(got)
				return got, subsRead
			}
			read := 0
			for _, sub := range subs {
				for _, rp := range reporters {
					r := ev("r1", sub, 3, "Goma", -1.68, 29.22, "CD", 1, "")
					r.Actors = rp.actors
					if !placed {
						r.Location.Precision = event.LocCountry
					}
					got, gotSubs := rids(r, func(candidate) bool { return true })
					all := r
					all.SubEventType, all.Actors = "", nil
					actors := incident.ReportActor1sOf(r.Actors)
					want, subsRead := rids(all, func(c candidate) bool {
						a := c.row.subEventType
						mayMerge := incident.SubTypesMayMerge(a, sub)
						if !incident.Actor1MayAgree(r.Actors) {
							mayMerge = incident.SubTypesMayMergeUnagreed(a, sub)
						}
						if !c.row.actor1Key.Valid {
							t.Errorf("incident %d has no actor1_key", c.rid)
						}
						return mayMerge && actors.MayMerge(c.row.actor1Key.String, a, sub)
					})
					if !slices.Equal(got, want) {
						t.Errorf("placed %v, report %q, actor1 %s: candidates %v, want %v", placed, sub, rp.name, got, want)
					}
					if sub == "" && rp.name == "none" && len(subsRead) != len(subs) {
						t.Errorf("placed %v: a report of no sub-type and actor reads incidents of only %d sub-types", placed, len(subsRead))
					}
					read += len(got)
					if sub == "Air/drone strike" && rp.name == "shared" && !gotSubs["Attack"] {
						// Attack ~ Air/drone strike needs actor1 to agree: it does.
						t.Errorf("placed %v: a report sharing the Attack's actor1 does not read it: %v", placed, got)
					}
				}
			}
			if read == 0 {
				t.Errorf("placed %v: no report read a candidate", placed)
			}
		}
	})
}

// TestCandidateSubTypeParams checks the sub-types a candidate query selects: a report with an identified actor1
// names every compatible sub-type, one without names only those whose pair needs no agreement on actor1, so that
// its query leaves the others unread (TestCandidateSubTypes checks the rows that come out).
func TestCandidateSubTypeParams(t *testing.T) {
	tests := []struct {
		sub, actor string
		want       []string
	}{
		{"Attack", "Jama'at Nusrat al-Islam wal-Muslimin", append([]string{"Attack"}, incident.MergeableSubTypes("Attack")...)},
		{"Attack", "", []string{"Attack"}},
		{"Attack", "Unidentified gunmen", []string{"Attack"}},
		{"Air/drone strike", "", []string{"Air/drone strike"}},
		{"Armed clash", "", []string{"Armed clash", "Government regains territory", "Non-state actor overtakes territory"}},
		{"", "Wagner Group", nil},
	}
	for _, tt := range tests {
		e := ev("e1", tt.sub, 3, "Gao", 16.27, -0.04, "ML", 1, tt.actor)
		if tt.actor == "" {
			e.Actors = nil
		}
		got := map[string]bool{}
		params := candidateSubTypes(e)
		for _, p := range params {
			got[p.(string)] = true
		}
		want := map[string]bool{}
		for _, s := range tt.want {
			want[s] = true
		}
		if !maps.Equal(got, want) || (tt.sub != "" && len(params) != subTypeParams) {
			t.Errorf("report %q, actor1 %q: sub-types %v, want %v", tt.sub, tt.actor, params, tt.want)
		}
	}
	if len(incident.MergeableSubTypes("Attack")) == 0 {
		t.Fatal("Attack has no compatible sub-type: the test checks nothing")
	}
}

// TestCandidateBox checks that a placed report's candidates are the incidents inside its candidate box, near
// each of its edges, and those with only a country. Each incident has a sub-type of its own, with which no other
// may merge, and the report has none, so that it may take every one.
func TestCandidateBox(t *testing.T) {
	const lat, lon = -1.68, 29.22
	eachBackend(t, func(t *testing.T, s *sqlStore) {
		ctx := context.Background()
		b := s.candidateBox(lat, lon)
		const in, out = 0.001, -0.001 // inside and outside an edge
		points := []struct {
			lat, lon float64
			country  bool
			want     bool
		}{
			{lat, lon, false, true},
			{b.MinLat + in, lon, false, true}, {b.MinLat + out, lon, false, false},
			{b.MaxLat - in, lon, false, true}, {b.MaxLat - out, lon, false, false},
			{lat, b.MinLon + in, false, true}, {lat, b.MinLon + out, false, false},
			{lat, b.MaxLon - in, false, true}, {lat, b.MaxLon - out, false, false},
			{lat + 1.5, lon + 1.5, true, true},
		}
		subs := []string{"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use", "Grenade",
			"Headquarters or base established", "Looting/property destruction", "Chemical weapon",
			"Non-violent transfer of territory", "Sexual violence"}
		docs := map[string]bool{}
		for i, p := range points {
			e := ev("e1", subs[i], 3, fmt.Sprintf("P%d", i), p.lat, p.lon, "CD", 1, fmt.Sprintf("Actor %d", i))
			if p.country {
				e.Location.Precision = event.LocCountry
			}
			d := doc(fmt.Sprintf("https://box.example/%d", i), fmt.Sprintf("Box %d.", i))
			put, err := s.PutResult(ctx, d, []event.Event{e})
			if err != nil {
				t.Fatal(err)
			}
			docs[put.ID] = p.want
		}
		r := ev("r1", "", 3, "Goma", lat, lon, "CD", 1, "Someone")
		r.Actors = nil // else actor1 differs from each incident's
		for id, want := range docs {
			if got := hasCandidate(t, s, r, id); got != want {
				t.Errorf("document %s: candidate %v, want %v", id, got, want)
			}
		}
	})
}

// TestCandidateQueryPlan checks that SQLite reads the candidates through the candidate indexes, in an empty store
// and in ones analysed with incidents in few places and countries (sqlite_stat1 and sqlite_stat4 filled): 300
// incidents, and 3, as when a store opened with a few incidents (OpenSQLite analyses it) then takes a large
// ingest. On the statistics of 3 incidents in one country SQLite's planner chose to scan the whole table for
// every candidate query, which the store then did all through the run, however large the table grew.
func TestCandidateQueryPlan(t *testing.T) {
	t.Run("empty", func(t *testing.T) {
		s := open(t)
		checkCandidatePlans(t, s)
		checkLookupPlans(t, s)
	})
	for _, n := range []int{3, 300} {
		t.Run(fmt.Sprintf("analysed %d", n), func(t *testing.T) { checkAnalysedCandidatePlans(t, n) })
	}
}

// checkAnalysedCandidatePlans checks the candidate plans, and those of the write path's other lookups, in a
// store of n incidents once analysed.
func checkAnalysedCandidatePlans(t *testing.T, n int) {
	{
		s := open(t)
		ctx := context.Background()
		var rs []Result
		for i := range n {
			d := doc(fmt.Sprintf("https://plan.example/%d", i), fmt.Sprintf("Report %d.", i))
			e := ev("e1", []string{"Armed clash", "Shelling/artillery/missile attack", "Peaceful protest"}[i%3], 1+i%28,
				fmt.Sprintf("P%d", i%7), 10+float64(i%7), 20+float64(i%5), []string{"QA", "QB"}[i%2], i%9, "A")
			rs = append(rs, Result{Document: d, Events: []event.Event{e}})
		}
		if _, errs := s.PutResults(ctx, rs); errs != nil {
			t.Fatal(errs)
		}
		if _, err := s.db.ExecContext(ctx, `ANALYZE`); err != nil {
			t.Fatal(err)
		}
		var samples int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_stat4 WHERE idx LIKE 'incidents_cand_%'`).Scan(&samples); err != nil || samples == 0 {
			t.Fatalf("no sqlite_stat4 samples of the candidate indexes (%d, %v)", samples, err)
		}
		checkCandidatePlans(t, s)
		checkLookupPlans(t, s)
	}
}

// checkLookupPlans checks that the document lookup of the write path, the reads of candidate rows by rid and the
// events queries read their table through its index, not a scan.
func checkLookupPlans(t *testing.T, s *sqlStore) {
	t.Helper()
	for _, q := range append(append([]string{s.hinted.findDocument}, candidateRowQueries...), s.hinted.events...) {
		plan := queryPlan(t, s, q)
		for _, p := range plan {
			if strings.HasPrefix(p, "SCAN ") {
				t.Errorf("plan %v scans a table:\n%s", plan, q)
			}
		}
	}
}

// TestCandidateQueryParams checks that every parameter of the candidate queries is read through a CAST, so that
// SQLite does not plan the query again each time a parameter takes a new value (see candidateQuery).
func TestCandidateQueryParams(t *testing.T) {
	bare := regexp.MustCompile(`\$[0-9]+`)
	for _, q := range open(t).candidateQueries() {
		for _, loc := range bare.FindAllStringIndex(q, -1) {
			if !strings.HasSuffix(q[:loc[0]], "CAST(") || !strings.HasPrefix(q[loc[1]:], " AS TEXT)") {
				t.Fatalf("parameter %s at %d is not cast:\n%s", q[loc[0]:loc[1]], loc[0], q)
			}
		}
	}
}

// checkCandidatePlans checks the plan of every candidate query in s.
func checkCandidatePlans(t *testing.T, s *sqlStore) {
	t.Helper()
	for _, q := range s.candidateQueries() {
		plan := queryPlan(t, s, q)
		if slices.Contains(plan, "SCAN incidents") {
			t.Errorf("query scans the table: %v\n%s", plan, q)
		}
		if !slices.ContainsFunc(plan, func(p string) bool { return strings.Contains(p, "incidents_cand_") }) {
			t.Errorf("plan %v uses no candidate index", plan)
		}
		for _, p := range plan {
			if strings.Contains(p, "incidents USING") && !strings.Contains(p, "incidents_cand_") {
				t.Errorf("an arm reads another index: %s\n%s", p, q)
			}
		}
		checkReadsNoRow(t, s, q)
	}
}

// checkReadsNoRow checks that q reads only index entries: the candidate indexes hold every column a candidate
// query brings (candidateGeoColumns, candidateCountryColumns), so that the incidents' rows are read only for
// the incidents that pass readCandidates (candidateRows). EXPLAIN QUERY PLAN does not say "COVERING INDEX"
// (a query that names a generated column never does), but SQLite seeks the table row of an index entry only
// when it reads a column through the table's cursor (OP_DeferredSeek), which the program then never does.
func checkReadsNoRow(t *testing.T, s *sqlStore, q string) {
	t.Helper()
	args := make([]any, countParams(q))
	for i := range args {
		args[i] = "x"
	}
	tables := map[int64]bool{} // the cursors opened on a table, not an index
	for _, st := range program(t, s, q, args...) {
		switch st.op {
		case "OpenRead":
			tables[st.p1] = !strings.HasPrefix(st.p4, "k(")
		case "Column", "Rowid", "SeekRowid", "NotExists":
			if tables[st.p1] {
				t.Errorf("step %d (%s) reads an incident row:\n%s", st.addr, st.op, q)
				return
			}
		}
	}
	if len(tables) == 0 {
		t.Errorf("no cursor opened: %s", q)
	}
}

// step is one instruction of a prepared statement's program, as EXPLAIN lists it.
type step struct {
	addr, p1, p2, p3 int64
	op, p4           string
}

// program is the instructions of SQLite's program for q with its parameters bound to args.
func program(t *testing.T, s *sqlStore, q string, args ...any) []step {
	t.Helper()
	rows, err := s.db.Query(`EXPLAIN `+q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var steps []step
	for rows.Next() {
		var st step
		var p5 int64
		var p4, comment sql.NullString
		if err := rows.Scan(&st.addr, &st.op, &st.p1, &st.p2, &st.p3, &p4, &p5, &comment); err != nil {
			t.Fatal(err)
		}
		st.p4 = p4.String
		steps = append(steps, st)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return steps
}

// queryPlan is the detail of each step of SQLite's plan for q, its parameters bound to "x".
func queryPlan(t *testing.T, s *sqlStore, q string) []string {
	t.Helper()
	args := make([]any, countParams(q))
	for i := range args {
		args[i] = "x"
	}
	return queryPlanWith(t, s, q, args...)
}

// queryPlanWith is the detail of each step of SQLite's plan for q with its parameters bound to args.
func queryPlanWith(t *testing.T, s *sqlStore, q string, args ...any) []string {
	t.Helper()
	rows, err := s.db.Query(`EXPLAIN QUERY PLAN `+q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, notused int
		var detail string
		if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return plan
}

// countParams counts the parameters of q: its ? placeholders, or the highest of its numbered ones ($1, $2, ...).
func countParams(q string) int {
	n := strings.Count(q, "?")
	for _, m := range regexp.MustCompile(`\$([0-9]+)`).FindAllStringSubmatch(q, -1) {
		k, _ := strconv.Atoi(m[1])
		n = max(n, k)
	}
	return n
}

// TestCandidateHeadScoresAsWhole: the merge choice made on a candidate's head (candidateHead) is the one made on
// the whole incident, for reports that merge, that are vetoed as another event of a document already in the
// incident, that are syndicated copies of one, and that are too far or of another sub-type.
func TestCandidateHeadScoresAsWhole(t *testing.T) {
	now := time.Date(2026, 2, 20, 12, 0, 0, 0, time.UTC)
	report := func(docID, dupOf string, e event.Event) event.Report {
		return event.Report{DocumentID: docID, URL: "https://wire.example/" + docID, Publisher: "Example Wire",
			DuplicateOf: dupOf, Event: e, Added: now}
	}
	m := incident.NewMerger(incident.Options{})
	inc := incident.New(report("d1", "", ev("e1", "Armed clash", 10, "Gao", 16.27, -0.04, "ML", 5, "Military Forces of Mali")), now)
	second := report("d2", "", ev("e1", "Armed clash", 10, "Gao", 16.28, -0.05, "ML", 7, "Military Forces of Mali"))
	match := m.Score(inc, second)
	if !match.OK(m.Options.MinScore) {
		t.Fatalf("the second report does not merge: %+v", match)
	}
	incident.Add(&inc, second, match, now)
	body, err := json.Marshal(inc)
	if err != nil {
		t.Fatal(err)
	}
	var h candidateHead
	if err := json.Unmarshal(body, &h); err != nil {
		t.Fatal(err)
	}
	head := h.incident()
	for _, tt := range []struct {
		name string
		r    event.Report
	}{
		{"merges", report("d3", "", ev("e1", "Armed clash", 11, "Gao", 16.26, -0.03, "ML", 9, "Military Forces of Mali"))},
		{"another event of a document in it", report("d2", "", ev("e2", "Armed clash", 10, "Gao", 16.27, -0.04, "ML", 5, "Military Forces of Mali"))},
		{"syndicated copy", report("d4", "d1", ev("e1", "Armed clash", 10, "Gao", 16.27, -0.04, "ML", 5, "Military Forces of Mali"))},
		{"far away", report("d5", "", ev("e1", "Armed clash", 10, "Kidal", 18.44, 1.41, "ML", 5, "Military Forces of Mali"))},
		{"other sub-type", report("d6", "", ev("e1", "Peaceful protest", 10, "Gao", 16.27, -0.04, "ML", 0, "Protesters (Mali)"))},
	} {
		t.Run(tt.name, func(t *testing.T) {
			whole, part := m.Score(inc, tt.r), m.Score(head, tt.r)
			if !reflect.DeepEqual(whole, part) {
				t.Errorf("on the head %+v, on the whole incident %+v", part, whole)
			}
			_, wm, wok := m.Assign([]event.Incident{inc}, tt.r)
			_, pm, pok := m.Assign([]event.Incident{head}, tt.r)
			if wok != pok || !reflect.DeepEqual(wm, pm) {
				t.Errorf("Assign on the head: %v %+v, on the whole incident: %v %+v", pok, pm, wok, wm)
			}
		})
	}
}

// TestCandidateDateSlack checks the candidates' date window against the Merger: an incident whose dates the
// Merger accepts for a report (no veto) is a candidate, whatever the two dates' precisions, and one more days off
// than the widest slack (Options.MaxDateSlack) is not.
func TestCandidateDateSlack(t *testing.T) {
	eachBackend(t, func(t *testing.T, s *sqlStore) {
		ctx := context.Background()
		slack := s.merger.Options.MaxDateSlack()
		precisions := []string{event.PrecisionDay, event.PrecisionWeek, event.PrecisionMonth, event.PrecisionYear}
		i := 0
		for _, placed := range []bool{true, false} {
			for _, prec := range precisions {
				for gap := -slack - 2; gap <= slack+2; gap++ {
					i++
					// Each case in a country of its own, so that none merges into another's incident.
					e := ev("e1", "Armed clash", 10, "Goma", -60+float64(i), 29.22, fmt.Sprintf("C%03d", i), 1, "M23")
					if !placed {
						e.Location.Precision = event.LocCountry
					}
					e.Date.Precision = prec
					d := doc(fmt.Sprintf("https://slack.example/%d", i), fmt.Sprintf("Slack %d.", i))
					put, err := s.PutResult(ctx, d, []event.Event{e})
					if err != nil {
						t.Fatal(err)
					}
					r := e
					r.ID = "e2"
					day := event.NewDate(2026, 2, 10+gap)
					r.Date = &event.When{Start: day, End: day, Precision: event.PrecisionDay}
					got := hasCandidate(t, s, r, put.ID)
					inc, err := s.GetIncident(ctx, put.Changes[0].IncidentID)
					if err != nil {
						t.Fatal(err)
					}
					m := s.merger.Score(inc.Incident, event.Report{DocumentID: "other", Event: r})
					name := fmt.Sprintf("placed %v, incident of %s precision, report %d day(s) off", placed, prec, gap)
					switch {
					case m.Veto == "" && !got:
						t.Errorf("%s: not a candidate, but the Merger accepts it (%v)", name, m.Reasons)
					case abs(gap) > slack && got:
						t.Errorf("%s: a candidate, beyond the widest slack of %d day(s)", name, slack)
					}
				}
			}
		}
	})
}

func abs(n int) int { return max(n, -n) }
