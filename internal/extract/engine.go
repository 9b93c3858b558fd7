package extract

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"sitrep/internal/actors"
	"sitrep/internal/event"
	"sitrep/internal/geoparse"
	"sitrep/internal/lexicon"
	"sitrep/internal/scratch"
	"sitrep/internal/text"
)

// ErrUnsupportedLanguage is returned for a document whose Language is set and is not English; the result then
// holds the document and no events.
var ErrUnsupportedLanguage = errors.New("language not supported")

// UnsupportedLanguage is ErrUnsupportedLanguage for a text detected as lang, saying what sitrep reads, for
// messages that name the input themselves (the CLI, the API).
func UnsupportedLanguage(lang string) error {
	return fmt.Errorf("%w: the text reads as %q, and sitrep reads English only", ErrUnsupportedLanguage, lang)
}

// ErrNoCues is returned by New when the lexicon has no usable cues category.
var ErrNoCues = errors.New("lexicon has no event cues")

// Options tune an Engine.
type Options struct {
	// Explain adds to every event the rule and lexicon entry behind each value (event.Reason).
	Explain bool
}

// Engine turns documents into events. It is read-only after New and safe for concurrent use.
type Engine struct {
	lex       *lexicon.Lexicon
	geo       *geoparse.Parser
	act       *actors.Finder
	opts      Options
	cues      cueTable
	military  map[string]string // ISO2 -> "Military Forces of X" from actors_state
	countries map[string]string // ISO2 -> the country's name as actors_state writes it
	err       error
	window    int // bytes per window of a long document; windowBytes when 0
}

// New returns an engine over a lexicon (for cues, weapons and targets), a place parser and an actor finder.
// geo and act may be nil: events then carry no place, or no actors and claims. A lexicon without cues gives an
// engine whose Extract fails with ErrNoCues.
func New(lex *lexicon.Lexicon, geo *geoparse.Parser, act *actors.Finder, opts Options) *Engine {
	e := &Engine{lex: lex, geo: geo, act: act, opts: opts}
	if lex == nil {
		e.err = ErrNoCues
		return e
	}
	e.cues, _ = readCues(lex)
	e.military = militaryNames(lex)
	e.countries = map[string]string{}
	for code, name := range e.military {
		e.countries[code] = strings.TrimPrefix(name, "Military Forces of ")
	}
	if len(e.cues) == 0 {
		e.err = ErrNoCues
	}
	return e
}

// Extract reads one document and returns its events. Spans are UTF-8 byte offsets into doc.Text. A document in
// another language than English gives ErrUnsupportedLanguage (and a result without events); an empty text gives
// no events. A document longer than a window (256 KiB) is read window by window, as ExtractEach does.
func (e *Engine) Extract(ctx context.Context, doc event.Document) (event.Result, error) {
	return e.extract(ctx, doc, true)
}

// ExtractEvents is Extract without the entity pass: the result's Entities is nil. It is for callers that keep
// only the events (the ingest pipeline's batches), and saves the pass over every sentence that lists entities.
func (e *Engine) ExtractEvents(ctx context.Context, doc event.Document) (event.Result, error) {
	return e.extract(ctx, doc, false)
}

func (e *Engine) extract(ctx context.Context, doc event.Document, entities bool) (event.Result, error) {
	res := event.Result{Schema: event.Schema, Document: doc, Events: []event.Event{}}
	sp := eventScratch.Get()
	evs := (*sp)[:0]
	ents, err := e.extractEach(ctx, doc, entities, func(ev event.Event) error {
		evs = append(evs, ev)
		return nil
	})
	if len(evs) > 0 { // a slice of exactly the events, not one grown by doubling (an Event is large)
		res.Events = make([]event.Event, len(evs))
		copy(res.Events, evs)
	}
	eventScratch.Put(sp, evs)
	if entities {
		res.Entities = ents.List()
	}
	return res, err
}

// eventScratch recycles the slices extract collects a document's events in.
var eventScratch = scratch.New[event.Event](maxScratchEvents)

