package store

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"sitrep/internal/event"
	"sitrep/internal/extract"
)

// offsetEvents are the events the default engine extracts from the demo corpus and, when ../shared is present,
// from the seed article, with their documents.
func offsetEvents(t *testing.T) []demoEvent {
	t.Helper()
	evs := demoEvents(t)
	seed, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "eval", "seed", "article.txt"))
	if err != nil {
		t.Logf("seed article not present: demo corpus only (%v)", err)
		return evs
	}
	eng, err := extract.Default(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	pub := event.NewDate(2026, 3, 1)
	d := event.Document{ID: "seed", URL: "https://seed.example/article", Publisher: "Seed", Published: &pub,
		Language: "en", Text: string(seed)}
	res, err := eng.ExtractEvents(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Events) == 0 {
		t.Fatal("no event in the seed article")
	}
	for _, ev := range res.Events {
		evs = append(evs, demoEvent{d, ev})
	}
	return evs
}

// TestEventBodyOffsets checks that an event body whose spans are written as offsets into the document's text
// (marshalEventIn) reads back (unmarshalEventIn) as the extractor's event, as a body with every text reads: on
// the demo corpus and the seed, and that such bodies are shorter.
func TestEventBodyOffsets(t *testing.T) {
	var whole, slim, spans, offsets int
	evs := offsetEvents(t)
	for _, e := range evs {
		text := clean(e.doc.Text)
		b, err := marshalEventIn(&e.ev, text)
		if err != nil {
			t.Fatal(err)
		}
		w, err := marshalEvent(&e.ev)
		if err != nil {
			t.Fatal(err)
		}
		var want, got event.Event
		if err := unmarshalEvent([]byte(w), &want); err != nil {
			t.Fatal(err)
		}
		if err := unmarshalEventIn([]byte(b), text, true, &got); err != nil {
			t.Fatalf("%s/%s: %v\n%s", e.doc.ID, e.ev.ID, err, b)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s/%s:\n got %+v\nwant %+v\n%s", e.doc.ID, e.ev.ID, got, want, b)
		}
		if j, _ := json.Marshal(got); string(j) != w {
			t.Fatalf("%s/%s: read back as\n%s\nnot\n%s", e.doc.ID, e.ev.ID, j, w)
		}
		whole, slim = whole+len(w), slim+len(b)
		spans += strings.Count(w, `"text":`)
		offsets += strings.Count(w, `"text":`) - strings.Count(b, `"text":`)
	}
	t.Logf("%d events: events.body %d bytes with every text, %d with offsets (%.0f%%); %d of %d spans as offsets",
		len(evs), whole, slim, 100*float64(slim)/float64(whole), offsets, spans)
	if offsets == 0 || slim >= whole {
		t.Fatalf("no span written as offsets")
	}
}

