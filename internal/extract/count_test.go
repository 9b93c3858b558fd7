package extract

import (
	"testing"

	"sitrep/internal/casualty"
	"sitrep/internal/numbers"
)

func TestBetterCount(t *testing.T) {
	n := func(v int) *int { return &v }
	m := func(v int, rule string, revised, superseded bool) *casualty.Mention {
		return &casualty.Mention{Rule: rule, Revised: revised, Superseded: superseded,
			Count: numbers.Quantity{Best: n(v)}}
	}
	tests := []struct {
		name    string
		m, best *casualty.Mention
		want    bool
	}{
		{"first figure", m(3, "killed", false, false), nil, true},
		{"larger plain figure", m(9, "killed", false, false), m(3, "killed", false, false), true},
		{"smaller plain figure", m(2, "killed", false, false), m(3, "killed", false, false), false},
		{"superseded loses to a standing figure", m(12, "toll-earlier", false, true), m(5, "killed", false, false), false},
		{"standing figure replaces a superseded one", m(5, "killed", false, false), m(12, "toll-earlier", false, true), true},
		{"revised toll beats a larger plain figure", m(27, "toll", true, false), m(30, "killed", false, false), true},
		{"plain figure after a revised toll", m(40, "killed", false, false), m(27, "toll", true, false), false},
		{"a later revised toll stands even when lower", m(20, "toll", true, false), m(30, "toll", true, false), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := better(tt.m, tt.best); got != tt.want {
				t.Errorf("better = %v, want %v", got, tt.want)
			}
		})
	}
}
