package store

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"sitrep/internal/event"
)

// TestDecodeJSONMatchesUnmarshal checks that unmarshalEvent and decodeBody read what json.Unmarshal reads (the
// event, the incident, or the error): on the demo corpus's events and incident bodies, on randomly filled ones,
// and on altered copies of them (bytes changed, inserted or dropped, keys in other case, repeated or unknown,
// whitespace), which the strict readers leave to json.Unmarshal.
func TestDecodeJSONMatchesUnmarshal(t *testing.T) {
	var fast, checked int
	checkEvent := func(name string, b []byte) {
		t.Helper()
		var want, got event.Event
		wantErr := json.Unmarshal(b, &want)
		if d := (jsonDec{b: b}); true {
			var ev event.Event
			d.event(&ev)
			if d.end() {
				fast++
			}
		}
		gotErr := unmarshalEvent(b, &got)
		checked++
		if (gotErr != nil) != (wantErr != nil) || gotErr != nil && gotErr.Error() != wantErr.Error() {
			t.Fatalf("%s: error %v, json.Unmarshal's %v\n%s", name, gotErr, wantErr, b)
		}
		if wantErr == nil && !reflect.DeepEqual(got, want) {
			t.Fatalf("%s:\n got %+v\nwant %+v\n%s", name, got, want, b)
		}
	}
	checkBody := func(name string, b []byte) {
		t.Helper()
		want, wantErr := decodeBodyJSON(b, hasStringRef(b))
		got, gotErr := decodeBody(b)
		checked++
		if (gotErr != nil) != (wantErr != nil) || gotErr != nil && gotErr.Error() != wantErr.Error() {
			t.Fatalf("%s: error %v, json.Unmarshal's %v\n%s", name, gotErr, wantErr, b)
		}
		if wantErr == nil && !reflect.DeepEqual(got, want) {
			t.Fatalf("%s:\n got %+v\nwant %+v\n%s", name, got, want, b)
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	alter := func(b []byte) []byte { return alterJSON(rng, b) }

	now := time.Date(2026, 12, 6, 7, 8, 9, 123456789, time.UTC)
	evs := demoEvents(t)
	for _, e := range evs {
		b, _ := json.Marshal(e.ev)
		checkEvent(e.doc.ID+"/"+e.ev.ID, b)
		for range 5 {
			checkEvent(e.doc.ID+"/"+e.ev.ID+" altered", alter(b))
		}
	}
	inc := demoIncident(evs, now)
	for _, ref := range refChoices {
		s, err := marshalBody(&inc, ref)
		if err != nil {
			t.Fatal(err)
		}
		b := []byte(s)
		checkBody("demo incident", b)
		var x event.Incident
		if !unmarshalBody(b, &x, hasStringRef(b)) {
			t.Fatalf("the strict reader leaves a demo incident body to json.Unmarshal")
		}
		for range 50 {
			checkBody("demo incident altered", alter(b))
		}
		whole, _ := json.Marshal(inc) // a body written before references
		checkBody("demo incident, events whole", whole)
		var y event.Incident
		if !unmarshalBody(whole, &y, hasStringRef(whole)) {
			t.Fatalf("the strict reader leaves a demo incident body with whole events to json.Unmarshal")
		}
	}

	f := filler{rand.New(rand.NewPCG(5, 6))}
	for range 3000 {
		var ev event.Event
		f.fill(reflect.ValueOf(&ev).Elem(), 0)
		if b, err := json.Marshal(ev); err == nil {
			checkEvent("random event", b)
			checkEvent("random event altered", alter(b))
		}
		var inc event.Incident
		f.fill(reflect.ValueOf(&inc).Elem(), 0)
		refs := map[*event.Report]bool{}
		for i := range inc.Reports {
			refs[&inc.Reports[i]] = f.rng.IntN(2) == 0
		}
		if s, err := marshalBody(&inc, func(r *event.Report) bool { return refs[r] }); err == nil {
			checkBody("random body", []byte(s))
			checkBody("random body altered", alter([]byte(s)))
		}
	}
	t.Logf("%d of %d events read without json.Unmarshal", fast, checked)
	if fast < checked/4 {
		t.Fatalf("only %d of %d events read without json.Unmarshal", fast, checked)
	}
}

// TestDecodeString checks str, which skips eight plain bytes at a time, against json.Unmarshal on JSON strings
// of every length up to 40 with escapes, control bytes, invalid UTF-8 and quotes at every position: it reads
// the same string, or leaves it to json.Unmarshal.
func TestDecodeString(t *testing.T) {
	pieces := []string{`a`, `a`, `a`, `Z`, ` `, `\"`, `\\`, `\n`, `\u003c`, `\u00e9`, `\ud83d\ude00`, `\ud83d`, `\/`,
		"\x01", "\x7f", "é", "\u2028", "\xff", "🙂", `\x`, `"`}
	rng := rand.New(rand.NewPCG(9, 10))
	for n := range 40 {
		for range 200 {
			b := []byte{'"'}
			for len(b) < n+1 {
				b = append(b, pieces[rng.IntN(len(pieces))]...)
			}
			b = append(b, '"')
			var want string
			wantErr := json.Unmarshal(b, &want)
			d := jsonDec{b: b}
			got := d.str()
			switch {
			case !d.end():
			case wantErr != nil:
				t.Fatalf("%s: read %q, json.Unmarshal fails: %v", b, got, wantErr)
			case got != want:
				t.Fatalf("%s: read %q, json.Unmarshal %q", b, got, want)
			}
		}
	}
}

// alterJSON is a copy of b altered in one of the ways the strict readers leave to json.Unmarshal, or that make it
// invalid: a byte changed, inserted or dropped, keys in other case, a key repeated, an unknown key, whitespace.
func alterJSON(rng *rand.Rand, b []byte) []byte {
	out := bytes.Clone(b)
	switch rng.IntN(7) {
	case 0: // a byte changed
		if len(out) > 0 {
			const set = "{}[]\",:0 -.eEtfn\\u\x01\xff"
			out[rng.IntN(len(out))] = set[rng.IntN(len(set))]
		}
	case 1: // a byte dropped
		if len(out) > 0 {
			i := rng.IntN(len(out))
			out = append(out[:i], out[i+1:]...)
		}
	case 2: // a byte inserted
		i := rng.IntN(len(out) + 1)
		const set = " \t\n{}[]\",:01-.e\\"
		out = append(out[:i], append([]byte{set[rng.IntN(len(set))]}, out[i:]...)...)
	case 3: // a key in other case
		for _, k := range []string{`"id":`, `"summary":`, `"start":`, `"name":`, `"reports":`, `"event":`} {
			if i := bytes.Index(out, []byte(k)); i >= 0 && rng.IntN(2) == 0 {
				out[i+1] -= 'a' - 'A'
			}
		}
	case 4: // a key repeated
		for _, k := range []string{`"id":"`, `"date":{`, `"lat":`, `"reasons":[`, `"low":`} {
			if i := bytes.Index(out, []byte(k)); i >= 0 {
				out = append(out[:i], append([]byte(k[:len(k)-1]+`null,`), out[i:]...)...)
				break
			}
		}
	case 5: // an unknown key
		if i := bytes.IndexByte(out, '{'); i >= 0 {
			out = append(out[:i+1], append([]byte(`"x":[1,{"y":null}],`), out[i+1:]...)...)
		}
	case 6: // whitespace after a comma or colon
		if i := bytes.IndexAny(out, ",:"); i >= 0 {
			out = append(out[:i+1], append([]byte(" "), out[i+1:]...)...)
		}
	}
	return out
}
