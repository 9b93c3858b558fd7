package eval

import (
	"math"
	"slices"
)

// Resolution constants (Gritta et al. 2018, "What's missing in geographical parsing?").
const (
	// AccuracyKm is the radius of Acc@161km: 161 km is 100 miles.
	AccuracyKm = 161
	// MaxErrorKm is the largest possible error: half the Earth's circumference, the AUC's normaliser.
	// A matched toponym left unresolved counts with this error.
	MaxErrorKm = 20039
)

// Resolution summarises the errors in km of resolved toponyms.
type Resolution struct {
	N        int     `json:"n"`
	Acc161   float64 `json:"acc161"`    // share of errors <= 161 km
	MeanKm   float64 `json:"mean_km"`   // arithmetic mean error
	MedianKm float64 `json:"median_km"` // median error (mean of the two middle values for even N)
	AUC      float64 `json:"auc"`       // area under the log error curve: 0 best, 1 worst
}

// Resolve computes the resolution figures of errs (km; clamped to [0, MaxErrorKm]). With no errors every
// figure is 0 and N is 0: report N, never a bare 0 AUC.
func Resolve(errs []float64) Resolution {
	if len(errs) == 0 {
		return Resolution{}
	}
	s := make([]float64, len(errs))
	within, sum := 0, 0.0
	for i, e := range errs {
		e = min(max(e, 0), MaxErrorKm)
		s[i] = e
		sum += e
		if e <= AccuracyKm {
			within++
		}
	}
	slices.Sort(s)
	n := len(s)
	med := s[n/2]
	if n%2 == 0 {
		med = (s[n/2-1] + s[n/2]) / 2
	}
	return Resolution{N: n, Acc161: float64(within) / float64(n), MeanKm: sum / float64(n), MedianKm: med, AUC: AUC(s)}
}

// AUC is the area under the curve of the log errors (Gritta et al. 2018): sort the errors ascending, scale
// each to y = ln(1+err)/ln(MaxErrorKm) so that y lies in [0, 1] (up to 5e-6 at the antipode), place them evenly on x in [0, 1] and integrate
// with the trapezoidal rule: AUC = sum_{i=1}^{n-1} (y_{i-1}+y_i)/2 / (n-1). 0 means every toponym resolved
// exactly, 1 every one at the antipode; lower is better. With one error the curve is the constant y_0; with
// none the AUC is 0 (and Resolution.N says so). errs need not be sorted; it is not modified.
func AUC(errs []float64) float64 {
	n := len(errs)
	if n == 0 {
		return 0
	}
	y := make([]float64, n)
	for i, e := range errs {
		y[i] = math.Log1p(min(max(e, 0), MaxErrorKm)) / math.Log(MaxErrorKm)
	}
	slices.Sort(y)
	if n == 1 {
		return y[0]
	}
	area := 0.0
	for i := 1; i < n; i++ {
		area += (y[i-1] + y[i]) / 2
	}
	return area / float64(n-1)
}
