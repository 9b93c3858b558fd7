package geoparse

import "testing"

func TestScratch(t *testing.T) {
	p := New(defaultGazetteer(t))
	d := prepare("The meeting took place in Washington on Monday.")
	r := newRun(p.g, d)
	r.recognise()
	r.resolve()
	for _, m := range r.ms {
		for _, c := range m.cands {
			t.Logf("%s %s %s %.2f %.2f", m.key, c.p.Name, c.p.Code, c.prior, c.score)
		}
	}
}
