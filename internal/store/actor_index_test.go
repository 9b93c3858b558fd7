package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"sitrep/internal/event"
)

// actorListing lists the incidents of f (all pages of 3) under the store's plan and under the plain walk, fails
// when they differ, and returns them; it also reports whether the plan for a page collects through an index.
func actorListing(t *testing.T, s *sqlStore, f Filter) (ids []string, collects bool) {
	t.Helper()
	got := listAll(t, s, f, 3)
	s.walkOnly = true
	want := listAll(t, s, f, 3)
	s.walkOnly = false
	if !slices.Equal(got, want) {
		t.Errorf("%+v: got %v, the walk lists %v", f, got, want)
	}
	rp, err := s.residualPlanFor(context.Background(), f, 3, readPlan{})
	if err != nil {
		t.Fatal(err)
	}
	return got, rp.collect != nil
}

func TestActorIndexFollowsMerges(t *testing.T) { eachBackend(t, testActorIndexFollowsMerges) }

// testActorIndexFollowsMerges checks that an incident is found by an actor its column gains on a later report
// (a merge), under a plan that collects through the actor index, and that a split's new incident is found by
// its actors too.
func testActorIndexFollowsMerges(t *testing.T, s *sqlStore) {
	residualSeed(t, s, 120)
	ctx := context.Background()
	first := ev("m1", "Armed clash", 3, "Kadugli", 11.01, 29.72, "SD", 4, "Sudanese Armed Forces")
	second := ev("m2", "Armed clash", 3, "Kadugli", 11.01, 29.72, "SD", 4, "Sudanese Armed Forces")
	second.Actors = append(second.Actors, event.Actor{Role: event.RoleActor2, Name: "Kadugli Defence Militia",
		Kind: event.KindIdentityMilitia, Attribution: event.AttrStated})
	d1 := doc("https://news.example/kadugli-1", "Clashes in Kadugli.")
	d2 := doc("https://news.example/kadugli-2", "Clashes in Kadugli with a militia.")
	in1, err := s.PutResult(ctx, d1, []event.Event{first})
	if err != nil {
		t.Fatal(err)
	}
	in2, err := s.PutResult(ctx, d2, []event.Event{second})
	if err != nil {
		t.Fatal(err)
	}
	if in2.Merged != 1 || len(in1.Changes) == 0 || in2.Changes[0].IncidentID != in1.Changes[0].IncidentID {
		t.Fatalf("the second report did not merge into the first's incident: %+v then %+v", in1, in2)
	}
	merged := in1.Changes[0].IncidentID
	_, indexed := s.d.actorMatches("militia")
	for _, a := range []string{"defence militia", "Kadugli Defence", "sudanese armed"} {
		ids, collects := actorListing(t, s, Filter{Actor: a})
		if !slices.Equal(ids, []string{merged}) {
			t.Errorf("actor %q: %v, want the merged incident %s", a, ids, merged)
		}
		if indexed && !collects {
			t.Errorf("actor %q: the plan walks, want it to collect through the actor index", a)
		}
	}

	// The split's new incident holds the militia alone; the old one keeps its link to it (a superset), which
	// the listing's own test of the column discards.
	d2id := in2.ID
	out, err := s.SplitIncident(ctx, merged, d2id)
	if err != nil {
		t.Fatal(err)
	}
	if ids, _ := actorListing(t, s, Filter{Actor: "defence militia"}); !slices.Equal(ids, []string{out.ID}) {
		t.Errorf("after the split: %v, want the split's incident %s alone", ids, out.ID)
	}
	if ids, _ := actorListing(t, s, Filter{Actor: "sudanese armed"}); len(ids) != 2 {
		t.Errorf("after the split: %v, want both incidents", ids)
	}
	if _, err := s.PutResult(ctx, doc("https://news.example/kadugli-3", "Another clash in Kadugli."),
		[]event.Event{ev("m3", "Armed clash", 3, "Kadugli", 11.01, 29.72, "SD", 4, "Kadugli Defence Militia")}); err != nil {
		t.Fatal(err)
	}
	if ids, _ := actorListing(t, s, Filter{Actor: "defence militia"}); len(ids) == 0 {
		t.Errorf("after a third report: no incident of the militia")
	}
}

// TestActorMatchesSQLite checks which substrings SQLite's actor index serves: not "" (in every column) nor
// one holding '|' (spanning names), which walk.
func TestActorMatchesSQLite(t *testing.T) {
	d := sqliteDialect{}
	for a, want := range map[string]bool{"group 3": true, "g": true, "": false, "3|": false, "|group": false,
		"a|b": false, "ünal": true} {
		if _, ok := d.actorMatches(a); ok != want {
			t.Errorf("actorMatches(%q) = %v, want %v", a, ok, want)
		}
	}
}

