package gazetteer

// Place is one gazetteer entry: a populated place, an administrative division, a country or a natural or
// regional feature.
type Place struct {
	ID         int64   // GeoNames id; 0 for hand-written facts without one
	Name       string  // the main name
	Lat, Lon   float64 // WGS84 degrees
	Country    string  // ISO 3166-1 alpha-2 ("" for seas and international regions)
	Admin1     string  // GeoNames admin1 code
	Class      byte    // GeoNames feature class: 'P','A','H','T','L','S','V','R','U'
	Code       string  // GeoNames feature code: PPLC, PPLA, PPLA2, PPL, ADM1, PCLI, SEA, STM, RGN, ...
	Population int64   // inhabitants, 0 when unknown or not applicable
}

// Country is a country with its codes, names, demonyms and a representative coordinate.
type Country struct {
	Code       string   // ISO 3166-1 alpha-2
	Code3      string   // ISO 3166-1 alpha-3
	Name       string   // common English name
	Aliases    []string // other current names: official, short ("Syrian Arab Republic", "DRC", "Burma")
	Former     []string // names no longer in official use ("Zaire", "Gold Coast", "Rhodesia")
	Demonyms   []string // adjectives and nouns of nationality ("Syrian", "Syrians")
	Capital    string   // the capital's name
	Lat, Lon   float64  // a representative point inside the country
	Population int64    // inhabitants, approximate
}

// entry is a place with every name it is known by, as builders take it.
type entry struct {
	Place
	Names []string // alternate names, raw or folded; the main name is always indexed too
}
