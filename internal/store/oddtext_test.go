package store

import (
	"context"
	"testing"

	"sitrep/internal/event"
)

// TestOddText stores text with a NUL byte and invalid UTF-8 (which PostgreSQL's text type refuses) and filters
// with such strings: nothing fails and the document is found by its words.
func TestOddText(t *testing.T) { eachBackend(t, testOddText) }

func testOddText(t *testing.T, s *sqlStore) {
	ctx := context.Background()
	d := doc("https://odd.example/1", "Shelling\x00 hit Kramatorsk \xff\xfe overnight.")
	d.Title = "Odd\x00 title \xc3"
	e := ev("e\x001", "Shelling/artillery/missile attack", 9, "Kramatorsk\x00", 48.72, 37.56, "UA", 2, "Unknown\xff")
	e.Summary = "Shelling\x00 in Kramatorsk \xff"
	p, err := s.PutResult(ctx, d, []event.Event{e})
	if err != nil || p.Events != 1 {
		t.Fatalf("put: %+v %v", p, err)
	}
	got, err := s.GetDocument(ctx, p.ID)
	if err != nil || got.Text == "" {
		t.Fatalf("get: %q %v", got.Text, err)
	}
	for _, f := range []Filter{{Query: "kramatorsk"}, {Query: "kramatorsk\x00 \xff"}, {Actor: "unknown\x00"},
		{Country: "U\x00A", Admin1: "\xff"}} {
		if _, err := s.ListIncidents(ctx, f); err != nil {
			t.Errorf("%+v: %v", f, err)
		}
	}
	if pg, err := s.ListIncidents(ctx, Filter{Query: "kramatorsk overnight"}); err != nil || len(pg.Incidents) != 1 {
		t.Errorf("search: %d incidents, %v", len(pg.Incidents), err)
	}
	if docs, _, err := s.ListDocuments(ctx, DocumentFilter{Query: "\x00kramatorsk"}); err != nil || len(docs) != 1 {
		t.Errorf("document search: %d, %v", len(docs), err)
	}
}
