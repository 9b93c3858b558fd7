package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"strconv"
	"testing"
	"time"

	"sitrep/internal/event"
)

// batchCorpus is what TestPutResultsMatchesPutResult stores: clustered documents (so later ones merge into
// incidents earlier ones of the same batch started), a syndicated copy linked to an earlier document, a document
// without events, and exact duplicates both of a document in the same batch and of one stored earlier.
func batchCorpus() []Result {
	rng := rand.New(rand.NewPCG(5, 6))
	var rs []Result
	for i := range 40 {
		rs = append(rs, clusteredDoc(rng, i))
	}
	cp := rs[7]
	cp.Document = doc("https://copy.example/7", cp.Document.Text+" (syndicated)")
	cp.Document.DuplicateOf = "d7"
	twice := clusteredDoc(rng, 40)
	rs = append(rs, cp, Result{Document: doc("https://quiet.example/1", "Nothing happened today.")}, twice)
	for i := range rs {
		rs[i].Document.ID = "d" + strconv.Itoa(i)
	}
	return append(rs, twice, rs[3]) // 43 repeats 42 (same batch at every size), 44 repeats 3
}

// TestPutResultsMatchesPutResult stores the same documents one by one and in batches of several sizes, and
// expects the same outcomes (ids, duplicates, events, incidents created and merged, changes) and the same
// stored incidents with the same histories, on each backend.
func TestPutResultsMatchesPutResult(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			rs := batchCorpus()
			one := openAt(t, b.fresh(t))
			want, wantState := storeOneByOne(t, one, rs), snapshot(t, one)
			if !want[43].Duplicate || !want[44].Duplicate || want[40].Events == 0 || want[41].Events != 0 {
				t.Fatalf("the corpus lacks its cases: %+v", want[40:])
			}
			var merged int
			for _, w := range want {
				merged += w.Merged
			}
			if merged == 0 {
				t.Fatal("no event merged")
			}
			for _, size := range []int{2, 16, len(rs)} {
				batched := openAt(t, b.fresh(t))
				var got []Ingest
				for start := 0; start < len(rs); start += size {
					ings, errs := batched.PutResults(context.Background(), rs[start:min(start+size, len(rs))])
					if errs != nil {
						t.Fatalf("batch size %d: %v", size, errs)
					}
					got = append(got, ings...)
				}
				for i := range want {
					if !reflect.DeepEqual(got[i], want[i]) {
						t.Errorf("batch size %d, result %d:\nbatched    %+v\none by one %+v", size, i, got[i], want[i])
					}
				}
				if gotState := snapshot(t, batched); gotState != wantState {
					t.Errorf("batch size %d: the stores differ:\nbatched    %s\none by one %s", size, gotState, wantState)
				}
			}
		})
	}
}

// storeOneByOne stores rs with PutResult.
func storeOneByOne(t *testing.T, s *sqlStore, rs []Result) []Ingest {
	t.Helper()
	var out []Ingest
	for _, r := range rs {
		ing, err := s.PutResult(context.Background(), r.Document, r.Events)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, ing)
	}
	return out
}

// snapshot is the store's state as JSON: table counts, every incident with its documents and change history,
// and what full-text queries find.
func snapshot(t *testing.T, s *sqlStore) string {
	t.Helper()
	checkIntegrity(t, s) // with SQLite, FTS5's integrity-check compares the full-text indexes with their rows
	ctx := context.Background()
	c, err := s.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	state := map[string]any{"counts": c}
	var incidents []IncidentDetail
	for inc, err := range All(ctx, s, Filter{}) {
		if err != nil {
			t.Fatal(err)
		}
		d, err := s.GetIncident(ctx, inc.ID)
		if err != nil {
			t.Fatal(err)
		}
		incidents = append(incidents, d)
	}
	state["incidents"] = incidents
	for _, q := range []string{"clashes", "Town", "syndicated", "Nothing"} { // document texts and event summaries
		page, err := s.ListIncidents(ctx, Filter{Query: q, Limit: MaxLimit})
		if err != nil {
			t.Fatal(err)
		}
		docs, _, err := s.ListDocuments(ctx, DocumentFilter{Query: q, Limit: MaxLimit})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, inc := range page.Incidents {
			ids = append(ids, inc.ID)
		}
		for _, d := range docs {
			ids = append(ids, d.ID)
		}
		if len(ids) == 0 {
			t.Fatalf("full-text query %q found nothing", q)
		}
		state["search "+q] = ids
	}
	b, err := json.Marshal(state)
	if err != nil {
		t.Fatal(err)
	}
	if len(incidents) == 0 {
		t.Fatal("no incidents stored")
	}
	return string(b)
}

