package export

import "sitrep/internal/event"

// TimePrecision is ACLED's time_precision code: 1 the day is known, 2 the week (or a range of a few days),
// 3 only the month or year.
func TimePrecision(p string) int {
	switch p {
	case event.PrecisionDay:
		return 1
	case event.PrecisionWeek:
		return 2
	}
	return 3
}

// GeoPrecision is ACLED's geo_precision code: 1 the town or exact place, 2 near a town or part of a region,
// 3 a larger region or only the country.
func GeoPrecision(p string) int {
	switch p {
	case event.LocExact:
		return 1
	case event.LocNear:
		return 2
	}
	return 3
}

// Inter is ACLED's inter code of an actor kind: 1 state forces, 2 rebel groups, 3 political militias,
// 4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces (including international
// organizations); 0 for no actor or an unknown kind.
func Inter(kind string) int {
	switch kind {
	case event.KindStateForces:
		return 1
	case event.KindRebelGroup:
		return 2
	case event.KindPoliticalMilitia:
		return 3
	case event.KindIdentityMilitia:
		return 4
	case event.KindRioters:
		return 5
	case event.KindProtesters:
		return 6
	case event.KindCivilians:
		return 7
	case event.KindExternalForces, event.KindOrganization:
		return 8
	}
	return 0
}