const maxScratchEvents = 256

// ExtractEach reads one document as Extract does, but hands each event to emit as soon as the window it lies in
// is read, so that a long document's events need not all be held in memory; it returns the entities of the whole
// document (never nil). A document up to a window long is one window, read exactly as Extract always read it. A
// longer one is cut at paragraph breaks (else at sentence ends) into windows of about 256 KiB, each read as a
// document of its own (its own sentences, place names, focus country and dateline), with spans kept as offsets
// into the full text: an incident is not merged across a window's edge. An error from emit stops the reading and
// is returned.
func (e *Engine) ExtractEach(ctx context.Context, doc event.Document, emit func(event.Event) error) (*Entities, error) {
	return e.extractEach(ctx, doc, true, emit)
}

// extractEach is ExtractEach, listing entities only when entities is set.
func (e *Engine) extractEach(ctx context.Context, doc event.Document, entities bool, emit func(event.Event) error) (*Entities, error) {
	ents := &Entities{text: doc.Text}
	if lang := strings.ToLower(strings.TrimSpace(doc.Language)); lang != "" && lang != "en" {
		return ents, fmt.Errorf("extract %q: %w: %s", doc.ID, ErrUnsupportedLanguage, doc.Language)
	}
	if e.err != nil {
		return ents, fmt.Errorf("extract: %w", e.err)
	}
	ws := windows(doc.Text, e.windowSize())
	for _, w := range ws {
		r := &run{e: e, ctx: ctx, doc: doc, pub: doc.Published, lo: w[0], hi: w[1]}
		if err := r.scan(); err != nil {
			return ents, fmt.Errorf("extract %q: %w", doc.ID, err)
		}
		if err := r.emitEvents(emit); err != nil {
			return ents, err
		}
		switch {
		case !entities || e.act == nil || len(doc.Text) == 0:
		case len(ws) == 1:
			ents.plain = r.entities() // kept as they are: compact pays only across windows
		default:
			ents.add(r.entities())
		}
		r.release()
	}
	return ents, ctx.Err()
}

// emitEvents finds the window's events and hands them to emit in text order.
func (r *run) emitEvents(emit func(event.Event) error) error {
	for _, c := range r.group(r.detect()) {
		if ev, ok := r.build(c); ok {
			if err := emit(ev); err != nil {
				return err
			}
		}
	}
	return nil
}

// run is the state of one Extract call.
type run struct {
	e   *Engine
	ctx context.Context
	doc event.Document
	pub *event.Date
	// anchor is the day relative dates resolve against: the dateline's day when the report was filed in
	// the week before publication, else pub; set by anchorOf at its first call (anchored).
	anchor   *event.Date
	anchored bool
	sents    []*sent
	// lo and hi bound the window of doc.Text this run reads (the whole text for a document of one window).
	lo, hi int

	win     winTokens // the window's tokens, which its sentences and the geoparser share
	geoDone bool
	topos   []geoparse.Toponym
	focus   string
	slab    *[]sent      // the sentences r.sents points into (scan), recycled by release
	marks   *[]wordClass // the arena the sentences' marks are cut from (newMarks), recycled by release
	// hitArena and matchArena are the arenas the sentences' hits and their weapons and targets are cut from
	// (newHits, newMatches), hits and matches the parts cut so far; recycled by release.
	hitArena   *[]hit
	hits       []hit
	matchArena *[]lexicon.Match
	matches    []lexicon.Match
}

// hitArenas and matchArenas recycle the runs' arenas of hits and of matches (the weapons and targets of the
// sentences with a cue), which a run's sentences alone point into: a hit is 120 bytes, and the hits, weapons
// and targets of a document's sentences were about 4 KB of the 33 KB the extraction of a bench document
// allocated.
var (
	hitArenas   = scratch.New[hit](arenaSize)
	matchArenas = scratch.New[lexicon.Match](arenaSize)
)