// TestPutResultsFailure stores a batch whose middle result fails: the others are stored, and only the failing
// one has an error, and nothing of it is stored.
func TestPutResultsFailure(t *testing.T) {
	eachBackend(t, func(t *testing.T, s *sqlStore) {
		ctx := context.Background()
		good := func(n string) Result {
			return Result{Document: doc("https://batch.example/"+n, "A good report "+n+"."),
				Events: []event.Event{ev("e1", "Armed clash", 2, "Goma", -1.68, 29.22, "CD", 3, "M23")}}
		}
		// Two events with one id: the second insert breaks the events table's key.
		bad := Result{Document: doc("https://batch.example/bad", "A bad report."),
			Events: []event.Event{ev("e1", "Attack", 2, "Beni", 0.49, 29.47, "CD", 1, "ADF"),
				ev("e1", "Attack", 2, "Beni", 0.49, 29.47, "CD", 1, "ADF")}}
		ings, errs := s.PutResults(ctx, []Result{good("1"), bad, good("2")})
		if len(errs) != 3 || errs[0] != nil || errs[1] == nil || errs[2] != nil {
			t.Fatalf("errors %v; want one, for the bad result", errs)
		}
		if ings[0].ID == "" || ings[2].ID == "" || ings[0].Events != 1 || ings[2].Merged != 1 || ings[1].ID != "" {
			t.Errorf("outcomes %+v", ings)
		}
		c, err := s.Counts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if c.Documents != 2 || c.Events != 2 || c.Incidents != 1 {
			t.Errorf("stored %+v; want the two good documents and their one incident", c)
		}
		// Nothing at all: no error, no outcome.
		if ings, errs := s.PutResults(ctx, nil); len(ings) != 0 || errs != nil {
			t.Errorf("empty batch: %v, %v", ings, errs)
		}
	})
}

// TestPutResultsCacheSize checks that a batch leaves its connection's page cache at the size it opened with,
// and its temporary storage at the default, whether the batch is stored or fails (SQLite sets both apart for a
// batch: batchPragmas).
func TestPutResultsCacheSize(t *testing.T) {
	s := open(t)
	s.db.SetMaxOpenConns(2) // the batch connection (writeConn) and the one the reads below use
	ctx := context.Background()
	result := func(n string, events ...event.Event) Result {
		return Result{Document: doc("https://cache.example/"+n, "Report "+n+"."), Events: events}
	}
	clash := ev("e1", "Armed clash", 2, "Goma", -1.68, 29.22, "CD", 3, "M23")
	for _, tc := range []struct {
		name string
		rs   []Result
	}{
		{"stored", []Result{result("1", clash), result("2", clash)}},
		{"failed", []Result{result("3", clash), result("4", clash, clash)}}, // one event id twice
		{"cancelled in the transaction", []Result{result("5", clash), result("6", clash)}},
	} {
		bctx, cancel := context.WithCancel(ctx)
		now := s.now
		if tc.name == "cancelled in the transaction" {
			// the clock is read once the transaction has begun: the caller gives up there, and database/sql
			// rolls the transaction back on its own
			s.now = func() time.Time { cancel(); return now() }
		}
		s.PutResults(bctx, tc.rs)
		cancel()
		s.now = now
		var kib int
		if err := s.db.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&kib); err != nil {
			t.Fatal(err)
		}
		if kib != -cacheKiB {
			t.Errorf("%s: cache_size %d after the batch; want %d", tc.name, kib, -cacheKiB)
		}
		var temp int
		if err := s.db.QueryRowContext(ctx, `PRAGMA temp_store`).Scan(&temp); err != nil {
			t.Fatal(err)
		}
		if temp != 0 {
			t.Errorf("%s: temp_store %d after the batch; want 0 (default)", tc.name, temp)
		}
	}
}

// TestPutResultsKeepsItsConnection checks that SQLite writes batch after batch on one connection (writeConn),
// which keeps its page cache from one to the next, and that a batch that fails drops it for a new one.
func TestPutResultsKeepsItsConnection(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	result := func(n string, events ...event.Event) Result {
		return Result{Document: doc("https://conn.example/"+n, "Report "+n+"."), Events: events}
	}
	clash := ev("e1", "Armed clash", 2, "Goma", -1.68, 29.22, "CD", 3, "M23")
	var first *sql.Conn
	for _, tc := range []struct {
		name string
		rs   []Result
		same bool // written on the first batch's connection
	}{
		{"first", []Result{result("1", clash), result("2", clash)}, true},
		{"second", []Result{result("3", clash), result("4", clash)}, true},
		{"failed", []Result{result("5", clash), result("6", clash, clash)}, false}, // one event id twice
		{"after the failure", []Result{result("7", clash), result("8", clash)}, false},
	} {
		if _, errs := s.PutResults(ctx, tc.rs); (errs != nil) != (tc.name == "failed") {
			t.Fatalf("%s: errors %v", tc.name, errs)
		}
		if first == nil {
			first = s.writer.conn
		}
		if got := s.writer.conn; (got == first) != tc.same || (tc.name != "failed" && got == nil) {
			t.Errorf("%s: batch connection %p, first %p", tc.name, got, first)
		}
	}
}
