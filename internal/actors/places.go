package actors

import (
	"strings"

	"sitrep/internal/gazetteer"
	"sitrep/internal/lexicon"
	"sitrep/internal/text"
)

// placeKind says what a country-bound name is.
type placeKind uint8

const (
	pkCountry placeKind = iota + 1 // "Syria", "the United States", "US"
	pkCapital                      // "Moscow", "Washington"
	pkSeat                         // a seat of government: "Downing Street"
	pkDemonym                      // "Syrian", "Russians"
)

// placeName is one name of a country, a capital, a seat or a demonym, as folded tokens.
type placeName struct {
	keys    []string
	country string // ISO2
	kind    placeKind
}

// placeIndex finds country-bound names by the folded key of their first token.
type placeIndex map[string][]placeName

// seats are buildings and streets that stand for a government in news English and that the organisations
// lexicon may not list.
var seats = []struct{ name, country string }{
	{"Downing Street", "GB"}, {"Whitehall", "GB"}, {"Zhongnanhai", "CN"}, {"Blue House", "KR"},
	{"Quai d'Orsay", "FR"}, {"Foggy Bottom", "US"}, {"Capitol Hill", "US"},
}

// buildPlaceIndex indexes every country's names, capital and demonyms from gaz, then its former names
// ("Zaire", "Gold Coast"), which still name the country in older or historical text but never take a name a
// current country holds.
func buildPlaceIndex(gaz *gazetteer.Gazetteer, lex *lexicon.Lexicon) placeIndex {
	ix := placeIndex{}
	if gaz == nil {
		return ix
	}
	defer func() {
		for _, c := range gaz.Countries() {
			for _, n := range c.Former {
				if !namesTownAbroad(gaz, n, c.Code) {
					ix.add(n, c.Code, pkCountry)
				}
			}
		}
	}()
	for _, c := range gaz.Countries() {
		for _, n := range append([]string{c.Name}, c.Aliases...) {
			ix.add(n, c.Code, pkCountry)
		}
		if c.Capital != "" && (lex == nil || !lex.IsFirstName(c.Capital)) {
			ix.add(c.Capital, c.Code, pkCapital)
		}
		for _, d := range c.Demonyms {
			ix.add(d, c.Code, pkDemonym)
			if last := d[len(d)-1]; last == 'n' || last == 'i' || last == 'k' {
				ix.add(d+"s", c.Code, pkDemonym)
			}
		}
	}
	for _, s := range seats {
		ix.add(s.name, s.country, pkSeat)
	}
	return ix
}

// minTownAbroad is the population from which a town that shares a former country name makes the name
// ambiguous ("Gold Coast" in Australia, "Formosa" in Argentina).
const minTownAbroad = 15000

// namesTownAbroad reports whether name is also a town of some size outside country, so that it does not
// reliably name the country.
func namesTownAbroad(gaz *gazetteer.Gazetteer, name, country string) bool {
	for _, p := range gaz.Lookup(name) {
		if p.Class == 'P' && p.Country != country && p.Population >= minTownAbroad {
			return true
		}
	}
	return false
}

// add indexes one name; the first country to claim a name and kind keeps it.
func (ix placeIndex) add(name, country string, kind placeKind) {
	toks := text.Tokenize(name, 0)
	if len(toks) == 0 {
		return
	}
	keys := make([]string, len(toks))
	for i, t := range toks {
		keys[i] = text.Fold(t.Text)
	}
	for _, p := range ix[keys[0]] {
		if p.kind == kind && strings.Join(p.keys, " ") == strings.Join(keys, " ") {
			return
		}
	}
	ix[keys[0]] = append(ix[keys[0]], placeName{keys: keys, country: country, kind: kind})
}

// match returns the longest name of one of kinds starting at token i, and the index after it. bits are the
// tokens' wordBits (nil when not at hand): a token without wPlace starts no name, so token i must have wCap
// or wTitle when bits are given.
func (ix placeIndex) match(keys []string, bits []wordBits, i int, kinds ...placeKind) (placeName, int, bool) {
	var best placeName
	bestEnd := -1
	if bits != nil && bits[i]&wPlace == 0 {
		return best, bestEnd, false
	}
	for _, p := range ix[keys[i]] {
		if !hasKind(kinds, p.kind) || i+len(p.keys) > len(keys) || len(p.keys) <= bestEnd-i {
			continue
		}
		ok := true
		for k := 1; k < len(p.keys); k++ {
			if keys[i+k] != p.keys[k] {
				ok = false
				break
			}
		}
		if ok {
			best, bestEnd = p, i+len(p.keys)
		}
	}
	return best, bestEnd, bestEnd > 0
}

func hasKind(kinds []placeKind, k placeKind) bool {
	for _, x := range kinds {
		if x == k {
			return true
		}
	}
	return false
}
