package pipeline

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"

	"sitrep/internal/document"
	"sitrep/internal/event"
	"sitrep/internal/store"
)

// syndicated are the lines a copy of a story adds to it.
var syndicated = []string{"Syndicated.", "Reprinted.", "Shared."}

// storiesWithCopies returns n distinct stories, each followed by copies syndicated copies of it (its text and a
// word more, at another URL: near-duplicates of the story and of each other, whichever comes first) and repeats
// exact repeats of it (the same URL and text), and the story of each document.
func storiesWithCopies(n, copies, repeats int, seed uint64) ([]event.Document, []int) {
	var all []event.Document
	var story []int
	for i, d := range generated(n, seed) {
		all = append(all, d)
		for j := range copies {
			c := d
			c.URL = fmt.Sprintf("%s/copy/%d", d.URL, j)
			c.Text = d.Text + "\n" + syndicated[j]
			all = append(all, c)
		}
		for range repeats {
			all = append(all, d)
		}
		for len(story) < len(all) {
			story = append(story, i)
		}
	}
	return all, story
}

// TestBatchConcurrentSubmitters submits documents from one goroutine each, with copies of documents that may
// still wait in a batch or be being written (which kick their original's batch), exact repeats of them, a
// document the store refuses and a Close that may come while documents are being submitted. Every document must
// get exactly one outcome by the time Submit and Close have returned, each story must be stored once as an
// original with its copies linked to it and its repeats counted as duplicates, the refused document alone must
// fail, and the store and the statistics must agree with the outcomes.
func TestBatchConcurrentSubmitters(t *testing.T) {
	for _, tc := range []struct {
		name                     string
		stories, copies, repeats int // documents: stories, each with copies syndicated copies and repeats repeats
		seed                     uint64
		opts                     BatchOptions
		refuse                   int  // index of a document the store refuses; -1: none
		closing                  bool // Close while the documents are being submitted
	}{
		{"distinct, batches of 3", 30, 0, 0, 21, BatchOptions{Size: 3}, -1, false},
		{"copies, batches of 5", 8, 3, 0, 22, BatchOptions{Size: 5}, -1, false},
		{"copies and repeats, batches of 2", 6, 2, 2, 23, BatchOptions{Size: 2}, -1, false},
		{"copies and repeats, only kicks and Close write", 6, 2, 1, 24, BatchOptions{Size: 1000, Wait: time.Hour}, -1, false},
		{"a refused document, batches of 4", 20, 0, 0, 25, BatchOptions{Size: 4}, 7, false},
		{"a refused copy, batches of 4", 5, 2, 0, 26, BatchOptions{Size: 4}, 4, false},
		{"Close while submitting", 8, 2, 1, 27, BatchOptions{Size: 4, Wait: time.Hour}, -1, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sq, err := store.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "c.db"), store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer sq.Close()
			docs, story := storiesWithCopies(tc.stories, tc.copies, tc.repeats, tc.seed)
			// The copies of a story are near-duplicates of it and of each other, so that whichever comes first
			// is the one original of its story.
			for i := range docs {
				for j := range i {
					if story[i] == story[j] && !document.NearDuplicate(document.Fingerprint(docs[i].Text), document.Fingerprint(docs[j].Text)) {
						t.Fatalf("%s and %s are not near-duplicates", docs[i].URL, docs[j].URL)
					}
				}
			}
			var st store.Store = sq
			if tc.refuse >= 0 {
				docs = append([]event.Document(nil), docs...)
				docs[tc.refuse].ID = "refused-doc"
				st = failingStore{sq, "refused-doc"}
			}
			p := New(testEngine(t), st, Options{})
			b := p.NewBatch(context.Background(), tc.opts)
			rs := make([]result, len(docs))
			calls := make([]int, len(docs))
			var mu sync.Mutex
			var wg sync.WaitGroup
			for i, d := range docs {
				wg.Go(func() {
					b.Submit(context.Background(), d, func(out Outcome, err error) {
						mu.Lock()
						rs[i] = result{out, Reason(err)}
						calls[i]++
						mu.Unlock()
					})
				})
				if tc.closing && i == len(docs)/2 {
					wg.Go(b.Close)
				}
			}
			wg.Wait()
			b.Close()
			stored, originals, dups := 0, map[string]bool{}, 0
			for i, r := range rs {
				if calls[i] != 1 {
					t.Errorf("document %d: %d outcomes", i, calls[i])
				}
				switch {
				case i == tc.refuse:
					if r.Reason != "store" {
						t.Errorf("refused document %d: %+v", i, r)
					}
				case r.Reason != "":
					t.Errorf("document %d failed: %+v", i, r)
				case r.Out.Duplicate:
					dups++
				default:
					stored++
					if r.Out.DuplicateOf == "" {
						originals[r.Out.DocumentID] = true
					}
				}
			}
			wantOriginals := tc.stories
			if tc.refuse >= 0 && story[tc.refuse] != story[max(tc.refuse-1, 0)] {
				wantOriginals-- // a story refused
			}
			if len(originals) != wantOriginals {
				t.Errorf("%d originals stored, want %d", len(originals), wantOriginals)
				for i, r := range rs {
					t.Logf("%d %s %+v", i, docs[i].URL, r)
				}
			}
			// Each story is an original, each copy links to a stored original, each repeat is a duplicate.
			for i, d := range docs {
				r := rs[i]
				if r.Reason != "" || r.Out.Duplicate || r.Out.DuplicateOf == "" {
					continue
				}
				if !originals[r.Out.DuplicateOf] {
					t.Errorf("document %d (%s) links to %s, which is not a stored original", i, d.URL, r.Out.DuplicateOf)
				}
			}
			c, err := sq.Counts(context.Background())
			if err != nil || c.Documents != stored {
				t.Errorf("counts %+v, %v; want %d documents", c, err, stored)
			}
			s := p.Stats()
			want := Stats{Documents: int64(len(docs)), Stored: int64(stored), Duplicates: int64(dups),
				NearDuplicates: int64(stored - len(originals))}
			if tc.refuse >= 0 {
				want.Errors = 1
			}
			if got := (Stats{Documents: s.Documents, Stored: s.Stored, Duplicates: s.Duplicates,
				NearDuplicates: s.NearDuplicates, Errors: s.Errors}); !reflect.DeepEqual(got, want) {
				t.Errorf("stats %+v, want %+v", got, want)
			}
		})
	}
}

