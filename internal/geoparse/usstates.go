package geoparse

import (
	"strings"

	"sitrep/internal/gazetteer"
)

// usStateAbbrevs maps the abbreviations of US states that news datelines and addresses use (AP style and
// postal codes) to the state's name: "Gainesville, Va.", "PLEASANTON, Calif.", "Austin, TX".
var usStateAbbrevs = map[string]string{
	"ala": "Alabama", "al": "Alabama", "ariz": "Arizona", "az": "Arizona", "ark": "Arkansas", "ar": "Arkansas",
	"calif": "California", "cal": "California", "ca": "California", "colo": "Colorado", "co": "Colorado",
	"conn": "Connecticut", "ct": "Connecticut", "del": "Delaware", "de": "Delaware", "fla": "Florida",
	"fl": "Florida", "ga": "Georgia", "ill": "Illinois", "il": "Illinois", "ind": "Indiana", "in": "Indiana",
	"kan": "Kansas", "kans": "Kansas", "ks": "Kansas", "ky": "Kentucky", "la": "Louisiana", "md": "Maryland",
	"mass": "Massachusetts", "ma": "Massachusetts", "mich": "Michigan", "mi": "Michigan", "minn": "Minnesota",
	"mn": "Minnesota", "miss": "Mississippi", "ms": "Mississippi", "mo": "Missouri", "mont": "Montana",
	"mt": "Montana", "neb": "Nebraska", "nebr": "Nebraska", "ne": "Nebraska", "nev": "Nevada", "nv": "Nevada",
	"nh": "New Hampshire", "nj": "New Jersey", "nm": "New Mexico", "ny": "New York State",
	"nc": "North Carolina", "nd": "North Dakota", "okla": "Oklahoma", "ok": "Oklahoma", "ore": "Oregon",
	"or": "Oregon", "pa": "Pennsylvania", "penn": "Pennsylvania", "ri": "Rhode Island", "sc": "South Carolina",
	"sd": "South Dakota", "tenn": "Tennessee", "tn": "Tennessee", "tex": "Texas", "tx": "Texas", "ut": "Utah",
	"vt": "Vermont", "va": "Virginia", "wash": "Washington State", "wa": "Washington State",
	"wva": "West Virginia", "wv": "West Virginia", "wis": "Wisconsin", "wisc": "Wisconsin", "wi": "Wisconsin",
	"wyo": "Wyoming", "wy": "Wyoming", "ak": "Alaska", "hi": "Hawaii", "ia": "Iowa", "id": "Idaho",
	"me": "Maine", "oh": "Ohio", "dc": "District of Columbia",
}

// caProvinceAbbrevs maps the postal and usual abbreviations of Canada's provinces and territories to their
// names: "Vancouver, BC", "Toronto, Ont.".
var caProvinceAbbrevs = map[string]string{
	"bc": "British Columbia", "ab": "Alberta", "alta": "Alberta", "sk": "Saskatchewan", "sask": "Saskatchewan",
	"mb": "Manitoba", "man": "Manitoba", "on": "Ontario", "ont": "Ontario", "qc": "Quebec", "que": "Quebec",
	"nb": "New Brunswick", "ns": "Nova Scotia", "pe": "Prince Edward Island", "pei": "Prince Edward Island",
	"nl": "Newfoundland and Labrador", "nfld": "Newfoundland and Labrador", "yt": "Yukon",
	"nt": "Northwest Territories", "nwt": "Northwest Territories", "nu": "Nunavut",
}

// abbreviation returns the first-order division an abbreviation written as a whole span names ("Calif.",
// "N.M.", "BC"): a dotted abbreviation, or a postal code in capitals.
func (r *run) abbreviation(span string) []gazetteer.Place {
	key := strings.ReplaceAll(strings.ReplaceAll(gazetteer.Fold(span), " ", ""), ".", "")
	dotted := strings.Contains(span, ".")
	if !dotted && (len(span) != 2 || strings.ToUpper(span) != span) {
		return nil
	}
	var out []gazetteer.Place
	for cc, table := range map[string]map[string]string{"US": usStateAbbrevs, "CA": caProvinceAbbrevs} {
		if name, ok := table[key]; ok {
			for _, p := range r.lookup(gazetteer.Fold(name)) {
				if isAdmin1(p) && p.Country == cc {
					out = append(out, p)
				}
			}
		}
	}
	return out
}

// stateAbbrev recognises a US state (or Canadian province) abbreviation at token i right after "<place>, ": a capitalised word
// with its dot ("Va.", "Calif.", "N.J.") or a two-letter postal code in capitals ("TX"). It returns the end of
// the abbreviation (exclusive token index) and the state's name, or -1.
func (r *run) stateAbbrev(i int) (int, string) {
	d := r.d
	if i < 2 || !d.punct(i-1, ",") || len(r.ms) == 0 || r.ms[len(r.ms)-1].hi != i-1 || !d.isCap(i) {
		return -1, ""
	}
	j, key, dotted := i, "", false
	for n := 0; n < 3 && d.isCap(j) && len(d.toks[j].Text) <= 5; n++ {
		key += d.folded[j]
		if !d.punct(j+1, ".") || d.gap(j, j+1) != "" {
			j++
			break
		}
		single := len(d.toks[j].Text) == 1
		j, dotted = j+2, true
		if !single || !d.isCap(j) || len(d.toks[j].Text) != 1 || d.gap(j-1, j) != "" {
			break
		}
	}
	if !dotted && !(len(key) == 2 && d.toks[i].IsAllCaps()) {
		return -1, ""
	}
	if name, ok := usStateAbbrevs[key]; ok {
		return j, name
	}
	if name, ok := caProvinceAbbrevs[key]; ok {
		return j, name
	}
	return -1, ""
}

// addStateAbbrev records the abbreviation at tokens [i, end) as a mention of the state name.
func (r *run) addStateAbbrev(i, end int, name string) {
	key := gazetteer.Fold(name)
	var ps []gazetteer.Place
	for _, p := range r.lookup(key) {
		if isAdmin1(p) && (p.Country == "US" || p.Country == "CA") {
			ps = append(ps, p)
		}
	}
	if len(ps) == 0 {
		return
	}
	r.addMention(i, end, key, "region")
	r.ms[len(r.ms)-1].preset = ps
}