// TestEventBodyOffsetCases: a span is written as offsets only when its text is the document's at them, valid
// UTF-8; a body holding offsets begins with offsetsKey; every body reads back as the event.
func TestEventBodyOffsetCases(t *testing.T) {
	const text = "Gunmen attacked Gao on Tuesday, killing 5. Officials in Ségou said so."
	sp := func(start, end int, s string) *event.Span { return &event.Span{Start: start, End: end, Text: s} }
	at := func(s string) *event.Span {
		i := strings.Index(text, s)
		return sp(i, i+len(s), s)
	}
	seg := strings.Index(text, "Ségou")
	const escaped = `He said "<go> & stay"` + "\n\u2028\t"
	cases := []struct {
		name    string
		doc     string
		set     func(e *event.Event)
		offsets int // spans written as offsets
	}{
		{"every span in the text", text, func(e *event.Event) {
			e.Date.Span, e.Location.Span, e.Actors[0].Span = at("on Tuesday"), at("Gao"), at("Gunmen")
			e.Evidence = []event.Span{*at("Gunmen attacked Gao on Tuesday, killing 5."), *at("Officials in Ségou said so.")}
		}, 5},
		{"normalised text", text, func(e *event.Event) {
			e.Date.Span, e.Location.Span = sp(20, 30, "On Tuesday"), at("Gao")
		}, 1},
		{"offsets past the end", text, func(e *event.Event) { e.Location.Span = sp(60, 90, "Gao") }, 0},
		{"negative offsets", text, func(e *event.Event) { e.Location.Span = sp(-1, 2, "Gao") }, 0},
		{"reversed offsets", text, func(e *event.Event) { e.Location.Span = sp(19, 16, "") }, 0},
		{"empty span", text, func(e *event.Event) { e.Location.Span = sp(16, 16, "") }, 1},
		{"synthetic empty text", text, func(e *event.Event) { e.Location.Span = sp(16, 19, "") }, 0},
		{"a rune cut", text, func(e *event.Event) { e.Location.Span = sp(seg, seg+2, text[seg:seg+2]) }, 0},
		{"a rune cut at the start", text, func(e *event.Event) { e.Location.Span = sp(seg+2, seg+4, text[seg+2:seg+4]) }, 0},
		{"evidence partly in the text", text, func(e *event.Event) {
			e.Evidence = []event.Span{*at("Gunmen attacked Gao"), *sp(0, 6, "gunmen")}
		}, 1},
		{"empty evidence", text, func(e *event.Event) { e.Evidence = []event.Span{} }, 0},
		{"empty document", "", func(e *event.Event) { e.Location.Span = sp(0, 0, "") }, 0},
		{"text JSON escapes", escaped, func(e *event.Event) { e.Location.Span = sp(0, len(escaped), escaped) }, 1},
		{"claims, counts, things, reasons", text, func(e *event.Event) {
			five := 5
			e.Fatalities = &event.Count{Best: &five, Span: at("killing 5")}
			e.Injuries = &event.Count{Span: sp(0, 3, "two")}
			e.Weapons = []event.Thing{{Name: "gun", Span: at("Gunmen")}, {Name: "none"}}
			e.Claims = []event.Claim{{Claimant: event.Claimant{Name: "officials", Span: at("Officials")},
				Stance: event.StanceAsserts, Span: *at("Officials in Ségou said so.")}}
			e.Explain = []event.Reason{{Field: "f", Value: "v", Rule: "r", Span: at("attacked")}}
		}, 5},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := ev("e1", "Armed clash", 3, "Gao", 16.27, -0.04, "ML", -1, "Unidentified Armed Group (Mali)")
			c.set(&e)
			b, err := marshalEventIn(&e, c.doc)
			if err != nil {
				t.Fatal(err)
			}
			w, _ := marshalEvent(&e)
			if n := strings.Count(w, `"text":`) - strings.Count(b, `"text":`); n != c.offsets {
				t.Fatalf("%d spans as offsets, want %d:\n%s", n, c.offsets, b)
			}
			if strings.HasPrefix(b, offsetsKey) != (c.offsets > 0) {
				t.Fatalf("%d spans as offsets, and the body begins so:\n%s", c.offsets, b)
			}
			var got, want event.Event
			if err := unmarshalEvent([]byte(w), &want); err != nil {
				t.Fatal(err)
			}
			if err := unmarshalEventIn([]byte(b), c.doc, true, &got); err != nil {
				t.Fatalf("%v\n%s", err, b)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("read back as\n%+v\nnot\n%+v\n%s", got, want, b)
			}
			if c.offsets > 0 {
				if err := unmarshalEventIn([]byte(b), "", false, &got); err == nil {
					t.Fatalf("a body with offsets read without its document")
				}
			}
		})
	}
}

// TestEventBodyOffsetsRefused: offsets that do not fit the document, or outside a body that begins with
// offsetsKey, are an error, not a text; so is offsetsKey anywhere else or without the document.
func TestEventBodyOffsetsRefused(t *testing.T) {
	const doc = "In Ségou."
	body := func(head, span string) string {
		return head + `"id":"e1","event_type":"","sub_event_type":"","date":null,"location":{"name":"x",` +
			`"geonameid":null,"lat":0,"lon":0,"country":"","admin1":null,"precision":"","span":` + span +
			`},"actors":null,"fatalities":null,"injuries":null,"weapons":null,"targets":null,"claims":null,` +
			`"sources":null,"evidence":null,"confidence":0}`
	}
	var e event.Event
	if err := unmarshalEventIn([]byte(body(offsetsKey, `[3,9]`)), doc, true, &e); err != nil || e.Location.Span.Text != "Ségou" {
		t.Fatalf("a body with offsets read as %+v, %v", e.Location.Span, err)
	}
	cases := []struct {
		name, body string
		hasDoc     bool
	}{
		{"past the end", body(offsetsKey, `[0,11]`), true},
		{"negative", body(offsetsKey, `[-1,2]`), true},
		{"reversed", body(offsetsKey, `[3,2]`), true},
		{"a rune cut at the end", body(offsetsKey, `[4,5]`), true},
		{"a rune cut at the start", body(offsetsKey, `[5,6]`), true},
		{"one offset", body(offsetsKey, `[0]`), true},
		{"three offsets", body(offsetsKey, `[0,1,2]`), true},
		{"a fraction", body(offsetsKey, `[0,1.5]`), true},
		{"a space", body(offsetsKey, `[0, 1]`), true},
		{"a string", body(offsetsKey, `["0",1]`), true},
		{"empty", body(offsetsKey, `[]`), true},
		{"too large", body(offsetsKey, `[0,99999999999999999999]`), true},
		{"without the key", body("{", `[3,9]`), true},
		{"without the document", body(offsetsKey, `[3,9]`), false},
		{"the key not first", body(`{"id":"e0",`+offsetsKey[1:], `[3,9]`), true},
		{"the key twice", body(offsetsKey+offsetsKey[1:], `[3,9]`), true},
		{"another value", body(`{"spans":"text",`, `[3,9]`), true},
	}
	for _, c := range cases {
		var e event.Event
		if err := unmarshalEventIn([]byte(c.body), doc, c.hasDoc, &e); err == nil {
			t.Errorf("%s: read as %+v", c.name, e.Location.Span)
		}
	}
	if err := unmarshalEventIn([]byte(body(offsetsKey, `[3,9]`)), "", false, &e); !errors.Is(err, errNoDocText) {
		t.Errorf("a body with offsets read without its document: %v, not %v", err, errNoDocText)
	}
}

