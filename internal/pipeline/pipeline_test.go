package pipeline

import (
	"context"
	"errors"
	"sync"
	"testing"

	"sitrep/internal/document"
	"sitrep/internal/event"
	"sitrep/internal/extract"
)

func TestProcessMergesDuplicatesAndCopies(t *testing.T) {
	ctx := context.Background()
	p, st := newTestPipeline(t)
	first, err := p.Process(ctx, article("https://a.example/strike", "Airstrike kills 12 in Idlib market", strikeFirst))
	if err != nil {
		t.Fatal(err)
	}
	if first.Events == 0 || first.Created == 0 || first.Duplicate || first.DuplicateOf != "" {
		t.Fatalf("first report: %+v", first)
	}
	second, err := p.Process(ctx, article("https://b.example/toll", "Idlib market strike toll rises to 19", strikeSecond))
	if err != nil {
		t.Fatal(err)
	}
	if second.Merged == 0 {
		t.Errorf("second report of the same strike did not merge: %+v", second)
	}
	again, err := p.Process(ctx, article("https://a.example/strike?utm_source=x", "Airstrike kills 12 in Idlib market", strikeFirst))
	if err != nil || !again.Duplicate || again.DocumentID != first.DocumentID {
		t.Errorf("same URL again: %+v, %v; want duplicate of %s", again, err, first.DocumentID)
	}
	sameText := article("https://c.example/other", "Airstrike kills 12 in Idlib market", strikeFirst)
	if out, err := p.Process(ctx, sameText); err != nil || !out.Duplicate || out.DocumentID != first.DocumentID {
		t.Errorf("same text at another URL: %+v, %v; want duplicate of %s", out, err, first.DocumentID)
	}
	copyDoc := article("https://d.example/syndicated", "Russian jets blamed for deadly Idlib raid", strikeFirst+"\n\n"+footer)
	cp, err := p.Process(ctx, copyDoc)
	if err != nil {
		t.Fatal(err)
	}
	if cp.Duplicate || cp.DuplicateOf != first.DocumentID {
		t.Errorf("syndicated copy: %+v, want a stored copy of %s", cp, first.DocumentID)
	}
	stored, err := st.GetDocument(ctx, cp.DocumentID)
	if err != nil || stored.DuplicateOf != first.DocumentID {
		t.Errorf("stored copy: duplicate_of %q, %v", stored.DuplicateOf, err)
	}
	s := p.Stats()
	want := Stats{Documents: 5, Duplicates: 2, NearDuplicates: 1, Errors: 0}
	if s.Documents != want.Documents || s.Duplicates != want.Duplicates || s.NearDuplicates != want.NearDuplicates ||
		s.Errors != 0 {
		t.Errorf("stats %+v, want %+v", s, want)
	}
	if s.Events != int64(first.Events+second.Events+cp.Events) || s.Merged < 1 {
		t.Errorf("stats events %d merged %d", s.Events, s.Merged)
	}
}

func TestProcessRejects(t *testing.T) {
	p, st := newTestPipeline(t)
	if _, err := p.Process(context.Background(), event.Document{ID: "rec-1", Text: strikeFirst}); err != nil {
		t.Fatal(err)
	}
	french := event.Document{URL: "https://fr.example/1", Text: "Des frappes aériennes ont touché un marché de la " +
		"ville, tuant douze civils, selon une organisation locale qui surveille le conflit depuis des années."}
	tests := []struct {
		name   string
		doc    event.Document
		err    error
		reason string
	}{
		{"empty", event.Document{URL: "https://e.example/empty", Text: " \n "}, document.ErrEmpty, "empty"},
		{"declared language", event.Document{Language: "de", Text: strikeFirst}, extract.ErrUnsupportedLanguage, "unsupported language"},
		{"detected language", french, extract.ErrUnsupportedLanguage, "unsupported language"},
		{"id conflict", event.Document{ID: "rec-1", Text: strikeSecond}, ErrIDConflict, "id conflict"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := p.Process(context.Background(), tt.doc)
			if !errors.Is(err, tt.err) || Reason(err) != tt.reason {
				t.Errorf("err %v (reason %q), want %v (%q)", err, Reason(err), tt.err, tt.reason)
			}
		})
	}
	if c, _ := st.Counts(context.Background()); c.Documents != 1 {
		t.Errorf("rejected documents were stored: %+v", c)
	}
	if out, err := p.Process(context.Background(), event.Document{ID: "rec-1", Text: strikeFirst}); err != nil || !out.Duplicate {
		t.Errorf("same id and text again: %+v, %v; want a duplicate", out, err)
	}
	if s := p.Stats(); s.Errors != 4 || s.Reasons["unsupported language"] != 2 || s.Reasons["empty"] != 1 {
		t.Errorf("stats %+v", s)
	}
}

func TestProcessConcurrentCopiesLinkToOneOriginal(t *testing.T) {
	p, st := newTestPipeline(t)
	docs := generated(6, 1)
	var all []event.Document
	for i, d := range docs {
		all = append(all, d)
		for j := range 3 {
			c := d
			c.URL = d.URL + "/copy/" + string(rune('a'+j))
			c.Title = "Copy " + string(rune('a'+i))
			c.Text = d.Text + "\nDistributed by syndicate " + string(rune('a'+j)) + "."
			all = append(all, c)
		}
	}
	var wg sync.WaitGroup
	outs := make([]Outcome, len(all))
	for i, d := range all {
		wg.Go(func() {
			var err error
			if outs[i], err = p.Process(context.Background(), d); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	originals := map[string]int{}
	for _, o := range outs {
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
}

func TestWarmLinksCopiesOfEarlierRuns(t *testing.T) {
	ctx := context.Background()
	p, st := newTestPipeline(t)
	docs := generated(3, 2)
	first, err := p.Process(ctx, docs[1])
	if err != nil {
		t.Fatal(err)
	}
	restarted := New(testEngine(t), st, Options{})
	if err := restarted.Warm(ctx, 100); err != nil {
		t.Fatal(err)
	}
	c := docs[1]
	c.URL, c.Text = "https://elsewhere.example/copy", c.Text+"\n"+footer
	out, err := restarted.Process(ctx, c)
	if err != nil || out.DuplicateOf != first.DocumentID {
		t.Errorf("copy after restart: %+v, %v; want a copy of %s", out, err, first.DocumentID)
	}
}