// arenaSize is the capacity of an arena. Arenas do not grow: a run that needs more makes new slices (newHits).
const arenaSize = 128

// newHits returns an empty slice of capacity n cut from the run's arena of hits, or a new one when the arena
// has no room left.
func (r *run) newHits(n int) []hit { return cutArena(hitArenas, &r.hitArena, &r.hits, n) }

// newMatches is newHits for the arena of matches.
func (r *run) newMatches(n int) []lexicon.Match {
	return cutArena(matchArenas, &r.matchArena, &r.matches, n)
}

// cutArena returns an empty slice of capacity n cut from *arena past *used (the parts cut so far), taking the
// arena from pool at the first cut, or a new slice when the arena has no room left.
func cutArena[T any](pool *scratch.Pool[T], arena **[]T, used *[]T, n int) []T {
	if *arena == nil {
		*arena = pool.Get()
		if *used = (**arena)[:0]; cap(*used) < arenaSize {
			*used = make([]T, 0, arenaSize)
		}
	}
	if part, ok := cutN(used, n); ok {
		return part[:0]
	}
	return make([]T, 0, n)
}

// cutN extends *arena by n elements within its capacity and returns them (capacity n, so that an append past
// them leaves the arena), or false when the arena has no room for n more.
func cutN[T any](arena *[]T, n int) ([]T, bool) {
	l := len(*arena)
	if cap(*arena)-l < n {
		return nil, false
	}
	*arena = (*arena)[:l+n]
	return (*arena)[l : l+n : l+n], true
}

// markArenas recycles the runs' arenas of marks; maxMarks is the largest kept. The marks hold no pointers and
// are written before they are read: an arena goes back without clearing.
var markArenas = sync.Pool{New: func() any { s := make([]wordClass, 0, 2048); return &s }}

const maxMarks = 1 << 16

// slabs recycles the slices of sentences of finished runs. Nothing outside a run keeps a pointer into its
// sentences: events, claims, entities and explanations are built as values or from the sentences' own slices
// (tokens, mentions, counts...), which are not recycled.
var slabs = sync.Pool{New: func() any { return new([]sent) }}

// maxSlab is the longest slice of sentences slabs keeps.
const maxSlab = 1024

// newSlab returns n zeroed sentences, from slabs when one is long enough.
func newSlab(n int) *[]sent {
	if n <= maxSlab {
		p := slabs.Get().(*[]sent)
		if cap(*p) >= n {
			*p = (*p)[:n] // zeroed by release
			return p
		}
		slabs.Put(p)
	}
	s := make([]sent, n)
	return &s
}

// release zeroes the run's sentences (they hold the document's text and its slices) and hands them back to
// slabs; the run is not used after it.
func (r *run) release() {
	if m := r.marks; m != nil && cap(*m) <= maxMarks {
		*m = (*m)[:0]
		markArenas.Put(m)
	}
	r.marks = nil
	if r.hitArena != nil {
		hitArenas.Put(r.hitArena, r.hits) // the sentences' slices lie in r.hits: appends past them went elsewhere
	}
	if r.matchArena != nil {
		matchArenas.Put(r.matchArena, r.matches)
	}
	r.hitArena, r.hits, r.matchArena, r.matches = nil, nil, nil, nil
	r.win.release()
	p := r.slab
	r.slab, r.sents = nil, nil
	if p == nil || cap(*p) > maxSlab {
		return
	}
	clear((*p)[:cap(*p)])
	slabs.Put(p)
}

// matchScratch recycles the slices scan reads each sentence's matches into.
var matchScratch = scratch.New[lexicon.Match](maxScratchMatches)

const maxScratchMatches = 1024

