package eval

import "testing"

// halfKm is the error whose scaled log is exactly 0.5: ln(1+e) = ln(20039)/2, e = sqrt(20039)-1.
const halfKm = 140.5598

func TestAUC(t *testing.T) {
	tests := []struct {
		name string
		errs []float64
		want float64
	}{
		{"empty", nil, 0},
		{"all right", []float64{0, 0, 0}, 0},
		// ln(20040)/ln(20039) = 1.000005: the curve's ceiling.
		{"all wrong", []float64{MaxErrorKm, MaxErrorKm}, 1},
		{"beyond the maximum is clamped", []float64{1e9}, 1},
		{"negative is clamped to 0", []float64{-5, 0}, 0},
		{"one value is the constant curve", []float64{halfKm}, 0.5},
		{"a right and a wrong: one trapezoid", []float64{MaxErrorKm, 0}, 0.5},
		// y = 0, .5, .5: ((0+.5)/2 + (.5+.5)/2) / 2 = .375
		{"three points", []float64{halfKm, 0, halfKm}, 0.375},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := AUC(tc.errs); !near(got, tc.want, 1e-4) {
				t.Errorf("AUC(%v) = %v, want %v", tc.errs, got, tc.want)
			}
		})
	}
}

func TestResolve(t *testing.T) {
	tests := []struct {
		name                string
		errs                []float64
		n                   int
		acc, mean, med, auc float64
	}{
		{"empty", nil, 0, 0, 0, 0, 0},
		{"all right", []float64{0, 0}, 2, 1, 0, 0, 0},
		{"all wrong", []float64{MaxErrorKm, 5000}, 2, 0, 12519.5, 12519.5, -1},
		{"161 km is within", []float64{161, 161.5}, 2, 0.5, 161.25, 161.25, -1},
		{"even count takes the middle two", []float64{200, 0, MaxErrorKm, 100}, 4, 0.5, 5084.75, 150, -1},
		{"odd count", []float64{300, 10, 20}, 3, 2.0 / 3, 110, 20, -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Resolve(tc.errs)
			if r.N != tc.n || !near(r.Acc161, tc.acc, 1e-9) || !near(r.MeanKm, tc.mean, 1e-9) || !near(r.MedianKm, tc.med, 1e-9) {
				t.Errorf("Resolve(%v) = %+v", tc.errs, r)
			}
			if tc.auc >= 0 && !near(r.AUC, tc.auc, 1e-9) {
				t.Errorf("AUC = %v, want %v", r.AUC, tc.auc)
			}
		})
	}
}
