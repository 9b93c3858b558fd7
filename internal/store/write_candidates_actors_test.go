package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"

	"sitrep/internal/event"
	"sitrep/internal/incident"
)

// TestActor1KeyBackfill checks the backfill of actor1_key (SQLite's migration 0018, PostgreSQL's 0012) against
// the write path's (incident.Actor1Key): on incidents of every kind of actor list, the key the migration computes
// from the body is the write path's, or NULL when an actor1's name is not one whose folding SQL does exactly
// (printable ASCII, single inner spaces), and never NULL for such names. Then, with every key NULL, a report
// reads the incidents whose actor1 would rule it out: a NULL key is unknown.
func TestActor1KeyBackfill(t *testing.T) { eachBackend(t, testActor1KeyBackfill) }

func testActor1KeyBackfill(t *testing.T, s *sqlStore) {
	ctx := context.Background()
	a := func(role, name, kind, attr string) event.Actor {
		return event.Actor{Role: role, Name: name, Kind: kind, Attribution: attr}
	}
	lists := [][]event.Actor{
		nil,
		{a(event.RoleActor2, "Civilians (Mali)", event.KindCivilians, "")},
		{a(event.RoleActor1, "Military Forces of Mali", event.KindStateForces, event.AttrStated)},
		{a(event.RoleActor1, "Wagner Group", "", "")},
		{a(event.RoleActor1, "JNIM", "", event.AttrAlleged), a(event.RoleActor1, "Islamic State Sahel", "", event.AttrStated)},
		{a(event.RoleActor1, "Unidentified gunmen", event.KindUnknown, ""), a(event.RoleActor1, "UNKNOWN militia", "", "")},
		{a(event.RoleActor1, "Someone", event.KindUnknown, event.AttrContested)},
		{a(event.RoleActor1, "Police Forces of Mali", "", event.AttrContested), a(event.RoleAssociated, "x", "", "")},
		{a(event.RoleActor1, "", "", "")},
		{a(event.RoleActor1, "Dozo  hunters", "", "")},                                             // two spaces
		{a(event.RoleActor1, " Dozo hunters", "", "")},                                             // a leading space
		{a(event.RoleActor1, "Dozo\thunters", "", "")},                                             // a tab
		{a(event.RoleActor1, "Forces armées maliennes", "", "")},                                   // not ASCII
		{a(event.RoleActor1, "OK", "", ""), a(event.RoleActor1, "Ünïcode", event.KindUnknown, "")}, // unknown, yet not ASCII
		{a(event.RoleActor2, "Ünïcode", "", ""), a(event.RoleActor1, "ALL CAPS", "", "")},
		{a(event.RoleActor1, "Quote \" and \\ backslash", "", "")},
	}
	for i, as := range lists {
		e := ev("e1", "Attack", 3, "Gao", 16.27, -0.04, fmt.Sprintf("Q%c", 'A'+i), 1, "")
		e.Actors = as
		if _, err := s.PutResult(ctx, doc(fmt.Sprintf("https://backfill.example/%d", i), fmt.Sprintf("Backfill %d.", i)),
			[]event.Event{e}); err != nil {
			t.Fatal(err)
		}
	}
	keys := func() map[string]sql.NullString {
		m := map[string]sql.NullString{}
		rows, err := s.db.Query(`SELECT country, actor1_key FROM incidents`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var c string
			var k sql.NullString
			if err := rows.Scan(&c, &k); err != nil {
				t.Fatal(err)
			}
			m[c] = k
		}
		return m
	}
	written := keys()
	if len(written) != len(lists) {
		t.Fatalf("%d incidents, want %d", len(written), len(lists))
	}
	file := "migrations/0018_candidate_actors.sql"
	if _, sqlite := s.d.(sqliteDialect); !sqlite {
		file = "migrations/postgres/0012_candidate_actors_backfill.sql"
	}
	body, err := migrations.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var backfill string
	for _, stmt := range strings.Split(string(body), ";\n") {
		if i := strings.Index(stmt, "UPDATE incidents SET actor1_key"); i >= 0 {
			backfill = stmt[i:]
		}
	}
	if _, err := s.db.Exec(`UPDATE incidents SET actor1_key = 'stale'`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(backfill); err != nil {
		t.Fatal(err)
	}
	nulls := 0
	for i, as := range lists {
		c := fmt.Sprintf("Q%c", 'A'+i)
		want, _ := incident.Actor1Key(as)
		simple := true
		for _, x := range as {
			if x.Role == event.RoleActor1 && !asciiFolded(x.Name) {
				simple = false
			}
		}
		got := keys()[c]
		switch {
		case !written[c].Valid || written[c].String != want:
			t.Errorf("%+v: written key %q, want %q", as, written[c].String, want)
		case got.Valid && got.String != want:
			t.Errorf("%+v: backfilled key %q, want %q", as, got.String, want)
		case !got.Valid && simple:
			t.Errorf("%+v: backfilled key NULL, want %q", as, want)
		case !got.Valid:
			nulls++
		}
	}
	if nulls == 0 {
		t.Error("no backfilled key is NULL: the test checks no name SQL cannot fold")
	}
	// Every key unknown: a report with another, firm actor1 reads every incident around it, where it read only
	// those whose key did not rule it out.
	r := ev("r1", "Attack", 3, "Gao", 16.27, -0.04, "QC", 1, "Nobody Else")
	count := func() int {
		n := 0
		if err := s.tx(ctx, func(tx *txn) error {
			_, cs, err := s.candidates(ctx, tx, r)
			n = len(cs)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := count(); n == 0 || n >= len(lists) {
		t.Errorf("%d candidates with the backfilled keys, want fewer than the %d incidents but some", n, len(lists))
	}
	if _, err := s.db.Exec(`UPDATE incidents SET actor1_key = NULL`); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != len(lists) {
		t.Errorf("%d candidates with NULL keys, want all %d", n, len(lists))
	}
}

// asciiFolded reports whether name folds (as incident.Actor1Key does) to its lower case by SQL's lower():
// printable ASCII, no leading, trailing or double space.
func asciiFolded(name string) bool {
	for _, c := range []byte(name) {
		if c < ' ' || c > '~' {
			return false
		}
	}
	return strings.TrimSpace(name) == name && !strings.Contains(name, "  ")
}
