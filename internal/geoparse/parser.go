package geoparse

import (
	"sort"

	"sitrep/internal/event"
	"sitrep/internal/gazetteer"
)

// Parser recognises and resolves place names against a gazetteer. It is read-only and safe for concurrent use.
type Parser struct {
	g *gazetteer.Gazetteer
}

// New returns a parser over g (gazetteer.Default or gazetteer.Open).
func New(g *gazetteer.Gazetteer) *Parser { return &Parser{g: g} }

// Parse finds the place names of a text (a whole document, for its context) and resolves them, ordered by
// Start. Demonyms are left out; metonyms are kept with Locational false.
func (p *Parser) Parse(text string) []Toponym {
	d := prepare(text)
	r := newRun(p.g, d)
	r.recognise()
	r.resolve()
	return r.toponyms()
}

// Resolve resolves the given spans (an oracle recogniser's) in the context of text. A span that is out of
// range or does not fall on token boundaries is resolved from its text alone; a span no place matches comes
// back unresolved.
func (p *Parser) Resolve(text string, spans []event.Span) []Toponym {
	d := prepare(text)
	r := newRun(p.g, d)
	r.keepUnresolved = true
	sorted := append([]event.Span(nil), spans...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Start < sorted[j].Start })
	for _, s := range sorted {
		r.addSpan(s)
	}
	r.resolve()
	return r.toponyms()
}
