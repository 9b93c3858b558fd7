package gazetteer

import "math"

// earthRadiusKm is the mean Earth radius used by DistanceKm.
const earthRadiusKm = 6371.0088

// DistanceKm returns the great-circle distance in kilometres between two points given in degrees.
func DistanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const rad = math.Pi / 180
	dLat, dLon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * earthRadiusKm * math.Asin(math.Sqrt(min(1, a)))
}

// Distance returns the great-circle distance in kilometres between two places.
func Distance(a, b Place) float64 { return DistanceKm(a.Lat, a.Lon, b.Lat, b.Lon) }

// ByID returns the place with a GeoNames id, from the overlay when it has it, else from the embedded data.
func (g *Gazetteer) ByID(id int64) (Place, bool) {
	for i := len(g.layers) - 1; i >= 0; i-- {
		if p, ok := g.layers[i].byID(id); ok {
			return p, true
		}
	}
	return Place{}, false
}