// TestStoredEventOffsets stores the demo corpus and the seed through PutResult on each backend: events.body
// holds offsets, every event reads back (hydrate, ListIncidents) as the extractor's, and a body rewritten with
// every text, as sitrep wrote it before offsets, reads the same.
func TestStoredEventOffsets(t *testing.T) {
	evs := offsetEvents(t)
	eachBackend(t, func(t *testing.T, s *sqlStore) {
		ctx := context.Background()
		want := map[string][]byte{} // event key -> the extractor's event's JSON
		type stored struct{ doc, id, key string }
		var order []stored
		for i := 0; i < len(evs); {
			d := evs[i].doc
			var batch []event.Event
			for ; i < len(evs) && evs[i].doc.URL == d.URL && evs[i].doc.Text == d.Text; i++ {
				batch = append(batch, evs[i].ev)
			}
			ing, err := s.PutResult(ctx, Document{Document: d, CanonicalURL: d.URL}, batch)
			if err != nil {
				t.Fatal(err)
			}
			if ing.Put.Duplicate {
				continue
			}
			for _, e := range batch {
				k := eventKey(ing.Put.ID, e.ID)
				want[k], _ = json.Marshal(e)
				order = append(order, stored{ing.Put.ID, e.ID, k})
			}
		}
		var withOffsets int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM events WHERE `+docTextCondition).Scan(&withOffsets); err != nil {
			t.Fatal(err)
		}
		if withOffsets == 0 {
			t.Fatalf("no events.body holds offsets")
		}
		check := func(stage string) {
			t.Helper()
			incs := make([]*event.Incident, len(order))
			for i, o := range order {
				incs[i] = &event.Incident{Reports: []event.Report{{DocumentID: o.doc, Event: event.Event{ID: o.id}}}}
			}
			if _, err := s.hydrate(s.dbQuery(ctx), false, incs...); err != nil {
				t.Fatal(err)
			}
			for i, o := range order {
				if got, _ := json.Marshal(incs[i].Reports[0].Event); !bytes.Equal(got, want[o.key]) {
					t.Fatalf("%s: event %s reads as\n%s\nnot\n%s", stage, o.key, got, want[o.key])
				}
			}
			seen := 0
			for f := (Filter{Limit: 500}); ; {
				p, err := s.ListIncidents(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				for _, inc := range p.Incidents {
					for _, r := range inc.Reports {
						k := eventKey(r.DocumentID, r.Event.ID)
						if got, _ := json.Marshal(r.Event); !bytes.Equal(got, want[k]) {
							t.Fatalf("%s: incident %s's event %s reads as\n%s\nnot\n%s", stage, inc.ID, k, got, want[k])
						}
						seen++
					}
				}
				if p.Next == "" {
					break
				}
				f.Cursor = p.Next
			}
			if seen != len(order) {
				t.Fatalf("%s: %d reports listed, %d events stored", stage, seen, len(order))
			}
		}
		check("offsets")
		for _, o := range order { // bodies as sitrep wrote them before offsets
			var e event.Event
			if err := json.Unmarshal(want[o.key], &e); err != nil {
				t.Fatal(err)
			}
			w, _ := marshalEvent(&e)
			if _, err := s.db.ExecContext(ctx, s.d.rebind(`UPDATE events SET body = ? WHERE id = ?`), w, o.key); err != nil {
				t.Fatal(err)
			}
		}
		check("every text")
	})
}

// FuzzUnmarshalEventIn: reading any body with any document text never panics, and what it reads is written
// back (marshalEventIn) as a body that reads the same.
func FuzzUnmarshalEventIn(f *testing.F) {
	const text = "Gunmen attacked Gao on Tuesday. Officials in Ségou said so."
	e := ev("e1", "Armed clash", 3, "Gao", 16.27, -0.04, "ML", 4, "Unidentified Armed Group (Mali)")
	e.Location.Span = &event.Span{Start: 16, End: 19, Text: "Gao"}
	e.Fatalities.Span = &event.Span{Start: 0, End: 3, Text: "four"}
	e.Evidence = []event.Span{{Start: 0, End: 31, Text: text[:31]}, {Start: 32, End: len(text), Text: text[32:]}}
	b, _ := marshalEventIn(&e, text)
	f.Add([]byte(b), text)
	f.Add([]byte(`{"id":"e1","evidence":[[0,2],[1,3]]}`), "abcd")
	f.Add([]byte(`{"id":"e1","location":{"name":"x","span":[0,2]}}`), "é")
	f.Fuzz(func(t *testing.T, b []byte, doc string) {
		var e event.Event
		if err := unmarshalEventIn(b, doc, true, &e); err != nil {
			return
		}
		w, err := marshalEventIn(&e, doc)
		if err != nil {
			return
		}
		var again event.Event
		if err := unmarshalEventIn([]byte(w), doc, true, &again); err != nil {
			t.Fatalf("%v\n%s", err, w)
		}
		if j1, j2 := mustJSON(t, e), mustJSON(t, again); !bytes.Equal(j1, j2) {
			t.Fatalf("read back as\n%s\nnot\n%s", j2, j1)
		}
	})
}

// TestReadDocTexts reads documents' texts by id (readEvents's second read) over several queries: those stored,
// each once, and none for an id no document has.
func TestReadDocTexts(t *testing.T) {
	eachBackend(t, func(t *testing.T, s *sqlStore) {
		ctx := context.Background()
		want := map[string]string{}
		var stored []string
		for i, text := range []string{"In Ségou, clashes.", "", "Shelling near Kharkiv."} {
			ing, err := s.PutResult(ctx, doc("https://texts.example/"+strconv.Itoa(i), text), nil)
			if err != nil {
				t.Fatal(err)
			}
			want[ing.Put.ID] = text
			stored = append(stored, ing.Put.ID)
		}
		for _, n := range []int{0, 1, 5, 512, 513, 1100} {
			ids := []string{stored[0]}
			for i := range n {
				ids = append(ids, "missing/"+strconv.Itoa(i))
			}
			ids = append(ids, stored[1:]...)
			got, err := s.readDocTexts(s.dbQuery(ctx), ids)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%d missing ids: read %q, want %q", n, got, want)
			}
		}
	})
}

// TestOffsetsRefusedByOlder checks that a store of this version holds a migration that a sitrep older than span
// offsets in events.body does not know (SQLite: 0022, PostgreSQL: 0013, the first of the release), so that such a
// sitrep refuses the store when it opens it instead of failing on an event later.
func TestOffsetsRefusedByOlder(t *testing.T) {
	first := map[string]string{"sqlite": "migrations/0022_", "postgres": "migrations/postgres/0013_"}
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			ctx := context.Background()
			s := openAt(t, b.fresh(t))
			names, err := fs.Glob(migrations, s.d.migrations())
			if err != nil {
				t.Fatal(err)
			}
			var older []string // the migrations of a sitrep older than span offsets
			for _, n := range names {
				if n < first[b.name] {
					older = append(older, n)
				}
			}
			if len(older) == len(names) {
				t.Fatalf("no migration from %s* on among %v", first[b.name], names)
			}
			tx, err := s.db.BeginTx(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer tx.Rollback()
			if err := refuseNewer(ctx, tx, s.d.migrations(), older); !errors.Is(err, ErrNewerStore) ||
				!strings.Contains(err.Error(), first[b.name]) {
				t.Fatalf("a sitrep knowing %d of %d migrations opens the store: %v", len(older), len(names), err)
			}
		})
	}
}
