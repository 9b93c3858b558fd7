package incident

import (
	"fmt"
	"strings"

	"sitrep/internal/event"
)

// placeRank orders location precisions from finest to coarsest; unknown precisions rank as region.
var placeRank = map[string]int{event.LocExact: 0, event.LocNear: 1, event.LocRegion: 2, event.LocCountry: 3}

// placePrecisionValue is what a close pair of places is worth when the coarser one has this precision.
var placePrecisionValue = map[string]float64{
	event.LocExact: 1, event.LocNear: 0.9, event.LocRegion: 0.6, event.LocCountry: 0.25,
}

// placePrecision is p's precision, region when unknown.
func placePrecision(p *event.Place) string {
	if _, ok := placeRank[p.Precision]; ok {
		return p.Precision
	}
	return event.LocRegion
}

// coarserPlace returns the coarser of two places' precisions.
func coarserPlace(a, b *event.Place) string {
	pa, pb := placePrecision(a), placePrecision(b)
	if placeRank[pb] > placeRank[pa] {
		return pb
	}
	return pa
}

// hasCoords reports whether p has coordinates (0,0 counts as none).
func hasCoords(p *event.Place) bool { return p.Lat != 0 || p.Lon != 0 }

// comparePlaces compares two places: the same country, and within the distance that the coarser precision
// allows; two country-precision places match weakly by country alone.
func comparePlaces(o Options, a, b *event.Place) criterion {
	if a == nil || b == nil {
		return criterion{value: 0.1, reason: "place unknown on one side"}
	}
	ca, cb := strings.ToUpper(a.Country), strings.ToUpper(b.Country)
	if ca != "" && cb != "" && ca != cb {
		return criterion{reason: "different countries " + ca + " vs " + cb, veto: true}
	}
	prec := coarserPlace(a, b)
	limit := o.limitKm(prec)
	if a.GeonameID != nil && b.GeonameID != nil && *a.GeonameID == *b.GeonameID && prec != event.LocCountry {
		return criterion{value: placePrecisionValue[prec], reason: "same place " + a.Name}
	}
	if limit == 0 || !hasCoords(a) || !hasCoords(b) {
		if ca == "" || cb == "" {
			return criterion{value: 0.1, reason: "country unknown on one side"}
		}
		return criterion{value: placePrecisionValue[event.LocCountry], reason: "same country " + ca + " only (weak)"}
	}
	d := HaversineKm(a.Lat, a.Lon, b.Lat, b.Lon)
	if d > limit {
		return criterion{reason: fmt.Sprintf("places %.1f km apart (%s and %s; limit %g km for %s precision)",
			d, a.Name, b.Name, limit, prec), veto: true}
	}
	v := placePrecisionValue[prec] * (1 - 0.5*d/limit)
	return criterion{value: v, reason: fmt.Sprintf("places %.1f km apart (limit %g km)", d, limit)}
}
