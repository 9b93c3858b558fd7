package pipeline

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"

	"sitrep/internal/event"
	"sitrep/internal/store"
)

// batchCorpus exercises every way a document ends: stored originals, a report merging into an earlier one's
// incident, the same URL again and the same text at another URL (exact duplicates of a document that may still
// wait in the batch), a syndicated copy, an empty and a French document, and two records numbered alike.
func batchCorpus() []event.Document {
	docs := generated(10, 5)
	docs = append(docs,
		article("https://a.example/strike", "Airstrike kills 12 in Idlib market", strikeFirst),
		article("https://b.example/toll", "Idlib market strike toll rises to 19", strikeSecond),
		article("https://a.example/strike?utm_source=x", "Airstrike kills 12 in Idlib market", strikeFirst),
		article("https://c.example/other", "Airstrike kills 12 in Idlib market", strikeFirst),
		article("https://d.example/syndicated", "Russian jets blamed for deadly Idlib raid", strikeFirst+"\n\n"+footer),
		event.Document{URL: "https://e.example/empty", Text: " \n "},
		event.Document{URL: "https://fr.example/1", Text: "Des frappes aériennes ont touché un marché de la " +
			"ville, tuant douze civils, selon une organisation locale qui surveille le conflit depuis des années."},
		event.Document{ID: "rec-1", Text: generated(1, 6)[0].Text},
		event.Document{ID: "rec-1", Text: generated(1, 7)[0].Text},
	)
	return append(docs, generated(5, 8)...)
}

// result is an outcome as the comparison sees it.
type result struct {
	Out    Outcome
	Reason string
}

// processAll runs docs through Process one by one.
func processAll(p *Pipeline, docs []event.Document) []result {
	var rs []result
	for _, d := range docs {
		out, err := p.Process(context.Background(), d)
		rs = append(rs, result{out, Reason(err)})
	}
	return rs
}

// submitAll runs docs through a Batch from one goroutine, then closes it.
func submitAll(p *Pipeline, docs []event.Document, opts BatchOptions) []result {
	b := p.NewBatch(context.Background(), opts)
	rs := make([]result, len(docs))
	for i, d := range docs {
		b.Submit(context.Background(), d, func(out Outcome, err error) { rs[i] = result{out, Reason(err)} })
	}
	b.Close()
	return rs
}

// storeState is what a store holds, for comparisons: table sizes and each incident with its reports' events.
func storeState(t *testing.T, st store.Store) string {
	t.Helper()
	c, err := st.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	s := fmt.Sprintf("%+v", c)
	for inc, err := range store.All(context.Background(), st, store.Filter{}) {
		if err != nil {
			t.Fatal(err)
		}
		s += "\n" + inc.ID + ":"
		for _, r := range inc.Reports {
			s += " " + r.DocumentID + "/" + r.Event.ID
		}
	}
	return s
}

// TestBatchMatchesProcess takes one corpus through Process and through batches (small ones, and one that only
// Close, copies and repeated ids write), and expects the same outcome for every document (but for the entities,
// which a batch does not list), the same totals and the same stored incidents.
func TestBatchMatchesProcess(t *testing.T) {
	docs := batchCorpus()
	p, st := newTestPipeline(t)
	want := processAll(p, docs)
	entities := 0
	for i, r := range want {
		if r.Out.Result != nil {
			res := *r.Out.Result
			entities += len(res.Entities)
			res.Entities = nil
			want[i].Out.Result = &res
		}
	}
	if entities == 0 {
		t.Fatal("Process listed no entities")
	}
	wantStats, wantState := p.Stats(), storeState(t, st)
	for _, opts := range []BatchOptions{{Size: 1}, {Size: 4}, {Size: 1000, Wait: time.Hour}} {
		t.Run(fmt.Sprintf("size=%d", opts.Size), func(t *testing.T) {
			bp, bst := newTestPipeline(t)
			got := submitAll(bp, docs, opts)
			for i := range want {
				if !reflect.DeepEqual(got[i], want[i]) {
					t.Errorf("document %d (%s):\nbatch   %+v\nprocess %+v", i, label(docs[i]), got[i], want[i])
				}
			}
			if s := bp.Stats(); !reflect.DeepEqual(s, wantStats) {
				t.Errorf("stats:\nbatch   %+v\nprocess %+v", s, wantStats)
			}
			if s := storeState(t, bst); s != wantState {
				t.Errorf("stores differ:\nbatch   %s\nprocess %s", s, wantState)
			}
		})
	}
	if wantStats.Duplicates != 2 || wantStats.NearDuplicates != 1 || wantStats.Merged == 0 ||
		wantStats.Reasons["id conflict"] != 1 || wantStats.Reasons["empty"] != 1 {
		t.Errorf("the corpus lacks its cases: %+v", wantStats)
	}
}

// failingStore fails to store the document with id bad, in batches as alone.
type failingStore struct {
	*store.SQLite
	bad string
}

var errRefused = errors.New("refused")

