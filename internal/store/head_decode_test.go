package store

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"sitrep/internal/event"
)

// checkHead compares decodeHead with decodeHeadJSON (json.Unmarshal) on b: the same head, or the same error. It
// reports whether the strict reader read b itself.
func checkHead(t *testing.T, name string, b []byte) (fast bool) {
	t.Helper()
	want, wantErr := decodeHeadJSON(b)
	var inc event.Incident
	fast = unmarshalHead(b, &inc)
	if fast && wantErr != nil {
		t.Fatalf("%s: the strict reader reads a body json.Unmarshal refuses (%v)\n%s", name, wantErr, b)
	}
	got, gotErr := decodeHead(b)
	if (gotErr != nil) != (wantErr != nil) || gotErr != nil && gotErr.Error() != wantErr.Error() {
		t.Fatalf("%s: error %v, json.Unmarshal's %v\n%s", name, gotErr, wantErr, b)
	}
	if wantErr == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("%s:\n got %+v\nwant %+v\n%s", name, got, want, b)
	}
	if fast && !reflect.DeepEqual(inc, want) {
		t.Fatalf("%s: strict reader\n got %+v\nwant %+v\n%s", name, inc, want, b)
	}
	return fast
}

// alterHead is a copy of b altered where the head reader reads or skips: a head key in other case (which
// json.Unmarshal matches to its field), an unknown or repeated key at a level the head has fields, a null or a
// number where json.Marshal writes a string or an object, an escape in a skipped value.
func alterHead(rng *rand.Rand, b []byte) []byte {
	edits := [][2]string{
		{`"reports":`, `"Reports":`}, {`"document_id":`, `"Document_ID":`}, {`"event":`, `"EVENT":`},
		{`"event":{"id":`, `"event":{"ID":`}, {`"created":`, `"Created":`}, {`"sub_event_type":`, `"SUB_event_type":`},
		{`"summary":`, `"summarx":`}, {`"url":`, `"uri":`}, {`"event":{"id":`, `"event":{"x":1,"id":`},
		{`"event":{"id":`, `"event":{"Id":"shadow","id":`}, {`"event":{"id":`, `"event":{"id":"a","id":`},
		{`"event":`, `"event":null,"event":`}, {`"event":`, `"event":"x","event":`}, {`"event":{`, `"event":7,"x":{`},
		{`"reports":[`, `"reports":null,"reports":[`}, {`"reports":[`, `"reports":[1,`}, {`"reports":[{`, `"reports":[null,{`},
		{`"published":null`, `"published":7`}, {`"published":null`, `"published":"\u00e9\ud800\/"`},
		{`"published":null`, `"published":"\x"`}, {`"published":null`, `"published":[[[[{"a":[true,false,null,-0.5e+3]}]]]]`},
		{`"published":null`, `"published":01`}, {`"published":null`, `"published":nul`}, {`"published":null`, `"published":[1,]`},
		{`"summary":"`, `"summary":"` + "\x01"}, {`"summary":"`, `"summary":"` + "\xff\xfe"}, {`"id":"`, `"id":"` + "\xff"},
		{`"id":"`, `"id":"\ud83d`}, {`"id":"`, `"id":5,"x":"`}, {`"id":"`, `"id":null,"y":"`}, {`"created":"`, `"created":"x`},
		{`"fatalities":`, `"fatalities":{"low":1e400},"merges":`}, {`"updated":"`, `"updated":1,"z":"`},
		{`"event_type":"`, `"event_type":"\u0041\n`}, {`"id":"`, `"id":"\u00e9\ud83d\ude00`},
	}
	out := bytes.Clone(b)
	for range 1 + rng.IntN(2) {
		e := edits[rng.IntN(len(edits))]
		if n := bytes.Count(out, []byte(e[0])); n > 0 {
			k := rng.IntN(n)
			i := 0
			for range k + 1 {
				j := bytes.Index(out[i:], []byte(e[0]))
				i += j + 1
			}
			i--
			out = append(out[:i], append([]byte(e[1]), out[i+len(e[0]):]...)...)
		}
	}
	return out
}

