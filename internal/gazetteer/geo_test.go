package gazetteer

import (
	"math"
	"testing"
)

func TestDistanceKm(t *testing.T) {
	tests := []struct {
		name                   string
		lat1, lon1, lat2, lon2 float64
		want                   float64
	}{
		{"same point", 36.2, 37.16, 36.2, 37.16, 0},
		{"one degree of latitude", 0, 0, 1, 0, 111.19},
		{"Aleppo to Damascus", 36.2012, 37.1612, 33.5102, 36.2913, 309},
		{"antipodes", 0, 0, 0, 180, math.Pi * earthRadiusKm},
	}
	for _, tt := range tests {
		got := DistanceKm(tt.lat1, tt.lon1, tt.lat2, tt.lon2)
		if math.Abs(got-tt.want) > 1 {
			t.Errorf("%s: DistanceKm = %.2f, want %.2f", tt.name, got, tt.want)
		}
	}
}

func TestByID(t *testing.T) {
	g := mustDefault(t)
	p, ok := g.ByID(170063)
	if !ok || p.Name != "Aleppo" || p.Country != "SY" {
		t.Errorf("ByID(170063) = %+v %v, want Aleppo", p, ok)
	}
	for _, id := range []int64{0, -1, 1, 99000001, 1 << 40} {
		if p, ok := g.ByID(id); ok {
			t.Errorf("ByID(%d) = %+v, want none", id, p)
		}
	}
	_, g2, _ := importFixture(t, "testdata/SY.txt")
	if p, ok := g2.ByID(99000001); !ok || p.Name != "Urum al-Kubra" {
		t.Errorf("ByID(99000001) after import = %+v %v", p, ok)
	}
}
