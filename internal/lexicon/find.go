package lexicon

import (
	"slices"
	"strings"
	"sync"
)

// Match is one lexicon name or alias found in a text. Start and End are UTF-8 byte offsets into the document
// (base included); Text is the matched text as written.
type Match struct {
	Start, End int
	Text       string
	Entry      *Entry   // the preferred entry: first by the order of the categories asked for, then load order
	Alias      string   // the name or alias that matched, as written in the file
	Column     string   // where Alias comes from: "name", "aliases" or "formerly"
	Alt        []*Entry // other entries with the same name or alias at this span ("SNA": two armies); nil mostly
}

// Find returns the entries of cats (all categories when none given) named in text, leftmost-longest and
// without overlaps, in text order. base is added to every offset. Matching is on token boundaries and ignores
// case, diacritics and typographic quotes, except for ALL-CAPS aliases of 2-5 letters, which match only as
// written; hyphens count as spaces; a possessive "'s" after a name ends the match before it. text must not
// change while the Lexicon is in use (it is a slice of a document's immutable text, never a string made over
// a reused byte buffer): repeated Finds on one text are recognised by its address and length.
func (l *Lexicon) Find(text string, base int, cats ...Category) []Match {
	return l.AppendFind(nil, text, base, cats...)
}

// AppendFind appends the matches Find would return to dst and returns the extended slice: a caller that reads
// the matches of many texts one after another reuses one slice for them. A Match holds no reference to dst.
func (l *Lexicon) AppendFind(dst []Match, text string, base int, cats ...Category) []Match {
	if l == nil || l.root == nil {
		return dst
	}
	want := l.catMask(cats)
	if l.root.mask&want == 0 {
		return dst
	}
	f := finders.Get().(*finder)
	defer f.release()
	f.cats = append(f.cats[:0], cats...) // a copy, so that the caller's slice does not escape to the heap
	f.text, f.want = text, want
	if toks, ok := f.memo.tokens(l, f); ok {
		f.findKept(l, toks)
		return f.appendMatches(dst, l, base)
	}
	for pos := 0; pos < len(text); {
		start, end := nextToken(text, pos)
		if start == len(text) {
			break
		}
		f.best = candidate{terms: f.best.terms[:0]}
		if kids, buf, ok := l.rootKids(f.kids[:0], f.buf, text[start:end]); ok {
			f.kids, f.buf = kids, buf
			f.follow(0, start, end, 0)
		} else {
			f.walk(l.root, start, end, 0)
		}
		if f.best.end == 0 {
			pos = end
			continue
		}
		f.record(start)
		pos = f.best.end
	}
	return f.appendMatches(dst, l, base)
}

// findKept is the loop of Find over the kept walks of the text: from each token after the last match, the
// longest of its kept terms in the categories asked for (with every other term of that length, in the order
// the walk met them, as follow would have accepted them).
func (f *finder) findKept(l *Lexicon, toks []rootTok) {
	pos := 0
	for _, t := range toks {
		if int(t.start) < pos || t.mask&f.want == 0 { // inside the last match, or no term in the categories asked for
			continue
		}
		terms, best := f.best.terms[:0], int32(0)
		for _, c := range f.memo.cands[t.lo:t.hi] {
			if c.end < best || c.bit&f.want == 0 {
				continue
			}
			tm := l.terms[c.term]
			if c.bit == overflowBit && !f.catAllowed(tm) { // a bit shared by several categories: ask by name
				continue
			}
			if c.end > best {
				terms, best = terms[:0], c.end
			}
			terms = append(terms, tm)
		}
		f.best = candidate{end: int(best), terms: terms}
		if best == 0 {
			continue
		}
		f.record(int(t.start))
		pos = int(best)
	}
}

// finders recycles the buffers of Find calls.
var finders = sync.Pool{New: func() any { return new(finder) }}

// release empties f, keeping its buffers, and returns it to finders.
func (f *finder) release() {
	clear(f.raw[:cap(f.raw)]) // drop references to the text and the trie
	clear(f.kids[:cap(f.kids)])
	clear(f.alts[:cap(f.alts)])
	*f = finder{cats: f.cats[:0], buf: f.buf[:0], raw: f.raw[:0], best: candidate{terms: f.best.terms[:0]},
		kids: f.kids[:0], hits: f.hits[:0], alts: f.alts[:0], memo: f.memo}
	finders.Put(f)
}

// hit is a found match in compact form (no pointers, so collecting many is cheap).
type hit struct {
	start, end int
	term       int32 // Lexicon.terms index of the preferred term
	alt        int32 // index in finder.alts, -1 when none
}

// finder holds the state of one Find call.
type finder struct {
	text string
	cats []Category
	want uint64 // Lexicon.catMask of cats: subtrees without these categories are not walked
	buf  []byte
	raw  []string // the tokens of the path being walked, as written
	best candidate
	kids []*node
	hits []hit
	alts [][]*Entry
	memo memo // the walks of the texts this finder saw lately
}

