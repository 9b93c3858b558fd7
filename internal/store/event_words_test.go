package store

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"sitrep/internal/event"
)

func TestIncidentEventWords(t *testing.T) { eachBackend(t, testIncidentEventWords) }

// testIncidentEventWords checks that the derived table the full-text conditions read, with its incident's filter
// columns (PostgreSQL's incident_event_words, migration 0007; SQLite's incident_event_rows, migrations 0008 and
// 0009), holds exactly the join of incident_reports, events, documents and incidents after reports create
// incidents, merge into them (one by one and in a batch) and are split off, after an incident's filter columns
// change, after a report is moved to another incident, after an incident is deleted, and after the migration's
// backfill; and that a text query under a filter finds an incident by its new filter columns, in every plan.
func testIncidentEventWords(t *testing.T, s *sqlStore) {
	ctx := context.Background()
	_, postgres := s.d.(postgresDialect)
	first, second := writeMergeCorpus(t, s, "words.example")
	// The join and the table, as rows of seven columns: incident rid, event (id or rowid), document rowid,
	// the three filter columns and the words (PostgreSQL's tsvector; SQLite's are in events_fts).
	wantQ := `SELECT ir.incident_rid, e.rowid || '', d.rowid, i.country, i.event_type, i.sub_event_type, ''
		FROM incident_reports ir JOIN events e ON e.id = ir.event_id JOIN documents d ON d.id = e.document_id
		JOIN incidents i ON i.rid = ir.incident_rid ORDER BY 1, 2`
	gotQ := `SELECT incident_rid, event_rowid || '', document_rowid, country, event_type, sub_event_type, ''
		FROM incident_event_rows ORDER BY 1, 2`
	migration, table := "migrations/0009_event_row_filters.sql", "incident_event_rows"
	if postgres {
		wantQ = `SELECT ir.incident_rid, ir.event_id, d.rowid, i.country, i.event_type, i.sub_event_type,
			e.tsv::text FROM incident_reports ir JOIN events e ON e.id = ir.event_id
			JOIN documents d ON d.id = e.document_id JOIN incidents i ON i.rid = ir.incident_rid ORDER BY 1, 2`
		gotQ = `SELECT incident_rid, event_id, document_rowid, country, event_type, sub_event_type,
			tsv::text FROM incident_event_words ORDER BY 1, 2`
		migration, table = "migrations/postgres/0007_incident_event_words.sql", "incident_event_words"
	}
	compare := func(step string) {
		t.Helper()
		want, got := wordRows(t, s, wantQ), wordRows(t, s, gotQ)
		if len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("%s: %s holds\n%v\nthe reports join\n%v", step, table, got, want)
		}
	}
	compare("after writes")
	if _, err := s.SplitIncident(ctx, first.Changes[0].IncidentID, second.ID); err != nil {
		t.Fatal(err)
	}
	compare("after a split")

	// The filter columns follow the incident's row; a text query under the new country finds it in every plan.
	if _, err := s.db.ExecContext(ctx, s.d.rebind(`UPDATE incidents SET country = 'PL', event_type = 'Riots'
		WHERE id = ?`), first.Changes[0].IncidentID); err != nil {
		t.Fatal(err)
	}
	compare("after an incident's filter columns changed")
	moved := first.Changes[0].IncidentID
	filters := []struct {
		f    Filter
		want bool
	}{
		{Filter{Query: "kharkiv", Country: "PL"}, true},
		{Filter{Query: "kharkiv", EventType: "Riots"}, true},
		{Filter{Query: "shelling", Country: "PL", EventType: "Riots"}, true},
		{Filter{Query: "shelling", Country: "PL", SubEventType: "Shelling/artillery/missile attack"}, true},
		{Filter{Query: "kharkiv", Country: "UA"}, false},
		{Filter{Query: "kharkiv", SubEventType: "Armed clash"}, false},
		{Filter{Query: "kharkiv", Country: "PL", EventType: "Battles"}, false},
	}
	for _, plan := range []readPlan{{}, {scan: true}, {walk: true}, {walk: true, budget: 1},
		{walk: true, budget: 1, scan: true}} {
		for _, c := range filters {
			p, err := s.listIncidents(ctx, c.f, plan)
			if err != nil {
				t.Fatal(err)
			}
			found := slices.ContainsFunc(p.Incidents, func(inc event.Incident) bool { return inc.ID == moved })
			if found != c.want {
				t.Errorf("plan %+v, filter %+v: incident %s listed %v, want %v", plan, c.f, moved, found, c.want)
			}
		}
	}

	// A report moved to another incident (an UPDATE of its link) takes that incident's filter columns.
	if _, err := s.db.ExecContext(ctx, s.d.rebind(`UPDATE incident_reports SET incident_rid =
		(SELECT rid FROM incidents WHERE id = ?) WHERE incident_rid = (SELECT rid FROM incidents WHERE id = ?)`),
		first.Changes[0].IncidentID, second.Changes[0].IncidentID); err != nil {
		t.Fatal(err)
	}
	compare("after a report moved")
	// Deleting an incident deletes its links (ON DELETE CASCADE), and their rows.
	if _, err := s.db.ExecContext(ctx, `DELETE FROM incidents WHERE rid = (SELECT max(incident_rid)
		FROM incident_reports)`); err != nil {
		t.Fatal(err)
	}
	compare("after an incident was deleted")

	rerunBackfill(t, s, migration, table)
	compare("after the backfill")
}