func (f failingStore) PutResult(ctx context.Context, d store.Document, evs []event.Event) (store.Ingest, error) {
	if d.ID == f.bad {
		return store.Ingest{}, errRefused
	}
	return f.SQLite.PutResult(ctx, d, evs)
}

func (f failingStore) PutResults(ctx context.Context, rs []store.Result) ([]store.Ingest, []error) {
	ings, errs := make([]store.Ingest, len(rs)), make([]error, len(rs))
	for i, r := range rs {
		ings[i], errs[i] = f.PutResult(ctx, r.Document, r.Events)
	}
	return ings, errs
}

// TestBatchStoreFailure checks that a document the store refuses fails alone, as a store failure, and that the
// other documents of its batch are stored.
func TestBatchStoreFailure(t *testing.T) {
	st, err := store.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "f.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	docs := generated(6, 9)
	docs[2].ID = "refused-doc"
	p := New(testEngine(t), failingStore{st, "refused-doc"}, Options{})
	got := submitAll(p, docs, BatchOptions{Size: 4})
	for i, r := range got {
		switch {
		case i == 2 && r.Reason != "store":
			t.Errorf("refused document: %+v", r)
		case i != 2 && (r.Reason != "" || r.Out.Events == 0):
			t.Errorf("document %d: %+v", i, r)
		}
	}
	if c, err := st.Counts(context.Background()); err != nil || c.Documents != 5 {
		t.Errorf("counts %+v, %v; want the 5 others stored", c, err)
	}
	if s := p.Stats(); s.Stored != 5 || s.Errors != 1 || s.Reasons["store"] != 1 {
		t.Errorf("stats %+v", s)
	}
}

// TestBatchConcurrentCopies submits stories and their syndicated copies from many goroutines: each story is
// stored once as an original, its copies linked to it, and every document gets exactly one outcome.
func TestBatchConcurrentCopies(t *testing.T) {
	p, st := newTestPipeline(t)
	docs := generated(8, 3)
	var all []event.Document
	for _, d := range docs {
		all = append(all, d)
		for j := range 3 {
			c := d
			c.URL = fmt.Sprintf("%s/copy/%d", d.URL, j)
			c.Text = fmt.Sprintf("%s\nDistributed by syndicate %d.", d.Text, j)
			all = append(all, c)
		}
	}
	b := p.NewBatch(context.Background(), BatchOptions{Size: 5})
	outs := make([]Outcome, len(all))
	calls := make([]int, len(all))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i, d := range all {
		wg.Go(func() {
			b.Submit(context.Background(), d, func(out Outcome, err error) {
				if err != nil {
					t.Error(err)
				}
				mu.Lock()
				outs[i] = out
				calls[i]++
				mu.Unlock()
			})
		})
	}
	wg.Wait()
	b.Close()
	originals := map[string]int{}
	for i, o := range outs {
		if calls[i] != 1 {
			t.Errorf("document %d: %d outcomes", i, calls[i])
		}
		if o.DuplicateOf == "" {
			originals[o.DocumentID]++
		}
	}
	if len(originals) != len(docs) {
		t.Errorf("%d originals among %d documents, want %d (one per story)", len(originals), len(all), len(docs))
	}
	c, err := st.Counts(context.Background())
	if err != nil || c.Documents != len(all) || c.Duplicates != len(all)-len(docs) {
		t.Errorf("counts %+v, %v", c, err)
	}
	if s := p.Stats(); s.Documents != int64(len(all)) || s.Stored != int64(len(all)) {
		t.Errorf("stats %+v", s)
	}
}

// TestBatchWritesAfterWait checks that a batch that does not fill is written once its first document has waited,
// without a Flush.
func TestBatchWritesAfterWait(t *testing.T) {
	p, st := newTestPipeline(t)
	b := p.NewBatch(context.Background(), BatchOptions{Size: 100, Wait: 10 * time.Millisecond})
	done := make(chan Outcome, 1)
	b.Submit(context.Background(), generated(1, 4)[0], func(out Outcome, err error) {
		if err != nil {
			t.Error(err)
		}
		done <- out
	})
	out := <-done
	if _, err := st.GetDocument(context.Background(), out.DocumentID); err != nil {
		t.Errorf("the document is not stored when its outcome comes: %v", err)
	}
	b.Close()
}

// TestBatchCanceled checks that documents waiting in a batch when its context ends fail as canceled, not as
// store failures, and are not stored.
func TestBatchCanceled(t *testing.T) {
	p, st := newTestPipeline(t)
	ctx, cancel := context.WithCancel(context.Background())
	b := p.NewBatch(ctx, BatchOptions{Size: 100, Wait: time.Hour})
	var reasons []string
	for _, d := range generated(3, 10) {
		b.Submit(context.Background(), d, func(_ Outcome, err error) { reasons = append(reasons, Reason(err)) })
	}
	cancel()
	b.Close()
	if !reflect.DeepEqual(reasons, []string{"canceled", "canceled", "canceled"}) {
		t.Errorf("reasons %q", reasons)
	}
	if c, _ := st.Counts(context.Background()); c.Documents != 0 {
		t.Errorf("stored %+v", c)
	}
}
