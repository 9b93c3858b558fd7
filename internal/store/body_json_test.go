package store

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"sitrep/internal/event"
	"sitrep/internal/incident"
)

// filler sets every field of a value to random contents, by reflection, so that a field added to the event
// types is filled too and TestAppendJSONMatchesMarshal fails until the appenders write it.
type filler struct{ rng *rand.Rand }

// strings json.Marshal escapes or writes as they are: HTML characters, controls, invalid UTF-8, U+2028/9, the
// replacement character and multi-byte text.
var fillStrings = []string{"", "", "a", "Bamako", "e1", `<b>&"q"\`, "\n\t\r\b\f\x00\x01\x1f\x7f", "\u2028\u2029",
	"\xff", "a\xe2\x80", "\ufffd", "Liberté 中文 🙂", " ", "https://x.example/a?b=1&c=2"}

var fillFloats = []float64{0, 1, -8, 12.65, 0.9, -0.5, 1e-6, 9.99e-7, 1e-7, 1e20, 1e21, 1.5e300, 5e-324,
	math.MaxFloat64, 123456789.123456789, -1e-9, math.Copysign(0, -1)}

var fillZones = []*time.Location{time.UTC, time.FixedZone("", 3600), time.FixedZone("X", -5*3600-1800), time.Local}

func (f filler) fill(v reflect.Value, depth int) {
	switch v.Type() {
	case reflect.TypeFor[time.Time]():
		t := time.Date(f.rng.IntN(10000), time.Month(1+f.rng.IntN(12)), 1+f.rng.IntN(28), f.rng.IntN(24),
			f.rng.IntN(60), f.rng.IntN(60), []int{0, 0, 5e8, 123456789, 1}[f.rng.IntN(5)], time.UTC)
		v.Set(reflect.ValueOf(t.In(fillZones[f.rng.IntN(len(fillZones))])))
		return
	}
	switch v.Kind() {
	case reflect.String:
		s := fillStrings[f.rng.IntN(len(fillStrings))]
		if f.rng.IntN(3) == 0 {
			s += fillStrings[f.rng.IntN(len(fillStrings))]
		}
		v.SetString(s)
	case reflect.Int, reflect.Int64:
		v.SetInt([]int64{0, 1, -1, 42, 2460596, math.MaxInt64, math.MinInt64}[f.rng.IntN(7)])
	case reflect.Float64:
		x := fillFloats[f.rng.IntN(len(fillFloats))]
		if f.rng.IntN(3) == 0 {
			x = f.rng.NormFloat64() * math.Pow(10, float64(f.rng.IntN(40)-20))
		}
		v.SetFloat(x)
	case reflect.Bool:
		v.SetBool(f.rng.IntN(2) == 0)
	case reflect.Pointer:
		if depth > 6 || f.rng.IntN(4) == 0 {
			return
		}
		p := reflect.New(v.Type().Elem())
		f.fill(p.Elem(), depth+1)
		v.Set(p)
	case reflect.Slice:
		switch k := f.rng.IntN(6); {
		case depth > 6 || k == 0:
		case k == 1:
			v.Set(reflect.MakeSlice(v.Type(), 0, 0))
		default:
			s := reflect.MakeSlice(v.Type(), k-1, k-1)
			for i := range s.Len() {
				f.fill(s.Index(i), depth+1)
			}
			v.Set(s)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				f.fill(v.Field(i), depth+1)
			}
		}
	default:
		panic("filler: no case for " + v.Type().String())
	}
}

// TestAppendJSONMatchesMarshal checks that the write path's appenders write what json.Marshal writes: the
// demo corpus's events and incident bodies made of them, and thousands of randomly filled events, bodies and
// changes.
func TestAppendJSONMatchesMarshal(t *testing.T) {
	check := func(name string, got string, gotErr error, v any) {
		t.Helper()
		want, wantErr := json.Marshal(v)
		if (gotErr != nil) != (wantErr != nil) || gotErr != nil && gotErr.Error() != wantErr.Error() {
			t.Fatalf("%s: error %v, json.Marshal's %v", name, gotErr, wantErr)
		}
		if got != string(want) {
			t.Fatalf("%s:\n got %s\nwant %s", name, got, want)
		}
	}
	body := func(name string, inc *event.Incident, ref func(r *event.Report) bool) {
		t.Helper()
		got, err := marshalBody(inc, ref)
		check(name, got, err, newBodyIncident(inc, ref))
	}

	now := time.Date(2026, 12, 6, 7, 8, 9, 123456789, time.UTC)
	evs := demoEvents(t)
	for _, e := range evs {
		got, err := marshalEvent(&e.ev)
		check(e.doc.ID+"/"+e.ev.ID, got, err, e.ev)
	}
	if len(evs) < 50 {
		t.Fatalf("only %d events checked", len(evs))
	}
	inc := demoIncident(evs, now)
	for _, ref := range refChoices {
		body("demo incident", &inc, ref)
	}

	f := filler{rand.New(rand.NewPCG(1, 2))}
	for range 3000 {
		var ev event.Event
		f.fill(reflect.ValueOf(&ev).Elem(), 0)
		got, err := marshalEvent(&ev)
		check("random event", got, err, ev)

		var inc event.Incident
		f.fill(reflect.ValueOf(&inc).Elem(), 0)
		var ch incident.Change
		f.fill(reflect.ValueOf(&ch).Elem(), 0)
		got, err = marshalChange(&ch)
		check("random change", got, err, ch)

		refs := map[*event.Report]bool{}
		for i := range inc.Reports {
			refs[&inc.Reports[i]] = f.rng.IntN(2) == 0
		}
		body("random body", &inc, func(r *event.Report) bool { return refs[r] })
	}

	// Values json.Marshal refuses: its error.
	bad := event.Event{ID: "e1", Confidence: math.NaN()}
	got, err := marshalEvent(&bad)
	check("NaN", got, err, bad)
	ch := incident.Change{IncidentID: "i", At: time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC)}
	got, err = marshalChange(&ch)
	check("year -1", got, err, ch)
	body("year 10000", &event.Incident{ID: "i", Created: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)},
		func(*event.Report) bool { return false })
}

// TestAppendString checks str, which skips eight plain bytes at a time, against json.Marshal on strings of
// every length up to 40 with escaped and multi-byte characters at every position.
func TestAppendString(t *testing.T) {
	pieces := []string{"a", "a", "a", "Z", " ", "~", "\"", "\\", "<", ">", "&", "\x00", "\x1f", "\x7f", "\n", "é", "\u2028",
		"\u2029", "\xff", "\xe2\x80", "🙂", "\ufffd"}
	rng := rand.New(rand.NewPCG(7, 8))
	var e jsonBuf
	for n := range 40 {
		for range 200 {
			var s []byte
			for len(s) < n {
				s = append(s, pieces[rng.IntN(len(pieces))]...)
			}
			e.b = e.b[:0]
			e.str(string(s))
			want, _ := json.Marshal(string(s))
			if string(e.b) != string(want) {
				t.Fatalf("%q:\n got %s\nwant %s", s, e.b, want)
			}
		}
	}
}
