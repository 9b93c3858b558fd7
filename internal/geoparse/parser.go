package geoparse

import (
	"sort"
	"sync/atomic"

	"sitrep/internal/event"
	"sitrep/internal/gazetteer"
	"sitrep/internal/text"
)

// Parser recognises and resolves place names against a gazetteer. It is read-only and safe for concurrent use.
type Parser struct {
	g      *gazetteer.Gazetteer
	opts   Options
	cached atomic.Int64
	// keyCands caches what lookupCandidates finds for a name read the plain way, bounded by maxCachedCands
	// in its own count (its entries are larger)
	keyCands    *cache[keyCands]
	cachedCands atomic.Int64
	// the caches, shared by all calls and bounded together by maxCached
	names      *cache[nameEntry]         // folded words -> what the gazetteer holds under them
	loose      *cache[[]gazetteer.Place] // folded key -> the places of its transliteration key
	stateNames *cache[[]gazetteer.Place] // folded key -> stateNamesOf
	major      *cache[bool]              // folded key -> majorNameOf
	other      *cache[bool]              // folded key -> otherNameOnlyOf
	folds      *cache[string]            // place name -> gazetteer.Fold of it
}

// nameEntry is what the gazetteer holds under some folded words: whether a name equals them or starts with
// them and a space, and the places of the names that equal them.
type nameEntry struct {
	prefix bool
	places []gazetteer.Place
}

// maxCached bounds the entries of the parser's lookup caches.
const maxCached = 1 << 18

// maxCachedCands bounds the names whose candidates the parser keeps.
const maxCachedCands = 1 << 16

// entryOf looks up folded words in the gazetteer.
func (p *Parser) entryOf(key string) nameEntry {
	if !p.g.HasPrefix(key) {
		return nameEntry{}
	}
	return nameEntry{prefix: true, places: p.g.Lookup(key)}
}

// lookup returns the places of a folded key (loose: of its transliteration key), cached across calls. The
// returned slice is shared: callers must not modify it.
func (p *Parser) lookup(key string, loose bool) []gazetteer.Place {
	if loose {
		return p.loose.get(key, p.g.LookupLoose)
	}
	return p.names.get(key, p.entryOf).places
}

// fold is gazetteer.Fold of a place's name, cached across calls.
func (p *Parser) fold(name string) string { return p.folds.get(name, gazetteer.Fold) }

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
func New(g *gazetteer.Gazetteer) *Parser { return NewWithOptions(g, Options{}) }

// NewWithOptions returns a parser over g tuned by o.
func NewWithOptions(g *gazetteer.Gazetteer, o Options) *Parser {
	p := &Parser{g: g, opts: o}
	p.names = newCache[nameEntry](&p.cached, maxCached)
	p.loose = newCache[[]gazetteer.Place](&p.cached, maxCached)
	p.stateNames = newCache[[]gazetteer.Place](&p.cached, maxCached)
	p.major = newCache[bool](&p.cached, maxCached)
	p.other = newCache[bool](&p.cached, maxCached)
	p.folds = newCache[string](&p.cached, maxCached)
	p.keyCands = newCache[keyCands](&p.cachedCands, maxCachedCands)
	return p
}

// Parse finds the place names of a text (a whole document, for its context) and resolves them, ordered by
// Start. Demonyms are left out; metonyms are kept with Locational false.
func (p *Parser) Parse(text string) []Toponym { return p.ParseSentences(text, nil) }

// ParseSentences is Parse for a text whose sentences the caller has already found: sentences must be
// text.SentenceBounds(text), which Parse would compute again (nil: Parse computes them).
func (p *Parser) ParseSentences(text string, sentences [][2]int) []Toponym {
	return p.ParseTokens(text, sentences, nil)
}

// ParseTokens is ParseSentences for a text the caller has also tokenized: toks must be text.Tokenize(doc, 0)
// (nil: ParseTokens tokenizes it), which ParseSentences would compute again. The parser only reads toks, and
// keeps no reference to them.
func (p *Parser) ParseTokens(doc string, sentences [][2]int, toks []text.Token) []Toponym {
	sc := scratches.Get().(*scratch)
	r := newRun(p, prepare(doc, sentences, toks, sc), sc)
	defer r.release()
	r.recognise()
	r.resolve()
	return r.toponyms()
}

// Resolve resolves the given spans (an oracle recogniser's) in the context of text. A span that is out of
// range or does not fall on token boundaries is resolved from its text alone; a span no place matches comes
// back unresolved.
func (p *Parser) Resolve(text string, spans []event.Span) []Toponym {
	sc := scratches.Get().(*scratch)
	r := newRun(p, prepare(text, nil, nil, sc), sc)
	defer r.release()
	r.keepUnresolved = true
	sorted := append([]event.Span(nil), spans...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Start < sorted[j].Start })
	for _, s := range sorted {
		r.addSpan(s)
	}
	r.resolve()
	return r.toponyms()
}
