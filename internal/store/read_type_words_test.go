package store

import (
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"sitrep/internal/event"
)

// rareSub is the sub-event type of typeWordsSeed's rare event type (Riots): one incident in 33.
const rareSub = "Mob violence"

// typeWordsSeed stores docs documents of perDoc events each over sixty days: one event in 33 of the rare type
// (rareSub), the others of four sub-types of four other types; each summary holds a word drawn by ftsWord, each
// document's text a word of the last six of ftsWords, so the first six are in summaries only.
func typeWordsSeed(t testing.TB, s *sqlStore, docs, perDoc int) {
	t.Helper()
	rng := rand.New(rand.NewPCG(11, 13))
	subs := []string{"Armed clash", "Attack", "Peaceful protest", "Arrests"}
	ctx := context.Background()
	var rs []Result
	for i := range docs {
		evs := make([]event.Event, perDoc)
		for j := range evs {
			k := i*perDoc + j
			sub := subs[rng.IntN(len(subs))]
			if k%33 == 0 {
				sub = rareSub
			}
			e := ev(fmt.Sprintf("e%d", j), sub, 1, fmt.Sprintf("%s %d", ftsWord(rng), k), float64(k%80),
				float64(k/80), "SD", rng.IntN(20), fmt.Sprintf("Group %d", rng.IntN(9)))
			e.Date.Start = event.NewDate(2026, time.Month(1+rng.IntN(2)), 1+rng.IntN(28))
			e.Date.End = e.Date.Start.AddDays(rng.IntN(3))
			evs[j] = e
		}
		text := fmt.Sprintf("Report %d on the %s.", i, ftsWords[6+rng.IntN(len(ftsWords)-6)])
		rs = append(rs, Result{Document: doc(fmt.Sprintf("https://words.example/%d", i), text), Events: evs})
	}
	if _, errs := s.PutResults(ctx, rs); firstErr(errs) != nil {
		t.Fatal(firstErr(errs))
	}
}