// bulkBody is a body as internal/api's bulk bench writes it: json_set over a body with {"id"} references, with
// the place's numbers as SQLite writes them.
var bulkBody = []byte(`{"id":"bulk-491999","event_type":"Strategic developments","sub_event_type":` +
	`"Looting/property destruction","summary":"Looting/property destruction in farm 7687","date":{"start":` +
	`"2023-07-01","end":"2023-07-01","precision":"day"},"location":{"name":"farm 7687","geonameid":null,"lat":` +
	`25.053,"lon":76.888,"country":"PK","admin1":"PK Province","precision":"exact"},"actors":[{"role":"actor1",` +
	`"name":"Group 154","kind":"state_forces","attribution":"stated"}],"fatalities":{"low":0,"best":0,"high":0},` +
	`"created":"2026-12-06T05:19:45.212006546Z","updated":"2026-12-06T05:19:45.212006546Z","reports":[{` +
	`"document_id":"doc-555049ea258c4e45","url":"https://bench.example/report/39","publisher":"Bench Wire",` +
	`"published":null,"added":"2026-12-06T05:19:45.212006546Z","event":{"id":"https://bench.example/report/39#9"}}]}`)

// TestDecodeHeadMatchesUnmarshal checks that decodeHead reads what json.Unmarshal into candidateHead reads (the
// head, or the error): on the demo corpus's incident written the three ways of refChoices and with its events
// whole, on randomly filled incidents, on bodies as SQLite's json_set rewrites them (the bench stores of
// internal/api), and on altered copies of each, most of which the strict reader leaves to json.Unmarshal.
func TestDecodeHeadMatchesUnmarshal(t *testing.T) {
	var fast, checked int
	check := func(name string, b []byte) bool {
		t.Helper()
		checked++
		ok := checkHead(t, name, b)
		if ok {
			fast++
		}
		return ok
	}
	rng := rand.New(rand.NewPCG(7, 8))
	now := time.Date(2026, 12, 6, 7, 8, 9, 123456789, time.UTC)
	inc := demoIncident(demoEvents(t), now)
	whole, err := json.Marshal(inc)
	if err != nil {
		t.Fatal(err)
	}
	bodies := [][]byte{whole}
	for _, ref := range refChoices {
		s, err := marshalBody(&inc, ref)
		if err != nil {
			t.Fatal(err)
		}
		bodies = append(bodies, []byte(s))
	}
	bodies = append(bodies, bulkBody)
	for i, b := range bodies {
		if !check("demo body", b) {
			t.Fatalf("body %d: the strict reader leaves it to json.Unmarshal\n%.300s", i, b)
		}
		for range 100 {
			check("demo body altered", alterJSON(rng, b))
			check("demo body, head altered", alterHead(rng, b))
		}
	}
	for _, b := range [][]byte{[]byte(`{}`), []byte(`{"reports":null}`), []byte(`{"reports":[]}`),
		[]byte(`{"reports":[{}]}`), []byte(`{"reports":[{"event":{}}]}`), []byte(`{"reports":[{"event":"e"}]}`)} {
		if !check("small body", b) {
			t.Fatalf("the strict reader leaves %s to json.Unmarshal", b)
		}
	}
	for _, b := range []string{``, `null`, `[]`, `{`, `{"id":"a"} `, ` {"id":"a"}`, `{"id":"a"}x`, `{"reports":{}}`,
		`{"reports":[{"event":[]}]}`, `{"date":"x"}`, `{"location":[]}`, `{"actors":{}}`, `{"id":"a",}`,
		`{"summary":` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `}`,
		`{"summary":` + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + `}`} {
		check("odd body", []byte(b))
	}

	f := filler{rand.New(rand.NewPCG(11, 12))}
	randomFast, random := 0, 0
	for range 3000 {
		var inc event.Incident
		f.fill(reflect.ValueOf(&inc).Elem(), 0)
		refs := map[*event.Report]bool{}
		for i := range inc.Reports {
			refs[&inc.Reports[i]] = f.rng.IntN(2) == 0
		}
		s, err := marshalBody(&inc, func(r *event.Report) bool { return refs[r] })
		if err != nil {
			continue
		}
		random++
		if check("random body", []byte(s)) {
			randomFast++
		}
		check("random body altered", alterJSON(rng, []byte(s)))
		check("random body, head altered", alterHead(rng, []byte(s)))
	}
	t.Logf("%d of %d bodies read without json.Unmarshal (random ones: %d of %d)", fast, checked, randomFast, random)
	if randomFast < random/2 {
		t.Fatalf("only %d of %d random bodies read without json.Unmarshal", randomFast, random)
	}
}

