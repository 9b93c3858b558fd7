package geoparse

import "sitrep/internal/gazetteer"

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

// stateAbbrev recognises a US state abbreviation at token i right after "<place>, ": a capitalised word
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
	name, ok := usStateAbbrevs[key]
	if !ok || !dotted && !(len(key) == 2 && d.toks[i].IsAllCaps()) {
		return -1, ""
	}
	return j, name
}

// addStateAbbrev records the abbreviation at tokens [i, end) as a mention of the state name.
func (r *run) addStateAbbrev(i, end int, name string) {
	key := gazetteer.Fold(name)
	var ps []gazetteer.Place
	for _, p := range r.lookup(key) {
		if isAdmin1(p) && p.Country == "US" {
			ps = append(ps, p)
		}
	}
	if len(ps) == 0 {
		return
	}
	r.addMention(i, end, key, "region")
	r.ms[len(r.ms)-1].preset = ps
}
