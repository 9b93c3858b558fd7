package geoparse

import (
	"sitrep/internal/gazetteer"
)

// mention is a recognised place name and what resolution knows about it.
type mention struct {
	start, end int                // byte offsets
	lo, hi     int                // token range [lo, hi), -1 when the span is not on tokens
	text       string             // the span's text
	key        string             // folded lookup key
	cands      []cand             // shared by the mentions of one name: read-only once built
	scores     []float64          // the score of each candidate at the last choice
	kd         *keyData           // shared by the mentions of one name, nil for others
	country    *gazetteer.Country // the country the name itself denotes ("Syria", "the US")
	cue        string             // the locative word before the name ("in", "near"), folded
	noun       string             // "city", "region" or "feature" from "the city of X", or the division word of "X province"
	feature    string             // the lower-case feature word after the name ("river" of "the Niger river"), if any
	hintCC     string             // a country hint: "the Syrian port of X", "X, Syria"
	hintA1     string             // an admin1 hint with hintCC: "X, Texas"
	nearOf     int                // for "X near Y" with X unknown: the index of Y's mention, else -1
	near       bool               // X of "X near Y" is unknown: resolve to Y with precision near
	street     bool               // a street name: placed at the document's city
	fallbackCC string             // for a given span no place matches: the document's main country
	fallbackA1 string             // with fallbackCC: the division of it the document centres on, if any
	preset     []gazetteer.Place  // candidates found by a fallback (transliteration variants)
	loose      bool               // the candidates are transliteration variants of the name (LookupLoose)
	demonym    bool               // an adjective of nationality (Options.Demonyms)
	alsoAdmin1 bool               // a first-order division has the name as its main name ("Georgia")
	orphan     bool               // every candidate is a small foreign homonym: placed by its neighbours
	siblings   []int              // the mentions listed with this one ("Texas, Georgia and Ohio")
	locational bool
	choice     int // index into cands, -1 when unresolved
	rule       string
}

// head returns the division word written with the mention ("region" of "Sagaing region"), or "".
func (m *mention) head() string {
	if m.noun != "" && divisionHeads[m.noun] {
		return m.noun
	}
	return ""
}

// cand is one candidate place of a mention with its prior.
type cand struct {
	p     gazetteer.Place
	prior float64
}

// run is the state of one Parse or Resolve call.
type run struct {
	p              *Parser
	g              *gazetteer.Gazetteer
	d              *docText
	ms             []mention
	names          map[string]bool      // words seen as part of person names
	words          map[string]nameEntry // wordEntry's answers
	demonyms       []string             // the countries of the demonyms in the text ("Syrian" -> SY)
	keepUnresolved bool                 // Resolve reports the spans it cannot resolve
	initials       []initialName        // small places left out at the start of a sentence (reviveInitials)
	byKey          map[string]keyCands  // the candidates of each name, shared by its mentions
	pass           int                  // the number of the current scoring pass
	mainCity       int                  // 1 + the mention of the document's main city, 0 before cityOf
	mainCC         *string              // the document's main country, nil before nearLinks needs it
	mainA1         string               // the division of mainCC the document centres on, "" when none
	f              *focus               // the document's focus, once computed
	memo           map[signature]choice // chooseAll's choices by signature, for the current pass
	comps          [][nComp]float64     // choose's score components, reused
	keyBuf         []byte               // longest's lookup key, reused
	sc             *scratch             // where the memory above comes from, and returns to (release)
}

// newRun starts a run of p over d, with the memory of sc (that of d too).
func newRun(p *Parser, d *docText, sc *scratch) *run {
	return &run{p: p, g: p.g, d: d, names: sc.names, words: sc.words, byKey: sc.byKey, memo: sc.memo, comps: sc.comps,
		keyBuf: sc.keyBuf, ms: sc.ms, sc: sc}
}

// entry returns what the gazetteer holds under folded words.
func (r *run) entry(key string) nameEntry { return r.p.names.get(key, r.p.entryOf) }

// wordEntry is entry for the folded word of a token, remembered for the run: a document repeats its names
// and its sentence-initial words.
func (r *run) wordEntry(w string) nameEntry {
	e, ok := r.words[w]
	if !ok {
		e = r.entry(w)
		r.words[w] = e
	}
	return e
}

// lookup returns the places of a folded key.
func (r *run) lookup(key string) []gazetteer.Place { return r.p.lookup(key, false) }

// lookupLoose returns the places of a transliteration variant of key.
func (r *run) lookupLoose(key string) []gazetteer.Place { return r.p.lookup(key, true) }