// TestActorIndexBackfill checks migration 0016 on rows written before it: with the index's tables dropped and
// the migration run again, its backfill links the same names to the same incidents as the write path did, and a
// rare actor's listing collects through it and lists what the walk lists.
func TestActorIndexBackfill(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	residualSeed(t, s, 200)
	// A merge that adds a name, which holds a '|': the column holds it as two names.
	a := ev("b1", "Armed clash", 5, "Kadugli", 11.01, 29.72, "SD", 4, "Sudanese Armed Forces")
	b := ev("b2", "Armed clash", 5, "Kadugli", 11.01, 29.72, "SD", 4, "Sudanese Armed Forces")
	b.Actors = append(b.Actors, event.Actor{Role: event.RoleActor2, Name: "Nuba Militia|West", Kind: event.KindIdentityMilitia,
		Attribution: event.AttrStated})
	if _, err := s.PutResult(ctx, doc("https://news.example/b1", "One."), []event.Event{a}); err != nil {
		t.Fatal(err)
	}
	in, err := s.PutResult(ctx, doc("https://news.example/b2", "Two."), []event.Event{b})
	if err != nil || in.Merged != 1 {
		t.Fatalf("merge: %+v, %v", in, err)
	}
	written := actorLinks(t, s, `SELECT name FROM actor_names`)
	if !slices.Contains(written, "nuba militia") || !slices.Contains(written, "west") {
		t.Fatalf("names written %v: want a name holding '|' split in two", written)
	}
	links := actorLinks(t, s, `SELECT n.name || ' ' || l.rid FROM incident_actor_names l JOIN actor_names n ON n.id = l.name_id`)
	for _, q := range []string{`DROP TABLE incident_actor_names`, `DROP TABLE actor_names`,
		`DELETE FROM schema_migrations WHERE version = 'migrations/0016_actor_names.sql'`} {
		if _, err := s.db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	if err := migrate(ctx, s.db, s.d); err != nil {
		t.Fatal(err)
	}
	if got := actorLinks(t, s, `SELECT n.name || ' ' || l.rid FROM incident_actor_names l JOIN actor_names n ON n.id = l.name_id`); !slices.Equal(got, links) {
		t.Errorf("backfilled links:\n%v\nthe write path's:\n%v", got, links)
	}
	for _, f := range []Filter{{Actor: "group 30"}, {Actor: "militia"}, {Actor: "west"}, {Actor: "nobody"},
		{Actor: "group 30", Country: "SD"}} {
		if _, collects := actorListing(t, s, f); !collects {
			t.Errorf("%+v: the plan walks after the backfill, want it to collect", f)
		}
	}
	if ids, _ := actorListing(t, s, Filter{Actor: "militia|west"}); len(ids) != 1 {
		t.Errorf("actor across the '|' of a name: %v, want the merged incident", ids)
	}
	if _, err := s.PutResult(ctx, doc("https://news.example/b3", "Three."),
		[]event.Event{ev("b3", "Attack", 9, "Dilling", 12.05, 29.65, "SD", 1, "Dilling Guards")}); err != nil {
		t.Fatal(err)
	}
	if ids, _ := actorListing(t, s, Filter{Actor: "dilling"}); len(ids) != 1 {
		t.Errorf("an incident written after the backfill: %v, want it found", ids)
	}
}

// actorLinks runs q, which selects one text column, and returns its rows sorted.
func actorLinks(t *testing.T, s *sqlStore, q string) []string {
	t.Helper()
	rows, err := s.db.QueryContext(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// TestActorIDsRollBack checks that the ids of actor names a transaction added are not kept past its rollback:
// the next name added takes the same id, and the rolled-back name, added again, must get its own.
func TestActorIDsRollBack(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	residualSeed(t, s, 40)
	rollBack := errors.New("roll back")
	err := s.tx(ctx, func(tx *txn) error {
		if _, err := s.actorNameID(ctx, tx, "ghost brigade"); err != nil {
			return err
		}
		return rollBack
	})
	if !errors.Is(err, rollBack) {
		t.Fatalf("transaction: %v", err)
	}
	for i, a := range []string{"Real Brigade", "Ghost Brigade"} {
		e := ev(fmt.Sprintf("g%d", i), "Attack", 10+i, fmt.Sprintf("Village %d", i), 5+float64(i)*3, 20, "CF", 2, a)
		if _, err := s.PutResult(ctx, doc(fmt.Sprintf("https://news.example/g%d", i), a+" attacked a village."), []event.Event{e}); err != nil {
			t.Fatal(err)
		}
	}
	for _, a := range []string{"real brigade", "ghost brigade"} {
		ids, collects := actorListing(t, s, Filter{Actor: a})
		if len(ids) != 1 || !collects {
			t.Errorf("actor %q: %v (collects %v), want one incident, collected", a, ids, collects)
		}
	}
}
