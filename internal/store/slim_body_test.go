package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"testing"

	"sitrep/internal/event"
)

// richEvent is an event with every field set, text JSON escapes or replaces (HTML characters, invalid UTF-8, a
// NUL), spans, and empty lists that are not null: what a stored event must give back byte for byte.
func richEvent(id, sub string, day int, place string, lat, lon float64, dead int, actor string) event.Event {
	e := ev(id, sub, day, place, lat, lon, "ML", dead, actor)
	span := func(s string) *event.Span { return &event.Span{Start: 3, End: 3 + len(s), Text: s} }
	gid, hurt := int64(2457163), 3
	e.Summary = "<b>" + sub + "</b> & more near " + place + " \xff\xfe\x00 ‘quoted’ 🙂"
	e.Date.Span = span("on Tuesday")
	e.Location.GeonameID, e.Location.Span = &gid, span(place)
	e.Actors[0].Span = span(actor)
	e.Actors = append(e.Actors, event.Actor{Role: event.RoleActor2, Name: "Civilians (Mali)", Kind: event.KindCivilians,
		Attribution: event.AttrAlleged})
	e.Injuries = &event.Count{Best: &hurt, Qualifier: "at least", Span: span("three wounded")}
	e.Weapons = []event.Thing{{Name: "mortar", Span: span("mortar shells")}}
	e.Targets = []event.Thing{}
	e.Claims = []event.Claim{{Claimant: event.Claimant{Name: "army spokesman"}, Stance: event.StanceAsserts,
		About: "actor1", Span: *span("the army said")}}
	e.Sources = []string{"army spokesman", "residents"}
	e.Evidence = []event.Span{*span("clashes broke out"), *span(place)}
	e.Confidence = 0.8125
	e.Explain = []event.Reason{{Field: "sub_event_type", Value: sub, Rule: "verb", Entry: "clash", Span: span("clashed")}}
	return e
}

// slimStep is one write of TestSlimBodiesReadAsWhole: a document with its events, or a split.
type slimStep struct {
	name   string
	url    string
	dupOf  string // url of the document this one copies
	events []event.Event
	// split, when set, splits the reports of the document at this url out of the incident holding them.
	split string
}

// TestSlimBodiesReadAsWhole writes the same incidents through the real write paths (a new incident, merges, a
// syndicated copy, a document of two events, a split and merges after it) into two stores, and after each step
// rewrites every body of the second store whole, as sitrep wrote them before bodies held event references. Every
// reader must return the same JSON from both; the first store's bodies, made whole, must be the second's; the
// merges into the second store's whole bodies must give the same incidents; and the bodies written hold their
// events as references, except the event whose id is not valid UTF-8.
func TestSlimBodiesReadAsWhole(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) { testSlimBodiesReadAsWhole(t, openAt(t, b.fresh(t)), openAt(t, b.fresh(t))) })
	}
}

func testSlimBodiesReadAsWhole(t *testing.T, slim, whole *sqlStore) {
	ctx := context.Background()
	const clash, army = "Armed clash", "Military Forces of Mali"
	steps := []slimStep{
		{name: "new incident", url: "https://ml.example/1", events: []event.Event{richEvent("e1", clash, 10, "Gao", 16.27, -0.04, 5, army)}},
		{name: "merged", url: "https://ml.example/2", events: []event.Event{richEvent("e1", clash, 10, "Gao", 16.28, -0.05, 7, army)}},
		{name: "syndicated copy", url: "https://copy.example/2", dupOf: "https://ml.example/2",
			events: []event.Event{richEvent("e1", clash, 10, "Gao", 16.28, -0.05, 7, army)}},
		{name: "two events, one merged", url: "https://ml.example/3", events: []event.Event{
			richEvent("e1", clash, 11, "Gao", 16.26, -0.03, 9, army),
			richEvent("e2", "Peaceful protest", 12, "Kidal", 18.44, 1.41, -1, "Protesters (Mali)")}},
		{name: "event id not valid UTF-8", url: "https://ml.example/4", events: []event.Event{
			richEvent("e\xff\xfe1", "Peaceful protest", 12, "Kidal", 18.45, 1.40, -1, "Protesters (Mali)")}},
		{name: "split", split: "https://ml.example/2"},
		{name: "merged after the split", url: "https://ml.example/5", events: []event.Event{richEvent("e1", clash, 10, "Gao", 16.28, -0.05, 7, army)}},
		{name: "merged into the whole body", url: "https://ml.example/6", events: []event.Event{
			richEvent("e1", "Peaceful protest", 12, "Kidal", 18.44, 1.41, -1, "Protesters (Mali)")}},
	}
	ids := map[string]string{} // url -> document id
	for _, st := range steps {
		for _, s := range []*sqlStore{slim, whole} {
			if st.split != "" {
				id := incidentOf(t, s, ids[st.split])
				if _, err := s.SplitIncident(ctx, id, ids[st.split]); err != nil {
					t.Fatalf("%s: %v", st.name, err)
				}
				continue
			}
			d := doc(st.url, st.name+" "+st.url)
			d.DuplicateOf = ids[st.dupOf]
			ing, err := s.PutResult(ctx, d, st.events)
			if err != nil {
				t.Fatalf("%s: %v", st.name, err)
			}
			ids[st.url] = ing.Put.ID
		}
		got, want := wholeBodies(t, slim, false), wholeBodies(t, whole, false)
		for id, w := range want {
			if g := got[id]; g != w {
				t.Errorf("%s: incident %s, its body made whole: %s", st.name, id, firstDiff(g, w))
			}
		}
		if len(got) != len(want) {
			t.Errorf("%s: %d incidents, want %d", st.name, len(got), len(want))
		}
		// The slim store's bodies hold every event as a reference but the one whose id is not valid UTF-8.
		checkReferences(t, slim, st.name)
		wholeBodies(t, whole, true)
		checkReaders(t, st.name, slim, whole)
	}
}

