package incident

import (
	"testing"

	"sitrep/internal/event"
	"sitrep/internal/numbers"
)

func TestReconcileFatalities(t *testing.T) {
	type fig struct {
		doc, publisher string
		day            int
		count          *event.Count
		dupOf          string
	}
	tests := []struct {
		name string
		figs []fig
		want [3]int
	}{
		{"no figures", []fig{{"a", "A", 20, nil, ""}}, [3]int{-1, -1, -1}},
		{"one range", []fig{{"a", "A", 20, deaths(10, 12, 15, numbers.Range), ""}}, [3]int{10, 12, 15}},
		{"toll rises: latest highest wins", []fig{{"a", "A", 20, killed(12), ""}, {"b", "B", 21, killed(20), ""}},
			[3]int{12, 20, 20}},
		{"late low figure: median of sources", []fig{{"a", "A", 20, killed(30), ""}, {"b", "B", 20, killed(40), ""},
			{"c", "C", 21, killed(10), ""}}, [3]int{10, 30, 40}},
		{"same source corrects downward", []fig{{"a", "A", 20, killed(30), ""}, {"a2", "A", 21, killed(25), ""}},
			[3]int{25, 25, 25}},
		{"at least raises the floor", []fig{{"a", "A", 20, killed(12), ""},
			{"b", "B", 20, deaths(20, 20, -1, numbers.AtLeast), ""}}, [3]int{20, 20, 20}},
		{"floor survives a later exact figure", []fig{{"a", "A", 20, killed(12), ""},
			{"b", "B", 20, deaths(20, 20, -1, numbers.AtLeast), ""}, {"b2", "B", 21, killed(31), ""}},
			[3]int{20, 31, 31}},
		{"syndicated copy does not count", []fig{{"a", "A", 20, killed(12), ""}, {"b", "B", 21, killed(90), "a"}},
			[3]int{12, 12, 12}},
		{"copy counts once when the original is absent", []fig{{"b", "B", 21, killed(9), "x"},
			{"c", "C", 21, killed(90), "x"}}, [3]int{9, 9, 9}},
		{"only a high bound", []fig{{"a", "A", 20, deaths(-1, -1, 50, numbers.UpTo), ""}}, [3]int{50, 50, 50}},
		{"unknown publishers are separate sources", []fig{{"a", "", 20, killed(4), ""}, {"b", "", 20, killed(6), ""},
			{"c", "", 20, killed(5), ""}}, [3]int{4, 5, 6}},
		{"revised toll supersedes earlier figures of every source", []fig{{"a", "A", 20, killed(30), ""},
			{"b", "B", 20, killed(40), ""}, {"c", "C", 21, revisedToll(27), ""}}, [3]int{27, 27, 27}},
		{"latest revised toll follows the update, not the first", []fig{{"a", "A", 20, revisedToll(12), ""},
			{"b", "B", 21, revisedToll(23), ""}, {"c", "C", 22, revisedToll(19), ""}}, [3]int{19, 19, 19}},
		{"revision drops an older at-least floor", []fig{{"a", "A", 20, deaths(20, 20, -1, numbers.AtLeast), ""},
			{"b", "B", 21, revisedToll(15), ""}}, [3]int{15, 15, 15}},
		{"a report after the revision still counts", []fig{{"a", "A", 20, killed(8), ""},
			{"b", "B", 21, revisedToll(20), ""}, {"c", "C", 22, killed(18), ""}}, [3]int{18, 18, 20}},
		{"an older revision does not override a newer plain figure", []fig{{"a", "A", 20, revisedToll(10), ""},
			{"b", "B", 21, killed(14), ""}}, [3]int{10, 14, 14}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var inc event.Incident
			for i, f := range tt.figs {
				r := report(f.doc, f.publisher, f.day, strike("e1", day(2016, 9, 19), urum, f.count))
				r.DuplicateOf = f.dupOf
				if i == 0 {
					inc = New(r, t0)
				} else {
					Add(&inc, r, Match{Score: 1}, t0)
				}
			}
			if got := fatal(t, inc); got != tt.want {
				t.Errorf("fatalities %v, want %v", got, tt.want)
			}
		})
	}
}