// candidate is the longest accepted match from the current start.
type candidate struct {
	end   int
	terms []term
}

// walk consumes the token [start, end) from n and goes on as deep as the trie allows.
func (f *finder) walk(n *node, start, end, depth int) {
	f.buf = foldToken(f.buf[:0], f.text[start:end])
	mark := len(f.kids)
	f.kids = n.children(f.kids, f.buf)
	f.follow(mark, start, end, depth)
}

// follow accepts and walks on from the nodes f.kids[mark:], reached by the token [start, end), and pops them.
func (f *finder) follow(mark, start, end, depth int) {
	kids := f.kids[mark:]
	if len(kids) == 0 {
		f.kids = f.kids[:mark]
		return
	}
	f.raw = append(f.raw[:depth], f.text[start:end])
	var ns, ne int
	for i := 0; i < len(kids); i++ {
		c := f.kids[mark+i]
		if c.mask&f.want == 0 {
			continue
		}
		if len(c.terms) > 0 && end >= f.best.end {
			f.accept(c, end, depth+1)
		}
		if c.leaf {
			continue
		}
		if ns == 0 && ne == 0 {
			ns, ne = nextToken(f.text, end)
		}
		if ns < len(f.text) {
			f.walk(c, ns, ne, depth+1)
			f.raw = f.raw[:depth+1]
			f.raw[depth] = f.text[start:end]
		}
	}
	f.kids = f.kids[:mark]
}

// accept records the terms of c that are allowed (category asked for, case as written) as the best match.
func (f *finder) accept(c *node, end, depth int) {
	if end > f.best.end {
		n := len(f.best.terms)
		for _, t := range c.terms {
			if f.allowed(t, depth) {
				f.best.terms = append(f.best.terms, t)
			}
		}
		if len(f.best.terms) > n { // a longer match: drop the shorter one's terms
			f.best.terms = append(f.best.terms[:0], f.best.terms[n:]...)
			f.best.end = end
		}
		return
	}
	for _, t := range c.terms { // the same span reached by another path (an exact word and a wildcard prefix)
		if f.allowed(t, depth) {
			f.best.terms = append(f.best.terms, t)
		}
	}
}

// allowed reports whether t is in a category asked for and, for a case-sensitive pattern, written as in the
// lexicon.
func (f *finder) allowed(t term, depth int) bool {
	return f.catAllowed(t) && f.caseAllowed(t, depth)
}

// catAllowed reports whether t is in a category asked for.
func (f *finder) catAllowed(t term) bool {
	if len(f.cats) > 0 {
		if b := t.bit; b&f.want == 0 || b == overflowBit && !slices.Contains(f.cats, t.entry.Category) {
			return false
		}
	}
	return true
}

// caseAllowed reports whether t, reached at depth, is written as in the lexicon when its pattern is
// case-sensitive (f.raw holds the tokens of the path as written).
func (f *finder) caseAllowed(t term, depth int) bool {
	if !t.cased {
		return true
	}
	raw := t.pat.raw
	if len(raw) != depth {
		return false
	}
	for i, w := range raw {
		got := f.raw[i]
		if i == len(raw)-1 && t.pat.wild {
			if !strings.HasPrefix(got, w) {
				return false
			}
		} else if got != w {
			return false
		}
	}
	return true
}

// record keeps the best candidate starting at start.
func (f *finder) record(start int) {
	terms := f.best.terms
	if len(terms) > 1 {
		slices.SortStableFunc(terms, func(a, b term) int { return f.rank(a.entry) - f.rank(b.entry) })
	}
	h := hit{start: start, end: f.best.end, term: terms[0].id, alt: -1}
	var alt []*Entry
	for _, t := range terms[1:] {
		if t.entry != terms[0].entry && !slices.Contains(alt, t.entry) {
			alt = append(alt, t.entry)
		}
	}
	if alt != nil {
		h.alt = int32(len(f.alts))
		f.alts = append(f.alts, alt)
	}
	f.hits = append(f.hits, h)
}

// appendMatches appends the hits to dst as Matches; with a nil dst it returns nil when there is no hit, and
// otherwise a slice of exactly the hits.
func (f *finder) appendMatches(dst []Match, l *Lexicon, base int) []Match {
	if len(f.hits) == 0 {
		return dst
	}
	if dst == nil {
		dst = make([]Match, 0, len(f.hits))
	} else {
		dst = slices.Grow(dst, len(f.hits))
	}
	for _, h := range f.hits {
		t := l.terms[h.term]
		m := Match{
			Start: base + h.start, End: base + h.end, Text: f.text[h.start:h.end],
			Entry: t.entry, Alias: t.pat.source, Column: t.pat.column,
		}
		if h.alt >= 0 {
			m.Alt = f.alts[h.alt]
		}
		dst = append(dst, m)
	}
	return dst
}

// rank orders entries: by the position of their category in the categories asked for, then by load order.
func (f *finder) rank(e *Entry) int {
	r := e.seq
	if i := slices.Index(f.cats, e.Category); i > 0 {
		r += i << 24
	}
	return r
}
