package geoparse

// speechVerbs are what governments do in news; a place name as their subject stands for its government
// ("Moscow denies", "Washington blamed", "the Kremlin said"): a metonym.
var speechVerbs = set("said", "says", "say", "denies", "denied", "deny", "blamed", "blames", "blame",
	"accused", "accuses", "accuse", "claims", "claimed", "claim", "warned", "warns", "warn", "announced",
	"announces", "condemned", "condemns", "rejected", "rejects", "insists", "insisted", "urged", "urges",
	"demanded", "demands", "responded", "responds", "threatened", "threatens", "agreed", "agrees", "signed",
	"signs", "wants", "wanted", "refused", "refuses", "vowed", "vows", "pledged", "pledges", "promised",
	"promises", "sanctioned", "imposed", "imposes", "recognised", "recognized", "recognizes", "recognises",
	"expelled", "expels", "summoned", "summons", "protested", "protests", "criticised", "criticized",
	"criticises", "criticizes", "welcomed", "welcomes", "backed", "backs", "supports", "supported",
	"opposes", "opposed", "believes", "believed", "argued", "argues", "asked", "asks", "called", "calls",
	"told", "tells", "stated", "states", "confirmed", "confirms", "acknowledged", "acknowledges", "admitted",
	"admits", "dismissed", "dismisses", "hopes", "hoped", "fears", "feared", "decided", "decides", "plans",
	"planned", "intends", "retaliated", "retaliates", "negotiated", "negotiates", "vetoed", "vetoes",
	"voted", "votes", "ordered", "orders", "suspended", "suspends", "approved", "approves", "announce")

// auxiliaries may stand between a metonym and its verb: "Moscow has denied", "Russia also said".
var auxiliaries = set("has", "have", "had", "is", "was", "will", "would", "did", "does", "do", "also",
	"again", "later", "then", "reportedly", "previously", "repeatedly", "swiftly", "quickly",
	"immediately", "now", "already", "officially", "publicly", "strongly", "not", "never", "been", "being",
	"could", "can", "may", "might", "should", "must", "yet", "still", "firmly")

// weekdays follow "on" in a subject's time adverbial: "Moscow on Tuesday said".
var weekdays = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

// indefinites before a place noun and "of" make the name after it the place that holds the one meant: "a
// district of Odesa".
var indefinites = set("a", "an", "one", "another", "every", "each", "some", "any")

// addHints fills each mention's cue, noun and country hint from the words around it, and marks metonyms.
func (r *run) addHints() {
	for k := range r.ms {
		m := &r.ms[k]
		if m.lo < 0 {
			continue
		}
		r.cueHints(m)
		if m.noun == "" || m.noun == "part" {
			r.headHint(m) // "the outskirts of Kherson region" is the region's
		}
		if m.demonym {
			continue
		}
		if r.metonym(m) {
			m.locational = false
		}
	}
}

// cueHints reads the words before a mention: the locative cue, "the northern city of", "the Syrian port of".
func (r *run) cueHints(m *mention) {
	d := r.d
	p := d.prevWord(m.lo)
	if p >= 0 && d.folded[p] == "the" {
		p = d.prevWord(p)
	}
	if p < 0 {
		return
	}
	w := d.folded[p]
	if d.is(p, wcLocativeCue) {
		m.cue = w
	}
	if w != "of" {
		return
	}
	q := d.prevWord(p)
	if q < 0 || !d.is(q, wcPlaceNoun) {
		return
	}
	if a := d.prevWord(q); a >= 0 && (indefinites[d.folded[a]] || d.isCap(a) && d.tight(a) && !r.regionWord(a)) {
		m.noun = "part" // "a district of Odesa", "the Hodan district of Mogadishu": the name is what holds it
		return
	}
	m.noun = headNoun(d.folded[q])
	for k, n := d.prevWord(q), 0; k >= 0 && n < 3; k, n = d.prevWord(k), n+1 {
		if c, ok := r.g.CountryByDemonym(d.folded[k]); ok {
			m.hintCC = c.Code
			return
		}
		if c, ok := r.g.CountryByName(d.folded[k]); ok && d.isCap(k) {
			m.hintCC = c.Code // "Syria's port of Tartus"
			return
		}
	}
}

// headHint reads a lower-case place head after a mention: "Idlib province", "Aleppo city".
func (r *run) headHint(m *mention) {
	if w := r.d.word(m.hi); w != "" && !r.d.isCap(m.hi) && r.d.is(m.hi, wcPlaceHead) {
		m.noun = headNoun(w)
		if m.noun == "feature" {
			m.feature = w
		}
	}
}

// metonym reports whether a mention is the subject of a government's verb: "Moscow denies",
// "Washington on Tuesday blamed", "the Kremlin has said".
func (r *run) metonym(m *mention) bool {
	d := r.d
	if m.cue != "" && m.cue != "of" {
		return false
	}
	i := m.hi
	if i < len(d.toks) && d.word(i) == "'s" {
		return false
	}
	for n := 0; n < 4 && i < len(d.toks); n++ {
		w := d.word(i)
		switch {
		case w != "" && d.is(i, wcSpeechVerb):
			return true
		case w != "" && d.is(i, wcAuxiliary):
			i++
		case w == "on" && d.isWord(i+1) && d.is(i+1, wcWeekday):
			i += 2
		default:
			return false
		}
	}
	return false
}

// regionWord reports whether word a is a demonym, a country's or a first-order division's name.
func (r *run) regionWord(a int) bool {
	w := r.d.folded[a]
	if _, ok := r.g.CountryByDemonym(w); ok {
		return true
	}
	if _, ok := r.g.CountryByName(w); ok {
		return true
	}
	for _, p := range r.lookup(w) {
		if isAdmin1(p) {
			return true
		}
	}
	return false
}