// wordRows reads the rows of q, seven columns each, as strings.
func wordRows(t *testing.T, s *sqlStore, q string) []string {
	t.Helper()
	rows, err := s.db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var rid, docRow int64
		var id, country, typ, sub, tsv string
		if err := rows.Scan(&rid, &id, &docRow, &country, &typ, &sub, &tsv); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprint(rid, " ", id, " ", docRow, " ", country, " ", typ, " ", sub, " ", tsv))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestFilteredPlanChoice(t *testing.T) { eachBackend(t, testFilteredPlanChoice) }

// testFilteredPlanChoice checks that a word common in the store's summaries but absent under a country or type
// filter is collected (only the summaries under the filter are counted, or on SQLite estimated, see
// dialect.filteredHits), and that a word common under the filter is walked.
func testFilteredPlanChoice(t *testing.T, s *sqlStore) {
	ctx := context.Background()
	var batch []Result
	for i := range 40 {
		var evs []event.Event
		for j := range 5 {
			evs = append(evs, ev(fmt.Sprintf("e%d", j), "Armed clash", 1+(i+j)%27,
				fmt.Sprintf("Checkpoint %d", i*5+j), float64(i%20), float64(j*5), "SD", 1, "Group 1"))
		}
		batch = append(batch, Result{Document: doc(fmt.Sprintf("https://plan.example/%d", i),
			fmt.Sprintf("Report number %d.", i)),
			Events: evs})
	}
	// One incident of the word in a country of its own, which a sample of the store's rows may miss.
	batch = append(batch, Result{Document: doc("https://plan.example/zz", "A report from elsewhere."),
		Events: []event.Event{ev("e0", "Armed clash", 3, "Checkpoint 9999", 1, 1, "ZZ", 1, "Group 2")}})
	if _, errs := s.PutResults(ctx, batch); errs != nil {
		t.Fatal(errs)
	}
	for _, tt := range []struct {
		f       Filter
		walk    bool
		matches bool
	}{
		{Filter{Query: "checkpoint"}, true, true},
		{Filter{Query: "checkpoint", Country: "SD"}, true, true},
		{Filter{Query: "checkpoint", Country: "SD", SubEventType: "Armed clash"}, true, true},
		{Filter{Query: "checkpoint", Country: "PL"}, false, false},
		{Filter{Query: "checkpoint", EventType: "Riots"}, false, false},
		{Filter{Query: "checkpoint", Country: "SD", SubEventType: "Mob violence"}, false, false},
		{Filter{Query: "checkpoint", Country: "ZZ"}, false, true},
	} {
		got, err := s.planFor(ctx, tt.f, 8)
		if err != nil {
			t.Fatal(err)
		}
		if got.walk != tt.walk || got.walk && got.budget <= 0 {
			t.Errorf("plan for %+v = %+v, want walk %v (with a budget)", tt.f, got, tt.walk)
		}
		// Every plan lists the same incidents.
		want, err := s.listIncidents(ctx, tt.f, readPlan{walk: true})
		if err != nil {
			t.Fatal(err)
		}
		page, err := s.listIncidents(ctx, tt.f, got)
		if err != nil {
			t.Fatal(err)
		}
		ids := func(l Page) []string {
			var out []string
			for _, inc := range l.Incidents {
				out = append(out, inc.ID)
			}
			return out
		}
		if g, w := ids(page), ids(want); !slices.Equal(g, w) || (len(g) > 0) != tt.matches {
			t.Errorf("filter %+v: plan %+v lists %v, a walk %v", tt.f, got, g, w)
		}
	}
}
