package geoparse

import (
	"sort"
	"sync"
	"sync/atomic"

	"sitrep/internal/event"
	"sitrep/internal/gazetteer"
)

// Parser recognises and resolves place names against a gazetteer. It is read-only and safe for concurrent use.
type Parser struct {
	g        *gazetteer.Gazetteer
	opts     Options
	lookups  sync.Map // folded key -> []gazetteer.Place, shared by all calls
	prefixes sync.Map // folded key -> bool
	cached   atomic.Int64
}

// maxCached bounds the entries of the parser's lookup caches.
const maxCached = 1 << 18

// lookup returns the places of a folded key (loose: of its transliteration key), cached across calls. The
// returned slice is shared: callers must not modify it.
func (p *Parser) lookup(key string, loose bool) []gazetteer.Place {
	k := key
	if loose {
		k = "~" + key
	}
	if v, ok := p.lookups.Load(k); ok {
		return v.([]gazetteer.Place)
	}
	var ps []gazetteer.Place
	if loose {
		ps = p.g.LookupLoose(key)
	} else {
		ps = p.g.Lookup(key)
	}
	if p.cached.Add(1) < maxCached {
		p.lookups.Store(k, ps)
	}
	return ps
}

// hasPrefix is gazetteer.HasPrefix, cached across calls.
func (p *Parser) hasPrefix(key string) bool {
	if v, ok := p.prefixes.Load(key); ok {
		return v.(bool)
	}
	b := p.g.HasPrefix(key)
	if p.cached.Add(1) < maxCached {
		p.prefixes.Store(key, b)
	}
	return b
}

// Options tunes a Parser.
type Options struct {
	// Demonyms also reports adjectives of nationality used as modifiers ("Syrian forces", "the Russian
	// government") as toponyms of their country, with Locational false and Kind KindDemonym. Off by
	// default: a demonym is not a place name, but some annotation schemes (GeoWebNews) count modifiers.
	Demonyms bool
	// FirstName, when set, reports whether a word is a given name (lexicon.IsFirstName). A place name after
	// one is a surname ("Andrew Jordan"); one before a capitalised word is a person's ("Victoria Rowell"); a
	// small place named like a person is left out unless a locative cue stands before it.
	FirstName func(word string) bool
}

// New returns a parser over g (gazetteer.Default or gazetteer.Open).
func New(g *gazetteer.Gazetteer) *Parser { return &Parser{g: g} }

// NewWithOptions returns a parser over g tuned by o.
func NewWithOptions(g *gazetteer.Gazetteer, o Options) *Parser { return &Parser{g: g, opts: o} }

// Parse finds the place names of a text (a whole document, for its context) and resolves them, ordered by
// Start. Demonyms are left out; metonyms are kept with Locational false.
func (p *Parser) Parse(text string) []Toponym {
	d := prepare(text)
	r := newRun(p, d)
	r.recognise()
	r.resolve()
	return r.toponyms()
}

// Resolve resolves the given spans (an oracle recogniser's) in the context of text. A span that is out of
// range or does not fall on token boundaries is resolved from its text alone; a span no place matches comes
// back unresolved.
func (p *Parser) Resolve(text string, spans []event.Span) []Toponym {
	d := prepare(text)
	r := newRun(p, d)
	r.keepUnresolved = true
	sorted := append([]event.Span(nil), spans...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Start < sorted[j].Start })
	for _, s := range sorted {
		r.addSpan(s)
	}
	r.resolve()
	return r.toponyms()
}
