package incident

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"sitrep/internal/event"
)

func TestAssign(t *testing.T) {
	r := report("b", "B", 20, strike("e1", day(2016, 9, 19), urum, nil, actor1(russia, event.AttrStated)))
	far := New(report("i", "I", 20, strike("e1", day(2016, 9, 19), idlib, nil)), t0)
	near := New(report("n", "N", 20, strike("e1", day(2016, 9, 19), urumNear, nil, actor1(russia, ""))), t0)
	exact := New(report("x", "X", 20, strike("e1", day(2016, 9, 19), urum, nil, actor1(russia, ""))), t0)
	twin := New(report("y", "Y", 20, strike("e1", day(2016, 9, 19), urum, nil, actor1(russia, ""))), t0.Add(-time.Hour))
	tests := []struct {
		name  string
		cands []event.Incident
		want  string // id, "" for none
	}{
		{"no candidates", nil, ""},
		{"only a far one", []event.Incident{far}, ""},
		{"best score wins", []event.Incident{far, near, exact}, exact.ID},
		{"tie goes to the older incident", []event.Incident{exact, twin}, twin.ID},
	}
	var m Merger
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, cands := range [][]event.Incident{tt.cands, reversed(tt.cands)} {
				best, match, ok := m.Assign(cands, r)
				got := ""
				if ok {
					got = best.ID
				}
				if got != tt.want {
					t.Errorf("assigned %q, want %q (match %+v)", got, tt.want, match)
				}
				if ok && best != &cands[slices.IndexFunc(cands, func(c event.Incident) bool { return c.ID == got })] {
					t.Error("best does not point into candidates")
				}
			}
		})
	}
}

// reversed returns a reversed copy.
func reversed(s []event.Incident) []event.Incident {
	c := slices.Clone(s)
	slices.Reverse(c)
	return c
}

// candidates returns n incidents spread over a 4° by 4° box, a quarter of them air strikes.
func candidates(n int) []event.Incident {
	subs := []string{"Air/drone strike", "Armed clash", "Peaceful protest", "Attack"}
	out := make([]event.Incident, n)
	for i := range out {
		p := place(fmt.Sprintf("p%d", i), 34+float64(i%200)/50, 35+float64(i/200%200)/50, event.LocExact)
		ev := strike("e1", day(2016, 9, 1+i%28), p, killed(i%7), actor1(russia, ""))
		ev.SubEventType = subs[i%len(subs)]
		ev.EventType = typeOf("", ev.SubEventType)
		out[i] = New(report(fmt.Sprintf("d%d", i), "P", 20, ev), t0)
	}
	return out
}

func BenchmarkAssign(b *testing.B) {
	cands := candidates(10000)
	r := report("b", "B", 20, strike("e1", day(2016, 9, 19), urum, killed(3), actor1(russia, event.AttrStated)))
	var m Merger
	b.ReportAllocs()
	for b.Loop() {
		m.Assign(cands, r)
	}
	b.ReportMetric(float64(len(cands))*float64(b.N)/b.Elapsed().Seconds(), "candidates/s")
}

func TestImplausibleOnlyWhenVetoed(t *testing.T) {
	o := DefaultOptions()
	var m Merger
	reports := []event.Report{
		report("b", "B", 20, strike("e1", day(2016, 9, 19), urum, nil)),
		report("c", "C", 20, strike("e1", month(2016, 9), aleppoGov, nil)),
		report("s", "S", 20, strike("e1", day(2016, 9, 3), syria, nil)),
		report("n", "N", 20, clash("e1", nil, urumNear)),
	}
	checked := 0
	for _, c := range candidates(4000) {
		for _, r := range reports {
			if implausible(o, c, r) {
				checked++
				if s := m.Score(c, r); s.Veto == "" {
					t.Fatalf("prefilter rejects %s for %s but Score accepts: %+v", r.DocumentID, c.Location.Name, s)
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("prefilter rejected nothing")
	}
}
