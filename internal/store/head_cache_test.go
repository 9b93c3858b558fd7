package store

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strconv"
	"testing"
	"unsafe"

	"sitrep/internal/event"
)

// TestHeadCache checks the head cache's lookups (a head only for the very bytes it was decoded from) and its
// bounds (entries, bytes, an entry larger than the whole budget, a replaced entry charged once).
func TestHeadCache(t *testing.T) {
	head := func(id string) event.Incident { return event.Incident{ID: id} }
	body := func(n int, c byte) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = c
		}
		return b
	}
	type step struct {
		put     bool // put rid's body (else get it)
		rid     int64
		body    []byte
		wantHit bool
	}
	cases := []struct {
		name              string
		entries, maxBytes int
		steps             []step
		wantEntries       int
	}{
		{"hit on equal bytes", 10, 1 << 20, []step{
			{true, 1, []byte(`{"id":"a"}`), false},
			{false, 1, []byte(`{"id":"a"}`), true},
			{false, 1, []byte(`{"id":"b"}`), false},
			{false, 1, []byte(`{"id":"a"} `), false},
			{false, 1, []byte(`{"id":"a`), false},
			{false, 2, []byte(`{"id":"a"}`), false},
		}, 1},
		{"replaced body", 10, 1 << 20, []step{
			{true, 1, []byte(`{"id":"a"}`), false},
			{true, 1, []byte(`{"id":"a","x":1}`), false},
			{false, 1, []byte(`{"id":"a"}`), false},
			{false, 1, []byte(`{"id":"a","x":1}`), true},
		}, 1},
		{"entry bound", 2, 1 << 20, []step{
			{true, 1, []byte("1"), false}, {true, 2, []byte("2"), false}, {true, 3, []byte("3"), false},
			{false, 1, []byte("1"), false}, {false, 2, []byte("2"), true}, {false, 3, []byte("3"), true},
		}, 2},
		{"byte bound", 10, 3 * (2*100 + 256), []step{
			{true, 1, body(100, 'a'), false}, {true, 2, body(100, 'b'), false}, {true, 3, body(100, 'c'), false},
			{true, 4, body(100, 'd'), false},
			{false, 1, body(100, 'a'), false}, {false, 4, body(100, 'd'), true},
		}, 3},
		{"larger than the budget", 10, 1000, []step{
			{true, 1, body(1000, 'a'), false}, {false, 1, body(1000, 'a'), false},
		}, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := newHeadCache(tc.entries, tc.maxBytes)
			for i, st := range tc.steps {
				if st.put {
					c.put(st.rid, st.body, head(string(st.body)))
					continue
				}
				inc, b, ok := c.get(st.rid, st.body)
				if ok != st.wantHit {
					t.Errorf("step %d: get %d %q: hit %v, want %v", i, st.rid, st.body, ok, st.wantHit)
				}
				if ok && (inc.ID != string(st.body) || string(b) != string(st.body)) {
					t.Errorf("step %d: get %d %q: head %q, body %q", i, st.rid, st.body, inc.ID, b)
				}
			}
			if len(c.m) != tc.wantEntries {
				t.Errorf("%d entries, want %d", len(c.m), tc.wantEntries)
			}
			sum := 0
			for _, h := range c.m {
				sum += h.cost
			}
			if sum != c.bytes || c.bytes > tc.maxBytes {
				t.Errorf("charged %d bytes, entries cost %d, bound %d", c.bytes, sum, tc.maxBytes)
			}
		})
	}
	var none *headCache
	none.put(1, []byte("x"), event.Incident{})
	if _, _, ok := none.get(1, []byte("x")); ok {
		t.Error("a nil cache holds something")
	}
}

