package eval

import (
	"math"
	"testing"
)

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestPRF(t *testing.T) {
	tests := []struct {
		name     string
		c        PRF
		p, r, f1 float64
	}{
		{"empty", PRF{}, 0, 0, 0},
		{"perfect", PRF{TP: 4}, 1, 1, 1},
		{"all wrong", PRF{FP: 3, FN: 2}, 0, 0, 0},
		{"half and half", PRF{TP: 2, FP: 2, FN: 2}, 0.5, 0.5, 0.5},
		{"3 of 5 predicted, all gold found", PRF{TP: 3, FP: 2}, 0.6, 1, 0.75},
		{"no predictions", PRF{FN: 5}, 0, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.c.Scores()
			if !near(s.P, tc.p, 1e-9) || !near(s.R, tc.r, 1e-9) || !near(s.F1, tc.f1, 1e-9) {
				t.Errorf("%+v: got P %v R %v F1 %v, want %v %v %v", tc.c, s.P, s.R, s.F1, tc.p, tc.r, tc.f1)
			}
		})
	}
}

func TestMatchSpans(t *testing.T) {
	iv := func(xs ...int) []Interval {
		var out []Interval
		for i := 0; i+1 < len(xs); i += 2 {
			out = append(out, Interval{xs[i], xs[i+1]})
		}
		return out
	}
	tests := []struct {
		name       string
		gold, pred []Interval
		mode       MatchMode
		want       []Pair
	}{
		{"none", nil, nil, Overlap, nil},
		{"disjoint", iv(0, 5), iv(5, 9), Overlap, nil},
		{"one byte shared", iv(0, 5), iv(4, 9), Overlap, []Pair{{0, 0}}},
		{"larger overlap wins", iv(0, 10), iv(0, 3, 2, 10), Overlap, []Pair{{0, 1}}},
		{"one prediction, two gold: tie goes to the earlier gold", iv(0, 10, 20, 30), iv(5, 25), Overlap, []Pair{{0, 0}}},
		{"one-to-one then the next best", iv(0, 10, 20, 30), iv(5, 25, 22, 30), Overlap, []Pair{{0, 0}, {1, 1}}},
		{"nested gold: the closer span", iv(0, 20, 5, 10), iv(5, 10), Overlap, []Pair{{1, 0}}},
		{"exact needs both ends", iv(0, 10, 20, 30), iv(0, 10, 21, 30), Exact, []Pair{{0, 0}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := MatchSpans(tc.gold, tc.pred, tc.mode)
			if len(got) != len(tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Fatalf("got %v, want %v", got, tc.want)
				}
			}
			c := CountMatches(tc.gold, tc.pred, tc.mode)
			if c.TP != len(tc.want) || c.FP != len(tc.pred)-len(tc.want) || c.FN != len(tc.gold)-len(tc.want) {
				t.Errorf("CountMatches = %+v", c)
			}
		})
	}
}
