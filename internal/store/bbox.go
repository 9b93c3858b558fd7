package store

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// ParseBBox reads a box written "minLon,minLat,maxLon,maxLat" in degrees (the order of GeoJSON and of the
// API's bbox parameter); "" is no box. Coordinates must be finite and in range, minimum before maximum.
func ParseBBox(v string) (*BBox, error) {
	if v == "" {
		return nil, nil
	}
	parts := strings.Split(v, ",")
	if len(parts) != 4 {
		return nil, fmt.Errorf("want minLon,minLat,maxLon,maxLat in degrees, got %q", v)
	}
	var n [4]float64
	for i, p := range parts {
		x, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, fmt.Errorf("%q is not a finite number", p)
		}
		n[i] = x
	}
	b := &BBox{MinLon: n[0], MinLat: n[1], MaxLon: n[2], MaxLat: n[3]}
	switch {
	case b.MinLat < -90 || b.MaxLat > 90 || b.MinLon < -180 || b.MaxLon > 180:
		return nil, fmt.Errorf("coordinates out of range in %q (longitudes within -180..180, latitudes within -90..90)", v)
	case b.MinLat > b.MaxLat || b.MinLon > b.MaxLon:
		return nil, fmt.Errorf("minimum above maximum in %q", v)
	}
	return b, nil
}
