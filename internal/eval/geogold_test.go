package eval

import (
	"errors"
	"io"
	"strings"
	"testing"
)

const goodLine = `{"id":"a","text":"In Paris.","toponyms":[{"start":3,"end":8,"text":"Paris","type":"Literal","locational":true,"lat":48.85,"lon":2.35,"geonameid":2988507}]}`

func TestGeoReader(t *testing.T) {
	in := strings.Join([]string{
		goodLine,
		"",
		`{"id":"b","text":"x","toponyms":[{"start":0,"end":9,"text":"x"}]}`,
		`{"id":"c", oops`,
		`{"id":"d","text":"ab","toponyms":[{"start":0,"end":1,"text":"a","lat":1,"lon":null}]}`,
		`{"id":"e","text":"ab","toponyms":[{"start":0,"end":1,"text":"a","lat":91,"lon":0}]}`,
		`{"id":"f","text":"ab","toponyms":[]}`,
	}, "\n")
	r := NewGeoReader(strings.NewReader(in), "gold.jsonl")
	type step struct {
		id   string
		line int // >0: want a LineError on this line
	}
	want := []step{{id: "a"}, {line: 3}, {line: 4}, {line: 5}, {line: 6}, {id: "f"}}
	for _, w := range want {
		d, err := r.Next()
		var le *LineError
		switch {
		case w.line > 0:
			if !errors.As(err, &le) || le.Line != w.line || !errors.Is(err, ErrMalformed) ||
				!strings.HasPrefix(err.Error(), "gold.jsonl:") {
				t.Fatalf("want a malformed-line error on line %d, got %v", w.line, err)
			}
		case err != nil || d.ID != w.id:
			t.Fatalf("want doc %q, got %q, %v", w.id, d.ID, err)
		}
	}
	if _, err := r.Next(); err != io.EOF {
		t.Fatalf("want io.EOF at the end, got %v", err)
	}
}

func TestGeoGoldIsToponym(t *testing.T) {
	for typ, want := range map[string]bool{
		"": true, "Literal": true, "Metonymic": true, "Embedded_Non_Lit": true, "Non_Literal_Modifier": true,
		"Demonym": false, "Non_Toponym": false, "Literal_Expression": false, "Language": false, "Homonym": false,
	} {
		if got := (GeoGold{Type: typ}).IsToponym(); got != want {
			t.Errorf("IsToponym(%q) = %v, want %v", typ, got, want)
		}
	}
}

func FuzzReadGeoGold(f *testing.F) {
	f.Add([]byte(goodLine))
	f.Add([]byte(goodLine + "\n" + goodLine + "\n"))
	f.Add([]byte(`{"id":"x","text":"é","toponyms":[{"start":1,"end":2}]}`))
	f.Add([]byte("\n\n{}\n[1]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewGeoReader(strings.NewReader(string(data)), "fuzz")
		for range 1000 {
			d, err := r.Next()
			if err == io.EOF {
				return
			}
			if err != nil {
				if !errors.Is(err, ErrMalformed) {
					t.Fatalf("unexpected error kind: %v", err)
				}
				continue
			}
			for _, g := range d.Toponyms {
				_ = d.Text[g.Start:g.End] // a returned document's spans are inside its text
			}
			s := NewGeoScorer()
			s.Add(d, []GeoPred{{Start: 0, End: len(d.Text), Resolved: true}})
			_ = s.Report(3)
		}
	})
}
