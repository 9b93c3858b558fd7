package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"

	"sitrep/internal/event"
)

// incidentTexts reads, for each incident id, the texts a full-text query matches it by, as the indexes hold
// them: each linked event's summary, and each of its documents' title and text (one text: FTS5 matches a row's
// columns together).
func incidentTexts(t *testing.T, s *sqlStore) map[string][]string {
	t.Helper()
	rows, err := s.db.Query(`SELECT i.id, e.summary, d.title || ' ' || d.text FROM incidents i
		JOIN incident_event_rows r ON r.incident_rid = i.rid JOIN events e ON e.rowid = r.event_rowid
		JOIN documents d ON d.rowid = r.document_rowid`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	texts := map[string][]string{}
	for rows.Next() {
		var id, summary, doc string
		if err := rows.Scan(&id, &summary, &doc); err != nil {
			t.Fatal(err)
		}
		texts[id] = append(texts[id], summary, doc)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return texts
}

// textHolds reports whether one text holds every word of q, as words (textWords).
func textHolds(text, q string) bool { return holdsWords(textWords(text), q) }

// textWords are the lower-case words of text, split at every character that is neither a letter nor a digit:
// the fixtures' texts are ASCII, whose words FTS5's default tokenizer splits so, and folds to lower case.
func textWords(text string) map[string]bool {
	words := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		words[w] = true
	}
	return words
}

// holdsWords reports whether words (textWords of a text) holds every word of q.
func holdsWords(words map[string]bool, q string) bool {
	for _, w := range strings.Fields(strings.ToLower(q)) {
		if !words[w] {
			return false
		}
	}
	return true
}

// TestChunkedTextWalk checks, on SQLite, that a text walk reading a chunk first (readPlan.chunk, the matches
// checked only among the chunk's events and documents) lists the incidents a brute-force filter selects: those
// the listing without the text lists, in its order, that have an event summary or a document holding every
// word. It pages through common, rare, combined and absent words under country, type, date and box filters,
// with chunks that fill the page, that do not (the walk goes on after them), and that cover every row left,
// and compares the pages' cursors and the markers with collecting's.
func TestChunkedTextWalk(t *testing.T) {
	s := open(t)
	seedFTS(t, s, 60, 5)
	ctx := context.Background()
	texts := incidentTexts(t, s)
	queries := []string{"checkpoint", "convoy", "zeppelin", "checkpoint convoy", "report checkpoint",
		"zeppelin field", "orchard", "nowhere"}
	filters := []Filter{{}, {Country: "SD"}, {EventType: "Battles"},
		{From: event.NewDate(2026, 2, 1), To: event.NewDate(2026, 2, 14)},
		{BBox: &BBox{MaxLat: 15, MaxLon: 15}}, {Country: "ML", BBox: &BBox{MinLat: 3, MinLon: 3, MaxLat: 20, MaxLon: 20}},
		{Country: "UA", EventType: "Protests", MinFatalities: 1}}
	plans := []readPlan{{walk: true, budget: 40, chunk: 1}, {walk: true, budget: 40, chunk: 7},
		{walk: true, budget: 400, chunk: 30}, {walk: true, budget: 1000, chunk: 999},
		{walk: true, budget: 3, chunk: 2}, {walk: true, box: true, budget: 40, chunk: 7},
		{walk: true, budget: 40, chunk: 7, scan: true}}
	matched := map[string]int{}
	for _, q := range queries {
		for k, base := range filters {
			for _, limit := range []int{4, 50} {
				if limit < 50 && k != 1 && k != 4 {
					continue // paging in small steps through a few filters is enough
				}
				name := fmt.Sprintf("%q/filter%d/limit%d", q, k, limit)
				f := base
				f.Limit = limit
				all, _ := pageThrough(t, s, f, readPlan{})
				var want []string
				for _, id := range all {
					if slices.ContainsFunc(texts[id], func(text string) bool { return textHolds(text, q) }) {
						want = append(want, id)
					}
				}
				f.Query = q
				_, wantCur := pageThrough(t, s, f, readPlan{})
				planned, err := s.planFor(ctx, f, limit+1)
				if err != nil {
					t.Fatal(err)
				}
				plansList(t, s, name, f, append(plans, planned), want, wantCur)
				matched[fmt.Sprint(q, k)] = len(want)
			}
			f := base
			f.Query = q
			sameMarkers(t, s, f, fmt.Sprintf("%q/filter%d", q, k), plans)
		}
	}
	// The comparison means something only if common words match many incidents and rare ones a few, under
	// the filters too, and an absent word none.
	if matched["checkpoint0"] < 100 || matched["zeppelin0"] == 0 || matched["zeppelin0"] > 40 ||
		matched["nowhere0"] != 0 || matched["checkpoint1"] == 0 || matched["checkpoint2"] == 0 ||
		matched["checkpoint4"] == 0 || matched["checkpoint convoy0"] == 0 {
		t.Errorf("unexpected match counts: %v", matched)
	}
}

// TestChunkFor checks the size of a text walk's first chunk from the estimates of a store of a million
// incidents (those of the bulk benchmark's q=checkpoint, alone and under country=SD), and that a chunk is left
// out where it would not pay or would read the whole budget.
func TestChunkFor(t *testing.T) {
	const incidents, perDoc, rows = 1000000, 10.0, 51
	tests := []struct {
		name      string
		h         textHits
		budget    int
		min, max_ int
	}{
		// 75,000 summaries and 17,500 documents match: about 250,000 incidents, a walk of about 204 rows.
		{"common word", textHits{events: 10100, under: 10100, docs: 1010, share: 1, allEvents: 75000,
			allDocs: 17500}, 7575, 350, 500},
		// Under a country of 5% of the store: 3,750 summaries and 8,750 documents' incidents under it.
		{"common word under a country", textHits{events: 75000, under: 3750, docs: 1010, share: 0.05,
			allEvents: 75000, allDocs: 17500}, 561, 350, 500},
		{"rare word", textHits{events: 2500, under: 2500, share: 0.05, allEvents: 2500}, 1667, 0, 0},
		{"chunk past the budget", textHits{events: 10100, under: 10100, docs: 1010, share: 1,
			allEvents: 75000, allDocs: 17500}, 300, 0, 0},
		{"no estimate", textHits{events: 10100, under: 10100, docs: 1010, share: 1}, 7575, 0, 0},
		{"no match", textHits{share: 1}, 7575, 0, 0},
	}
	for _, tt := range tests {
		got := chunkFor(tt.h, rows, incidents, perDoc, tt.budget)
		if got < tt.min || got > tt.max_ {
			t.Errorf("%s: chunk %d, want %d to %d", tt.name, got, tt.min, tt.max_)
		}
	}
}