// firstErr is the first non-nil error of errs.
func firstErr(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// wordsRow is an incident as a brute-force selection of typeWordsSeed's listings sees it: its columns, and the
// words of each of its event summaries and of each of its documents (title and text).
type wordsRow struct {
	typeRow
	texts []map[string]bool
}

// wordsRows reads every incident with the words of its summaries and documents, in listing order.
func wordsRows(t *testing.T, s *sqlStore) []wordsRow {
	t.Helper()
	byID := map[string]*wordsRow{}
	for _, r := range typeRows(t, s) {
		byID[r.id] = &wordsRow{typeRow: r}
	}
	rows, err := s.db.Query(`SELECT i.id, e.summary, d.title || ' ' || d.text FROM incidents i
		JOIN incident_reports r ON r.incident_rid = i.rid JOIN events e ON e.id = r.event_id
		JOIN documents d ON d.id = e.document_id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, summary, text string
		if err := rows.Scan(&id, &summary, &text); err != nil {
			t.Fatal(err)
		}
		r := byID[id]
		r.texts = append(r.texts, textWords(summary), textWords(text))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	out := make([]wordsRow, 0, len(byID))
	for _, r := range byID {
		out = append(out, *r)
	}
	slices.SortFunc(out, func(a, b wordsRow) int {
		return cmp.Or(-strings.Compare(a.start, b.start), cmp.Compare(b.rid, a.rid))
	})
	return out
}

// matches reports whether one of r's summaries or documents holds every word of q.
func (r wordsRow) matches(q string) bool {
	for _, ws := range r.texts {
		if holdsWords(ws, q) {
			return true
		}
	}
	return false
}

func TestTypeWordsListings(t *testing.T) { eachBackend(t, testTypeWordsListings) }

// testTypeWordsListings checks that the listings with words under an event type, a rare one and common ones,
// alone and with other filters, list what a brute-force selection over every incident's texts does, in the
// same order, page by page; and that every plan (collecting, walking with and without a budget or a chunk)
// lists them with the same cursors.
func testTypeWordsListings(t *testing.T, s *sqlStore) {
	typeWordsSeed(t, s, 120, 5)
	all := wordsRows(t, s)
	from := event.NewDate(2026, 2, 10)
	plans := []readPlan{{}, {walk: true}, {walk: true, budget: 3}, {walk: true, budget: 40, chunk: 5},
		{walk: true, budget: 200, chunk: 30}, {scan: true}}
	counts := map[string]int{}
	for _, typ := range []string{"Riots", "Battles", "Strategic developments"} {
		for _, q := range []string{"checkpoint", "convoy", "bridge camp", "airport", "orchard", "nowhere"} {
			for k, base := range []Filter{{}, {From: from}, {MinFatalities: 12}} {
				f := base
				f.EventType, f.Query = typ, q
				var want []string
				for _, r := range all {
					if r.typ == typ && r.matches(q) && (f.From.IsZero() || r.end >= f.From.String()) &&
						r.dead >= f.MinFatalities {
						want = append(want, r.id)
					}
				}
				counts[fmt.Sprint(typ, "/", q, "/", k)] = len(want)
				for _, limit := range []int{2, 7, 50} {
					if got := listAll(t, s, f, limit); !slices.Equal(got, want) {
						t.Errorf("%+v limit %d: listed %v, want %v", f, limit, got, want)
					}
					f.Limit = limit
					_, wantCur := pageThrough(t, s, f, readPlan{})
					plansList(t, s, fmt.Sprintf("%+v", f), f, plans, want, wantCur)
				}
			}
		}
	}
	// The comparisons mean something only if the words select some of the rare type's incidents, on several
	// pages, and not all of them.
	rare := 0
	for _, r := range all {
		if r.typ == "Riots" {
			rare++
		}
	}
	if n := counts["Riots/checkpoint/0"]; n < 8 || n >= rare || counts["Riots/airport/0"] == 0 ||
		counts["Riots/nowhere/0"] != 0 || counts["Battles/convoy/0"] < 10 {
		t.Errorf("unexpected counts (%d incidents of the rare type): %v", rare, counts)
	}
}

// TestTypeWordsPlan checks, on SQLite, that a text walk under an event type keeps the type's rows from a set
// while it walks the order index, so that it reads no table row of another type; and that the plan prices the
// rows of other types such a walk reads: for a word in two summaries of three, under a type of 3% of the
// incidents it collects the matches (reading 32 rows of other types for each of the type's), where the same
// incidents under their sub-type, whose index the walk reads, and a type of a quarter of the incidents walk.
func TestTypeWordsPlan(t *testing.T) {
	s := open(t)
	typeWordsSeed(t, s, 300, 5)
	ctx := context.Background()
	var n, rare int
	if err := s.db.QueryRow(`SELECT count(*), coalesce(sum(event_type = 'Riots'), 0) FROM incidents`).Scan(&n,
		&rare); err != nil {
		t.Fatal(err)
	}
	if share := float64(rare) / float64(n); share < 0.02 || share > 0.04 {
		t.Fatalf("%d of %d incidents of the rare type", rare, n)
	}
	for _, c := range []struct {
		f    Filter
		walk bool
	}{{Filter{EventType: "Riots"}, false}, {Filter{SubEventType: rareSub}, true}, {Filter{EventType: "Battles"}, true},
		{Filter{EventType: "Violence against civilians"}, true}} {
		f := c.f
		f.Query, f.Limit = "checkpoint", 5
		plan, err := s.planFor(ctx, f, f.Limit+1)
		if err != nil {
			t.Fatal(err)
		}
		if plan.walk != c.walk {
			t.Errorf("%+v: plan %+v, want walk %v", f, plan, c.walk)
		}
	}
	// The walk's statement: the order index read in order, each row probed in the set of the type's rows (read
	// from its sub-types' ranges), no table row read to test the type first, nothing sorted.
	f := Filter{EventType: "Riots", Query: "checkpoint"}
	set, err := s.typeRowSet(f, nil, nil, false)
	if err != nil || set == nil {
		t.Fatalf("type row set %v, %v", set, err)
	}
	q, args, err := s.orderedQuery(f, `rid, date_start, body`, nil, 6, readPlan{walk: true, types: set})
	if err != nil {
		t.Fatal(err)
	}
	p := strings.Join(queryPlanWith(t, s, q, args...), "\n")
	if !strings.Contains(p, "SCAN incidents USING INDEX incidents_order_point") ||
		strings.Count(p, "incidents_subtype_order") != 2 || !strings.Contains(p, "incidents_type_other") ||
		strings.Contains(p, "TEMP B-TREE") {
		t.Errorf("plan of a walk under a type:\n%s", p)
	}
	// Without the set the same walk tests the type on every row's table entry (what the set saves).
	q, args, err = s.orderedQuery(f, `rid, date_start, body`, nil, 6, readPlan{walk: true})
	if err != nil {
		t.Fatal(err)
	}
	if p := strings.Join(queryPlanWith(t, s, q, args...), "\n"); strings.Contains(p, "incidents_subtype_order") {
		t.Errorf("plan of a walk without the set:\n%s", p)
	}
}