// incidentOf is the id of the incident holding the report of document docID.
func incidentOf(t *testing.T, s *sqlStore, docID string) string {
	t.Helper()
	var id string
	err := s.db.QueryRow(s.d.rebind(`SELECT i.id FROM incidents i JOIN incident_reports r ON r.incident_rid = i.rid
		JOIN events e ON e.id = r.event_id WHERE e.document_id = ?`), docID).Scan(&id)
	if err != nil {
		t.Fatalf("incident of %s: %v", docID, err)
	}
	return id
}

// wholeBodies returns every incident body, by id, with the event references put back from the events table
// (found by their JSON: an event object of one key), as the whole body json.Marshal of the incident writes; with
// write it stores them so.
func wholeBodies(t *testing.T, s *sqlStore, write bool) map[string]string {
	t.Helper()
	rows, err := s.db.Query(`SELECT id, body FROM incidents ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	bodies := map[string]string{}
	for rows.Next() {
		var id, body string
		if err := rows.Scan(&id, &body); err != nil {
			t.Fatal(err)
		}
		bodies[id] = body
	}
	rows.Close()
	out := map[string]string{}
	for id, body := range bodies {
		inc, err := decodeBody([]byte(body))
		if err != nil {
			t.Fatal(err)
		}
		for i := range inc.Reports {
			if !isRef(&inc.Reports[i].Event) {
				continue
			}
			var ev string
			key := eventKey(inc.Reports[i].DocumentID, inc.Reports[i].Event.ID)
			if err := s.db.QueryRow(s.d.rebind(`SELECT body FROM events WHERE id = ?`), key).Scan(&ev); err != nil {
				t.Fatalf("incident %s: event %s: %v", id, key, err)
			}
			inc.Reports[i].Event = event.Event{}
			if err := json.Unmarshal([]byte(ev), &inc.Reports[i].Event); err != nil {
				t.Fatal(err)
			}
		}
		b, err := json.Marshal(inc)
		if err != nil {
			t.Fatal(err)
		}
		out[id] = string(b)
		if write {
			if _, err := s.db.Exec(s.d.rebind(`UPDATE incidents SET body = ? WHERE id = ?`), string(b), id); err != nil {
				t.Fatal(err)
			}
		}
	}
	return out
}

// firstDiff shows where got first differs from want.
func firstDiff(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(i-80, 0)
	return fmt.Sprintf("at byte %d: ...%s\nwant ...%s", i, got[from:min(i+80, len(got))], want[from:min(i+80, len(want))])
}

// checkReferences checks that every report event of s's bodies is a reference (its id, a string), but those whose id
// is not valid UTF-8, which are whole.
func checkReferences(t *testing.T, s *sqlStore, step string) {
	t.Helper()
	rows, err := s.db.Query(`SELECT id, body FROM incidents`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, body string
		if err := rows.Scan(&id, &body); err != nil {
			t.Fatal(err)
		}
		for _, r := range rawReports(t, body) {
			var evID string
			got := true // whole: an object
			if err := json.Unmarshal(r.Event, &evID); err == nil {
				got = false // a reference: a string
			} else {
				var whole struct {
					ID string `json:"id"`
				}
				if err := json.Unmarshal(r.Event, &whole); err != nil {
					t.Fatal(err)
				}
				evID = whole.ID
			}
			whole := evID == "e\uFFFD\uFFFD1"
			if got != whole {
				t.Errorf("%s: incident %s: report %s/%q has its event whole %v, want %v", step, id, r.DocumentID, evID,
					got, whole)
			}
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
}

// readerOutputs is the JSON every incident reader returns from s: GetIncident of each incident, ListIncidents
// pages (whole, of one incident, and filtered), the incidents All streams, and the change made by a split
// (which reads and writes an incident whole) undone in a transaction that is rolled back.
func readerOutputs(t *testing.T, s *sqlStore) map[string]string {
	t.Helper()
	ctx := context.Background()
	out := map[string]string{}
	put := func(k string, v any, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		out[k] = string(b)
	}
	var ids []string
	for _, l := range []struct {
		name string
		f    Filter
	}{{"all", Filter{}}, {"one a page", Filter{Limit: 1}}, {"clashes", Filter{Country: "ML", SubEventType: "Armed clash"}},
		{"text", Filter{Query: "Gao"}}, {"box", Filter{BBox: &BBox{MinLat: 16, MaxLat: 17, MinLon: -1, MaxLon: 0}}}} {
		f := l.f
		for n := 0; ; n++ {
			p, err := s.ListIncidents(ctx, f)
			put(fmt.Sprintf("list %s page %d", l.name, n), p, err)
			if l.name == "all" {
				for _, inc := range p.Incidents {
					ids = append(ids, inc.ID)
				}
			}
			if p.Next == "" {
				break
			}
			f.Cursor = p.Next
		}
	}
	var all []event.Incident
	for inc, err := range All(ctx, s, Filter{}) {
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, inc)
	}
	put("all", all, nil)
	for _, id := range ids {
		d, err := s.GetIncident(ctx, id)
		put("get "+id, d, err)
	}
	return out
}

// checkReaders checks that every reader returns the same JSON from both stores.
func checkReaders(t *testing.T, step string, slim, whole *sqlStore) {
	t.Helper()
	got, want := readerOutputs(t, slim), readerOutputs(t, whole)
	for k, w := range want {
		if g := got[k]; g != w {
			t.Errorf("%s: %s: %s", step, k, firstDiff(g, w))
		}
	}
	if len(got) != len(want) {
		t.Errorf("%s: %d reader outputs, want %d", step, len(got), len(want))
	}
}

// TestWholeBodiesRead: a store whose incident bodies hold every event whole (as sitrep wrote them before event
// references) reads as it did: every reader returns the body as stored, after the store is reopened; a merge
// into such an incident stores the reports whose events the events table holds as they are as references, and
// keeps whole a report whose stored event differs from the events table's (here: one rewritten there).
func TestWholeBodiesRead(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) { testWholeBodiesRead(t, b.fresh(t)) })
	}
}

func testWholeBodiesRead(t *testing.T, dsn string) {
	ctx := context.Background()
	const clash, army = "Armed clash", "Military Forces of Mali"
	s := openAt(t, dsn)
	var docs []string
	for i, e := range []event.Event{
		richEvent("e1", clash, 10, "Gao", 16.27, -0.04, 5, army),
		richEvent("e1", clash, 10, "Gao", 16.28, -0.05, 7, army),
		richEvent("e1", "Peaceful protest", 12, "Kidal", 18.44, 1.41, -1, "Protesters (Mali)"),
	} {
		ing, err := s.PutResult(ctx, doc(fmt.Sprintf("https://ml.example/%d", i), fmt.Sprint("report ", i)), []event.Event{e})
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, ing.Put.ID)
	}
	before := readerOutputs(t, s)
	bodies := wholeBodies(t, s, true)
	// The first report's event as the events table holds it differs from the incident's: it stays whole.
	key := eventKey(docs[0], "e1")
	if _, err := s.db.Exec(s.d.rebind(`UPDATE events SET body = ? WHERE id = ?`), `{"id":"e1","summary":"other"}`, key); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = openAt(t, dsn)
	after := readerOutputs(t, s)
	for k, w := range before {
		if g := after[k]; g != w {
			t.Errorf("whole bodies: %s: %s", k, firstDiff(g, w))
		}
	}
	for id, body := range bodies {
		d, err := s.GetIncident(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := json.Marshal(d.Incident); err != nil || !bytes.Equal(got, []byte(body)) {
			t.Errorf("incident %s:\n%s\nwant the stored body\n%s (%v)", id, got, body, err)
		}
	}
	ing, err := s.PutResult(ctx, doc("https://ml.example/merge", "report merged"),
		[]event.Event{richEvent("e1", clash, 10, "Gao", 16.27, -0.04, 6, army)})
	if err != nil || ing.Merged != 1 {
		t.Fatalf("merge: %+v %v", ing, err)
	}
	id := ing.Changes[0].IncidentID
	var body string
	if err := s.db.QueryRow(s.d.rebind(`SELECT body FROM incidents WHERE id = ?`), id).Scan(&body); err != nil {
		t.Fatal(err)
	}
	reports := rawReports(t, body)
	if len(reports) != 3 {
		t.Fatalf("merged incident has %d reports, want 3", len(reports))
	}
	for i, r := range reports {
		if whole := r.Event[0] == '{'; whole != (r.DocumentID == docs[0]) {
			t.Errorf("report %d of %s: event whole %v, want %v", i, r.DocumentID, whole, !whole)
		}
	}
	d, err := s.GetIncident(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Incident.Reports[0].Event.Summary; got == "other" || d.Incident.Reports[0].Event.Date == nil {
		t.Errorf("the report kept whole reads %q from the events table", got)
	}
}

// TestMissingEventReference: a body's event reference that the events table does not hold reads as it is (an
// event of an id only), and is not an error.
func TestMissingEventReference(t *testing.T) {
	eachBackend(t, func(t *testing.T, s *sqlStore) {
		ctx := context.Background()
		ing, err := s.PutResult(ctx, doc("https://ml.example/1", "report"),
			[]event.Event{richEvent("e1", "Armed clash", 10, "Gao", 16.27, -0.04, 5, "Military Forces of Mali")})
		if err != nil {
			t.Fatal(err)
		}
		id := ing.Changes[0].IncidentID
		var body string
		if err := s.db.QueryRow(s.d.rebind(`SELECT body FROM incidents WHERE id = ?`), id).Scan(&body); err != nil {
			t.Fatal(err)
		}
		body = string(bytes.Replace([]byte(body), []byte(`"event":"e1"`), []byte(`"event":"e9"`), 1))
		if _, err := s.db.Exec(s.d.rebind(`UPDATE incidents SET body = ? WHERE id = ?`), body, id); err != nil {
			t.Fatal(err)
		}
		d, err := s.GetIncident(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if got := d.Incident.Reports[0].Event; !isRef(&got) || got.ID != "e9" {
			t.Errorf("event %+v, want the reference as it is", got)
		}
	})
}

// TestHydrateQueries: hydrate reads the events of any number of incidents in one query per 512 of them.
func TestHydrateQueries(t *testing.T) {
	s := open(t)
	for _, tt := range []struct{ reports, queries int }{{0, 0}, {1, 1}, {3, 1}, {512, 1}, {513, 2}, {1100, 3}} {
		var incs []*event.Incident
		for i := range tt.reports {
			if i%10 == 0 {
				incs = append(incs, &event.Incident{})
			}
			inc := incs[len(incs)-1]
			inc.Reports = append(inc.Reports, event.Report{DocumentID: fmt.Sprint("d", i), Event: event.Event{ID: "e1"}})
		}
		queries := 0
		query := s.dbQuery(context.Background())
		if _, err := s.hydrate(func(q string, args ...any) (*sql.Rows, error) {
			queries++
			return query(q, args...)
		}, false, incs...); err != nil {
			t.Fatal(err)
		}
		if queries != tt.queries {
			t.Errorf("%d reports: %d queries, want %d", tt.reports, queries, tt.queries)
		}
	}
}

// rawReport is a report of a stored body with its event as stored: an object (whole) or a string (a reference).
type rawReport struct {
	DocumentID string          `json:"document_id"`
	Event      json.RawMessage `json:"event"`
}

// rawReports are the reports of a stored incident body.
func rawReports(t *testing.T, body string) []rawReport {
	t.Helper()
	var raw struct {
		Reports []rawReport `json:"reports"`
	}
	if err := json.Unmarshal([]byte(body), &raw); err != nil {
		t.Fatal(err)
	}
	return raw.Reports
}
