package eval

import (
	"errors"
	"strings"
	"testing"

	"sitrep/internal/event"
)

func TestEntityScorer(t *testing.T) {
	doc := Re3dDoc{ID: "r1", Text: strings.Repeat("x", 60), Entities: []Re3dEntity{
		{Start: 0, End: 5, Type: "Person"},
		{Start: 10, End: 20, Type: "Organisation"},
		{Start: 14, End: 20, Type: "Organisation"}, // nested in the one before
		{Start: 25, End: 30, Type: "Location"},
		{Start: 35, End: 40, Type: "Temporal"}, // not scored
		{Start: 45, End: 50, Type: "MilitaryPlatform"},
	}}
	sp := func(a, b int) event.Span { return event.Span{Start: a, End: b} }
	pred := []event.Entity{
		{Kind: "person", Mentions: []event.Span{sp(0, 5)}},
		{Kind: "person", Mentions: []event.Span{sp(0, 5)}}, // the same mention twice counts once
		{Kind: "group", Mentions: []event.Span{sp(14, 20)}},
		{Kind: "place", Mentions: []event.Span{sp(24, 30), sp(35, 40)}},
	}
	s := NewEntityScorer()
	s.Add(doc, pred)
	r := s.Report()
	want := map[string][2]PRF{ // overlap, exact
		"person":       {{TP: 1}, {TP: 1}},
		"organization": {{TP: 1, FN: 1}, {TP: 1, FN: 1}},
		"place":        {{TP: 1, FP: 1}, {FP: 2, FN: 1}},
		"weapon":       {{FN: 1}, {FN: 1}},
	}
	for _, c := range r.Classes {
		if w := want[c.Class]; c.Overlap.PRF != w[0] || c.Exact.PRF != w[1] {
			t.Errorf("%s: overlap %+v exact %+v, want %+v %+v", c.Class, c.Overlap.PRF, c.Exact.PRF, w[0], w[1])
		}
	}
	// micro overlap: tp 3 fp 1 fn 2 -> P .75 R .6 F1 .6667; exact: tp 2 fp 2 fn 3 -> P .5 R .4 F1 .4444
	if !near(r.MicroOverlap.F1, 2.0/3, 1e-4) || !near(r.MicroOverlap.P, 0.75, 1e-9) || !near(r.MicroExact.F1, 0.4444, 1e-4) {
		t.Errorf("micro overlap %+v exact %+v", r.MicroOverlap, r.MicroExact)
	}
	var b strings.Builder
	if err := r.WriteText(&b); err != nil || !strings.Contains(b.String(), "micro") {
		t.Errorf("text report:\n%s", b.String())
	}
}

func TestEntityScorerEmpty(t *testing.T) {
	s := NewEntityScorer()
	s.Add(Re3dDoc{Text: "nothing"}, nil)
	if r := s.Report(); r.MicroOverlap.PRF != (PRF{}) || r.MicroOverlap.F1 != 0 || r.Docs != 1 {
		t.Errorf("empty: %+v", r)
	}
}

func TestRe3dReader(t *testing.T) {
	in := `{"id":"a","text":"ISIL fought.","entities":[{"start":0,"end":4,"text":"ISIL","type":"Organisation"}]}
{"id":"b","text":"x","entities":[{"start":-1,"end":0,"text":"","type":"Person"}]}
`
	r := NewRe3dReader(strings.NewReader(in), "re3d.jsonl")
	if d, err := r.Next(); err != nil || d.ID != "a" || len(d.Entities) != 1 {
		t.Fatalf("first: %+v, %v", d, err)
	}
	_, err := r.Next()
	var le *LineError
	if !errors.As(err, &le) || le.Line != 2 || !strings.HasPrefix(err.Error(), "re3d.jsonl:2: ") {
		t.Fatalf("second: want a malformed-line error on line 2, got %v", err)
	}
}
