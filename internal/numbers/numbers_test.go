package numbers

import (
	"fmt"
	"strings"
	"testing"
)

func show(p *int) string {
	if p == nil {
		return "-"
	}
	return fmt.Sprint(*p)
}

func (q Quantity) summary() string {
	return fmt.Sprintf("%s %s/%s/%s %s", q.Text, show(q.Low), show(q.Best), show(q.High), q.Qualifier)
}

func TestFind(t *testing.T) {
	tests := []struct {
		in   string
		want []string // Quantity.summary() of each quantity found
	}{
		{"Some 20 people were killed", []string{"Some 20 20/20/20 approximately"}},
		{"at least 12 killed", []string{"at least 12 12/12/- at least"}},
		{"more than a dozen wounded", []string{"more than a dozen 13/13/- more than"}},
		{"between 5 and 7 dead", []string{"between 5 and 7 5/5/7 range"}},
		{"5 to 7 dead", []string{"5 to 7 5/5/7 range"}},
		{"5-7 dead", []string{"5-7 5/5/7 range"}},
		{"up to 30 civilians", []string{"up to 30 -/30/30 up to"}},
		{"fewer than 10 people", []string{"fewer than 10 -/-/9 fewer than"}},
		{"dozens of people", []string{"dozens 24/-/99 dozens"}},
		{"hundreds of families", []string{"hundreds 200/-/999 hundreds"}},
		{"tens of thousands fled", []string{"tens of thousands 20000/-/99999 tens of thousands"}},
		{"twenty-one soldiers", []string{"twenty-one 21/21/21 "}},
		{"1,200 troops and 1.2 million people", []string{"1,200 1200/1200/1200 ", "1.2 million 1200000/1200000/1200000 "}},
		{"an estimated 300 homes", []string{"an estimated 300 300/300/300 approximately"}},
		{"nearly three hundred", []string{"nearly three hundred 300/300/300 approximately"}},
		{"one person died", []string{"one 1/1/1 "}},
		{"a handful of fighters", []string{"a handful 2/-/6 handful"}},
		{"18 of 31 trucks", []string{"18 18/18/18 ", "31 31/31/31 "}},
		{"the first time", nil},
		{"in 2016 the war", nil},
		{"2,000 troops", []string{"2,000 2000/2000/2000 "}},
		{"S-300 missiles", nil},
		{"Resolution 2254 says", nil},
		{"on 5 October 2016", nil},
		{"October 5, 2016", nil},
		{"on 2016-10-05", nil},
		{"on 5/10", nil},
		{"a 40% rise", nil},
		{"$5 million", nil},
		{"at 10:30 am", nil},
		{"the 3rd brigade", nil},
		{"a four-year war", nil},
		{"Someone said", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, q := range Find(tt.in) {
			got = append(got, q.summary())
			if tt.in[q.Start:q.End] != q.Text {
				t.Errorf("%q: span %d:%d is %q, text %q", tt.in, q.Start, q.End, tt.in[q.Start:q.End], q.Text)
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Find(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestParse(t *testing.T) {
	for _, s := range []string{"some 20", "a dozen", "between 5 and 7", "at least 12", "dozens"} {
		if _, ok := Parse(s); !ok {
			t.Errorf("Parse(%q) failed", s)
		}
	}
	for _, s := range []string{"", "hello", "20 people", "the 1990s"} {
		if q, ok := Parse(s); ok {
			t.Errorf("Parse(%q) = %s, want failure", s, q.summary())
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"some 20 people", "between 5 and 7", "S-300", "2016-10-05", "1.2 million", "\xff9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		last := 0
		for _, q := range Find(s) {
			if q.Start < last || q.End < q.Start || q.End > len(s) || s[q.Start:q.End] != q.Text {
				t.Fatalf("bad span %d:%d (last %d) in %q", q.Start, q.End, last, s)
			}
			last = q.End
		}
		// Case does not change what is read.
		a, b := Find(s), Find(lowerASCII(s))
		if len(a) != len(b) {
			t.Fatalf("%q: %d quantities, %d once lower-cased", s, len(a), len(b))
		}
		for i := range a {
			va, oka := a[i].Value()
			vb, okb := b[i].Value()
			if va != vb || oka != okb || a[i].Start != b[i].Start || a[i].End != b[i].End {
				t.Fatalf("%q: %s differs from %s once lower-cased", s, a[i].summary(), b[i].summary())
			}
		}
	})
}

func TestFindCaseAndCutPhrases(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"SOME TWENTY PEOPLE", []string{"SOME TWENTY 20/20/20 approximately"}},
		{"Dozens Were Hurt", []string{"Dozens 24/-/99 dozens"}},
		{"At Least Twelve", []string{"At Least Twelve 12/12/- at least"}},
		// Not a range (the second figure is lower): both numbers are read.
		{"the toll fell from 30 to 20", []string{"30 30/30/30 ", "20 20/20/20 "}},
		{"killed 7 or 5 people", []string{"7 7/7/7 ", "5 5/5/5 "}},
	}
	for _, tt := range tests {
		var got []string
		for _, q := range Find(tt.in) {
			got = append(got, q.summary())
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Find(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}
