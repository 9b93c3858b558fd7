package geoparse

import (
	"math"
	"strings"

	"sitrep/internal/event"
	"sitrep/internal/gazetteer"
)

// isCountry reports whether p is a country (GeoNames PCLI, PCLD, PCLS, ...).
func isCountry(p gazetteer.Place) bool { return p.Class == 'A' && strings.HasPrefix(p.Code, "PCL") }

// isAdmin1 reports whether p is a first-order division.
func isAdmin1(p gazetteer.Place) bool { return p.Class == 'A' && p.Code == "ADM1" }

// prior scores a candidate before context: the log of its population, with floors for places GeoNames gives
// no population (divisions named after their seat city, seas, rivers, sites) and bonuses for capitals and
// seats of divisions. A country named outright beats a town of the same name.
func prior(p gazetteer.Place) float64 {
	lp := math.Log10(float64(p.Population) + 1)
	switch p.Class {
	case 'A':
		switch {
		case isCountry(p):
			return lp + 2
		case p.Population == 0:
			return 3 // named after its seat city, which ranks first
		case isAdmin1(p):
			return lp + 0.5
		}
		return lp
	case 'P':
		lp = math.Log10(float64(seatPopulation(p)) + 1)
		switch p.Code {
		case "PPLC":
			return lp + 1.5
		case "PPLA":
			return lp + 0.8
		case "PPLA2":
			return lp + 0.3
		case "PPLX", "PPLH", "PPLQ", "PPLW":
			return lp - 0.5
		}
		return lp
	case 'L':
		if p.Code == "CONT" || p.Code == "RGN" || p.Code == "AREA" {
			return max(lp, 6) + 1
		}
		return max(lp, 4.5)
	case 'H':
		switch p.Code {
		case "OCN":
			return max(lp, 7)
		case "SEA", "GULF":
			return max(lp, 6.5)
		}
		return max(lp, 5.5)
	case 'T':
		return max(lp, 4.5)
	case 'S':
		if p.ID == 0 {
			return max(lp, 5.5) // a site the hand-written facts hold because news names it: "the White House"
		}
		return max(lp, 4)
	}
	return max(lp, 3)
}

// seatPopulation returns p's population, or for a seat of a division whose population GeoNames does not
// give (cities500 lists seats whatever their size, some with population 0: Al Qamishli) a modest figure for
// its rank, so that the seat is not taken for a hamlet.
func seatPopulation(p gazetteer.Place) int64 {
	if p.Population > 0 {
		return p.Population
	}
	switch p.Code {
	case "PPLC":
		return 100000
	case "PPLA":
		return 50000
	case "PPLA2":
		return 10000
	case "PPLA3":
		return 2000
	}
	return 0
}

// kindOf names the kind of a place.
func kindOf(p gazetteer.Place) string {
	switch {
	case isCountry(p):
		return KindCountry
	case isAdmin1(p):
		return KindAdmin1
	case p.Class == 'A':
		return KindAdmin
	case p.Class == 'P':
		return KindCity
	case p.Class == 'L' && (p.Code == "CONT" || p.Code == "RGN"):
		return KindRegion
	}
	return KindFeature
}

// precisionOf returns the event.Loc* precision of a resolved place.
func precisionOf(p gazetteer.Place) string {
	switch kindOf(p) {
	case KindCity:
		return event.LocExact
	case KindCountry:
		return event.LocCountry
	}
	return event.LocRegion
}