// FuzzDecodeHead checks that a body the strict head reader reads is one json.Unmarshal reads the same, and that
// decodeHead answers as json.Unmarshal on any input.
func FuzzDecodeHead(f *testing.F) {
	e1 := richEvent("e1", "Armed clash", 10, "Gao", 16.27, -0.04, 5, "Military Forces of Mali")
	e2 := ev("e2", "Armed clash", 11, "Gao", 16.27, -0.04, "ML", 7, "Military Forces of Mali")
	inc := event.Incident{ID: "inc-1", EventType: e1.EventType, SubEventType: e1.SubEventType, Date: e1.Date,
		Location: e1.Location, Actors: e1.Actors, Summary: "Clash <near> Gao \u2028",
		Reports: []event.Report{{DocumentID: "d1", Event: e1}, {DocumentID: "d2", Event: e2}}}
	whole, _ := json.Marshal(inc)
	f.Add(whole)
	for _, ref := range refChoices {
		s, err := marshalBody(&inc, ref)
		if err != nil {
			f.Fatal(err)
		}
		f.Add([]byte(s))
	}
	f.Add([]byte(`{"reports":[{"event":"e","document_id":"d"}],"id":"\u00e9\ud83d\ude00"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		checkHead(t, "fuzz", b)
	})
}

// BenchmarkDecodeHead decodes a candidate's head by decodeHead and by json.Unmarshal (decodeHeadJSON): a body of
// the million-incident bench store, and one of two reports with string references and with whole events.
func BenchmarkDecodeHead(b *testing.B) {
	e1 := richEvent("e1", "Armed clash", 10, "Gao", 16.27, -0.04, 5, "Military Forces of Mali")
	e2 := ev("e2", "Armed clash", 11, "Gao", 16.27, -0.04, "ML", 7, "Military Forces of Mali")
	now := time.Date(2026, 12, 6, 7, 8, 9, 123456789, time.UTC)
	inc := event.Incident{ID: "inc-1", EventType: e1.EventType, SubEventType: e1.SubEventType, Date: e1.Date,
		Location: e1.Location, Actors: e1.Actors, Summary: "Armed clash in Gao", Created: now, Updated: now,
		Reports: []event.Report{{DocumentID: "d1", URL: "https://a.example/1", Event: e1, Added: now},
			{DocumentID: "d2", URL: "https://a.example/2", Event: e2, Added: now}}}
	refs, err := marshalBody(&inc, refChoices[0])
	if err != nil {
		b.Fatal(err)
	}
	whole, err := marshalBody(&inc, refChoices[1])
	if err != nil {
		b.Fatal(err)
	}
	for _, body := range []struct {
		name string
		b    []byte
	}{{"bulk", bulkBody}, {"refs", []byte(refs)}, {"whole", []byte(whole)}} {
		for _, dec := range []struct {
			name string
			f    func([]byte) (event.Incident, error)
		}{{"strict", decodeHead}, {"json", decodeHeadJSON}} {
			b.Run(body.name+"/"+dec.name, func(b *testing.B) {
				b.SetBytes(int64(len(body.b)))
				b.ReportAllocs()
				for b.Loop() {
					if _, err := dec.f(body.b); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