// scan splits the text into sentences and finds the cues, weapons and targets of each.
func (r *run) scan() error {
	bounds := text.SentenceBounds(r.doc.Text[r.lo:r.hi])
	low := lower(r.doc.Text[r.lo:r.hi]) // folded once for the window: each sentence's words are slices of it
	r.slab = newSlab(len(bounds))       // the window's sentences, zeroed: one slice, recycled (release)
	slab := *r.slab
	r.marks = markArenas.Get().(*[]wordClass)
	r.win = winTokens{text: r.doc.Text[r.lo:r.hi], base: r.lo}
	r.sents = make([]*sent, 0, len(bounds))
	mp := matchScratch.Get()
	ms := (*mp)[:0] // the matches of the sentence's last Find: every one is copied out before the next
	for i, b := range bounds {
		if i%64 == 0 {
			if err := r.ctx.Err(); err != nil {
				return err
			}
		}
		st := &slab[i]
		st.idx, st.low, st.marksArena, st.win = i, low[b[0]:b[1]], r.marks, &r.win
		b[0], b[1] = b[0]+r.lo, b[1]+r.lo
		st.Sentence = text.Sentence{Start: b[0], End: b[1], Text: r.doc.Text[b[0]:b[1]]}
		s := st.Sentence
		ms = r.e.lex.AppendFind(ms[:0], s.Text, s.Start, catCues)
		found := ms
		if !r.relevant(found) {
			found = nil // force, place and crowd words alone change nothing
		} else {
			st.tokenize()
			st.hits = r.newHits(len(found))
		}
		for _, m := range found {
			if info := r.e.cues[m.Entry]; info != nil {
				st.hits = append(st.hits, hit{Match: m, info: info, tok: st.tokenAt(m.Start)})
			}
		}
		r.innerCues(st)
		if len(st.hits) > 0 {
			ms = r.e.lex.AppendFind(ms[:0], s.Text, s.Start, catWeapons, catTargets)
			nw := 0 // each list made at its size once (nil when empty, as append leaves it), not grown by doubling
			for _, m := range ms {
				if m.Entry.Category == catWeapons {
					nw++
				}
			}
			if nw > 0 {
				st.weapons = r.newMatches(nw)
			}
			if len(ms) > nw {
				st.targets = r.newMatches(len(ms) - nw)
			}
			for _, m := range ms {
				if m.Entry.Category == catWeapons {
					st.weapons = append(st.weapons, m)
				} else {
					st.targets = append(st.targets, m)
				}
			}
		}
		r.sents = append(r.sents, st)
	}
	matchScratch.Put(mp, ms[:cap(ms)]) // each sentence's Find reused the slice: values may lie past its length
	return nil
}

// relevant reports a cue that can start, join or qualify an event (not only context words).
func (r *run) relevant(ms []lexicon.Match) bool {
	for _, m := range ms {
		if c := r.e.cues[m.Entry]; c != nil {
			switch c.class {
			case classForce, classTerritory, classCrowd, classDecree, classBack:
			default:
				return true
			}
		}
	}
	return false
}

// innerCues adds the event noun of each anaphor ("shelling" in "the shelling") as a cue of its own: the
// sentence may report the incident again with new facts ("the death toll from the shelling rose to six").
func (r *run) innerCues(st *sent) {
	n := len(st.hits)
	for i := 0; i < n; i++ {
		h := st.hits[i]
		sp := strings.IndexByte(h.Text, ' ')
		if h.info.class != classAnaphor || sp < 0 {
			continue
		}
		for _, m := range r.e.lex.Find(h.Text[sp+1:], h.Start+sp+1, catCues) {
			if info := r.e.cues[m.Entry]; info != nil && info.trigger() {
				st.hits = append(st.hits, hit{Match: m, info: info, tok: st.tokenAt(m.Start), inner: true})
				break
			}
		}
	}
	if len(st.hits) > n {
		slices.SortStableFunc(st.hits, func(a, b hit) int { return a.Start - b.Start })
	}
}

// sentences returns the text sentences with their tokens, for the actor finder.
func (r *run) sentences() []text.Sentence {
	out := make([]text.Sentence, len(r.sents))
	for i, s := range r.sents {
		s.tokenize()
		out[i] = s.Sentence
	}
	return out
}
