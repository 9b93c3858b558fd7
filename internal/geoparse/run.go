package geoparse

import (
	"sitrep/internal/gazetteer"
)

// mention is a recognised place name and what resolution knows about it.
type mention struct {
	start, end int    // byte offsets
	lo, hi     int    // token range [lo, hi), -1 when the span is not on tokens
	text       string // the span's text
	key        string // folded lookup key
	cands      []cand
	country    *gazetteer.Country // the country the name itself denotes ("Syria", "the US")
	cue        string             // the locative word before the name ("in", "near"), folded
	noun       string             // "city", "region" or "feature" from "the city of X", "X province"
	hintCC     string             // a country hint: "the Syrian port of X", "X, Syria"
	hintA1     string             // an admin1 hint with hintCC: "X, Texas"
	nearOf     int                // for "X near Y" with X unknown: the index of Y's mention, else -1
	near       bool               // X of "X near Y" is unknown: resolve to Y with precision near
	preset     []gazetteer.Place  // candidates found by a fallback (transliteration variants)
	alsoAdmin1 bool               // a first-order division has the name as its main name ("Georgia")
	siblings   []int              // the mentions listed with this one ("Texas, Georgia and Ohio")
	locational bool
	choice     int // index into cands, -1 when unresolved
	rule       string
}

// cand is one candidate place of a mention with its score.
type cand struct {
	p     gazetteer.Place
	prior float64
	score float64
}

// run is the state of one Parse or Resolve call.
type run struct {
	g              *gazetteer.Gazetteer
	d              *docText
	ms             []mention
	cache          map[string][]gazetteer.Place
	names          map[string]bool // words seen as part of person names
	demonyms       []string        // the countries of the demonyms in the text ("Syrian" -> SY)
	keepUnresolved bool            // Resolve reports the spans it cannot resolve
}

func newRun(g *gazetteer.Gazetteer, d *docText) *run {
	return &run{g: g, d: d, cache: map[string][]gazetteer.Place{}, names: map[string]bool{}}
}

// lookup returns the places of a folded key, cached for the run.
func (r *run) lookup(key string) []gazetteer.Place {
	if ps, ok := r.cache[key]; ok {
		return ps
	}
	ps := r.g.Lookup(key)
	r.cache[key] = ps
	return ps
}

// lookupLoose returns the places of a transliteration variant of key.
func (r *run) lookupLoose(key string) []gazetteer.Place {
	k := "~" + key
	if ps, ok := r.cache[k]; ok {
		return ps
	}
	ps := r.g.LookupLoose(key)
	r.cache[k] = ps
	return ps
}
