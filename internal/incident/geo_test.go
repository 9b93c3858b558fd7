package incident

import (
	"math"
	"testing"
)

func TestHaversineKm(t *testing.T) {
	tests := []struct {
		name                   string
		lat1, lon1, lat2, lon2 float64
		want, tol              float64
	}{
		{"same point", 36.2, 37.15, 36.2, 37.15, 0, 1e-9},
		{"one degree of latitude", 0, 0, 1, 0, 111.195, 0.01},
		{"one degree of longitude at the equator", 0, 0, 0, 1, 111.195, 0.01},
		{"Paris to London", 48.8566, 2.3522, 51.5074, -0.1278, 343.6, 0.5},
		{"across the antimeridian", 0, 179.5, 0, -179.5, 111.195, 0.01},
		{"antipodes", 10, 20, -10, -160, math.Pi * earthRadiusKm, 0.01},
		{"symmetric", 51.5074, -0.1278, 48.8566, 2.3522, 343.6, 0.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := HaversineKm(tt.lat1, tt.lon1, tt.lat2, tt.lon2)
			if math.Abs(got-tt.want) > tt.tol || math.IsNaN(got) {
				t.Errorf("HaversineKm = %.4f, want %.4f ± %g", got, tt.want, tt.tol)
			}
		})
	}
}