// gatedStore holds each batch write until release is closed (once entered is signalled), and records the size of
// each batch.
type gatedStore struct {
	*store.SQLite
	entered chan struct{}
	release chan struct{}
	mu      sync.Mutex
	sizes   []int
}

func (g *gatedStore) PutResults(ctx context.Context, rs []store.Result) ([]store.Ingest, []error) {
	g.mu.Lock()
	g.sizes = append(g.sizes, len(rs))
	first := len(g.sizes) == 1
	g.mu.Unlock()
	if first {
		close(g.entered)
		<-g.release
	}
	return g.SQLite.PutResults(ctx, rs)
}

// TestBatchKickWritesOnlyTheOriginalsBatch checks that a copy of a document whose batch is being written waits
// for that write and does not cut the next batch short: the batches keep their size.
func TestBatchKickWritesOnlyTheOriginalsBatch(t *testing.T) {
	sq, err := store.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "k.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer sq.Close()
	g := &gatedStore{SQLite: sq, entered: make(chan struct{}), release: make(chan struct{})}
	p := New(testEngine(t), g, Options{})
	b := p.NewBatch(context.Background(), BatchOptions{Size: 2, Wait: time.Hour})
	story, _ := storiesWithCopies(1, 1, 0, 31)
	other := generated(2, 32)
	outs := make([]Outcome, 4)
	submit := func(i int, d event.Document) {
		b.Submit(context.Background(), d, func(out Outcome, err error) {
			if err != nil {
				t.Errorf("document %d: %v", i, err)
			}
			outs[i] = out
		})
	}
	var wg sync.WaitGroup
	submit(0, other[0])
	wg.Go(func() { submit(1, story[0]) }) // fills the first batch, which it writes: held in the store
	<-g.entered
	submit(2, other[1]) // waits in the second batch
	wg.Go(func() { submit(3, story[1]) })
	// Let the copy find its original pending and kick (it sets wanted first), then let the first batch go.
	for !wantedIn(p.recent) {
		time.Sleep(time.Millisecond)
	}
	close(g.release)
	wg.Wait()
	b.Close()
	if !reflect.DeepEqual(g.sizes, []int{2, 2}) {
		t.Errorf("batch sizes %v, want [2 2]", g.sizes)
	}
	if outs[3].DuplicateOf != outs[1].DocumentID || outs[1].DocumentID == "" {
		t.Errorf("copy %+v, original %+v", outs[3], outs[1])
	}
}

// wantedIn reports whether a copy waits for an entry of w.
func wantedIn(w *window) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, e := range w.ring[:w.n] {
		if e != nil && e.wanted.Load() {
			return true
		}
	}
	return false
}
