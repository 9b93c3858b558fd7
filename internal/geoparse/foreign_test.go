package geoparse

import (
	"testing"

	"sitrep/internal/gazetteer"
)

// TestMaxLatDegrees checks that places maxLatDegrees of latitude apart are farther than nearFocusKm, whatever
// their latitude and longitudes: foreign and proximity skip such pairs without computing the distance.
func TestMaxLatDegrees(t *testing.T) {
	for lat := -89.0; lat+maxLatDegrees <= 90; lat += 0.5 {
		for _, lon := range []float64{-180, -90, 0, 0.001, 45, 179.999} {
			for _, dLon := range []float64{0, 0.5, 5, 180} {
				if d := gazetteer.DistanceKm(lat, lon, lat+maxLatDegrees, lon+dLon); d < nearFocusKm {
					t.Fatalf("(%g,%g)-(%g,%g): %.3f km", lat, lon, lat+maxLatDegrees, lon+dLon, d)
				}
			}
		}
	}
}
