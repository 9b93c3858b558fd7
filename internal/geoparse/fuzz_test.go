package geoparse

import (
	"testing"
	"unicode/utf8"

	"sitrep/internal/event"
)

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"Moscow denies the charge.",
		"The convoy at Urem Al-Kubra near the northern city of Aleppo.",
		"Paris, Texas, and Atlanta, Georgia.",
		"al-Bab al- -al Al-",
		"St. . U.S. People's 's ’s",
		"\xff\xfe BEIRUT (Reuters) \u00a0 Ţarţūs",
		"",
	} {
		f.Add(s)
	}
	p := testParser(f)
	f.Fuzz(func(t *testing.T, s string) {
		ts := p.Parse(s)
		last := -1
		for _, tp := range ts {
			if tp.Start < 0 || tp.End > len(s) || tp.Start >= tp.End || tp.Start < last {
				t.Fatalf("bad span %d-%d (previous start %d) in %q", tp.Start, tp.End, last, s)
			}
			if s[tp.Start:tp.End] != tp.Text {
				t.Fatalf("text %q != span %q", tp.Text, s[tp.Start:tp.End])
			}
			if utf8.ValidString(s) && !utf8.ValidString(tp.Text) {
				t.Fatalf("span splits a rune: %q", tp.Text)
			}
			last = tp.Start
		}
		spans := make([]event.Span, 0, len(ts)+1)
		for _, tp := range ts {
			spans = append(spans, event.Span{Start: tp.Start, End: tp.End, Text: tp.Text})
		}
		spans = append(spans, event.Span{Start: len(s) / 2, End: len(s)/2 - 1})
		if got := p.Resolve(s, spans); len(got) != len(spans) {
			t.Fatalf("Resolve returned %d toponyms for %d spans", len(got), len(spans))
		}
	})
}