// TestHeadCacheUnchanged ingests documents that merge into one another's incidents, checking at each candidate
// query that every head equals a fresh decode of its body and its body is the row's, and afterwards that every
// cached head still equals a fresh decode of the body it was cached with: nothing that reads the shared heads
// (Merger.Assign, the merge) changed one.
func TestHeadCacheUnchanged(t *testing.T) {
	eachBackend(t, func(t *testing.T, s *sqlStore) {
		ctx := context.Background()
		rng := rand.New(rand.NewPCG(3, 4))
		reused, seen := 0, map[int64]*byte{}
		for batch := range 6 {
			err := s.batchTx(ctx, func(tx *sql.Tx) error {
				var idx indexQueue
				for i := range 20 {
					d := doc(fmt.Sprintf("https://heads.example/%d/%d", batch, i), fmt.Sprintf("Report %d/%d.", batch, i))
					var evs []event.Event
					for j := range 2 {
						// Few places, days and actors, so that reports merge and incidents are candidates often.
						e := ev("e"+strconv.Itoa(j+1), benchSubTypes[rng.IntN(2)], 1+rng.IntN(4), "Town",
							10+float64(rng.IntN(3))*0.01, 20, "SD", rng.IntN(5), "Group "+strconv.Itoa(rng.IntN(2)))
						evs = append(evs, e)
					}
					for _, e := range evs {
						incs, cs, err := s.candidates(ctx, tx, e)
						if err != nil {
							return err
						}
						for k := range incs {
							fresh, err := decodeHead(cs[k].body)
							if err != nil {
								return err
							}
							if !reflect.DeepEqual(incs[k], fresh) {
								t.Errorf("incident %d: head %+v, decoded %+v", cs[k].rid, incs[k], fresh)
							}
							var body []byte
							if err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT body FROM incidents WHERE rid = ?`),
								cs[k].rid).Scan(&body); err != nil {
								return err
							}
							if string(body) != string(cs[k].body) {
								t.Errorf("incident %d: candidate body is not the row's", cs[k].rid)
							}
							// A head decoded again comes with a new copy of its body; a reused one with the same.
							p := unsafe.SliceData(cs[k].body)
							if seen[cs[k].rid] == p {
								reused++
							}
							seen[cs[k].rid] = p
						}
					}
					if _, err := s.putResult(ctx, tx, d, evs, &idx); err != nil {
						return err
					}
				}
				return s.flushIndex(ctx, tx, idx)
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		if reused == 0 {
			t.Fatal("no head was reused: the test reads no shared head")
		}
		t.Logf("%d heads reused, %d cached", reused, len(s.heads.m))
		for rid, h := range s.heads.m {
			fresh, err := decodeHead(h.body)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(h.inc, fresh) {
				t.Errorf("cached head of incident %d changed: %+v, decoded %+v", rid, h.inc, fresh)
			}
		}
	})
}

// TestHeadCacheOtherWriter checks that a head cached by one handle is not reused once another handle (another
// process) merges a report into its incident: the candidate then has the new body's head.
func TestHeadCacheOtherWriter(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			ctx := context.Background()
			dsn := b.fresh(t)
			s, other := openAt(t, dsn), openAt(t, dsn)
			e := ev("e1", "Armed clash", 3, "Goma", -1.68, 29.22, "CD", 1, "Group A")
			if _, err := s.PutResult(ctx, doc("https://other.example/1", "A clash."), []event.Event{e}); err != nil {
				t.Fatal(err)
			}
			reports := func() []int {
				var n []int
				err := s.tx(ctx, func(tx *sql.Tx) error {
					incs, _, err := s.candidates(ctx, tx, e)
					for _, inc := range incs {
						n = append(n, len(inc.Reports))
					}
					return err
				})
				if err != nil {
					t.Fatal(err)
				}
				return n
			}
			if got := reports(); !reflect.DeepEqual(got, []int{1}) {
				t.Fatalf("before: reports per candidate %v, want [1]", got)
			}
			if got := reports(); !reflect.DeepEqual(got, []int{1}) || len(s.heads.m) != 1 {
				t.Fatalf("cached: reports per candidate %v, want [1]; %d cached heads", got, len(s.heads.m))
			}
			ing, err := other.PutResult(ctx, doc("https://other.example/2", "The clash again."), []event.Event{e})
			if err != nil || ing.Merged != 1 {
				t.Fatalf("other handle: %+v %v", ing, err)
			}
			if got := reports(); !reflect.DeepEqual(got, []int{2}) {
				t.Errorf("after the other handle's merge: reports per candidate %v, want [2]", got)
			}
		})
	}
}
