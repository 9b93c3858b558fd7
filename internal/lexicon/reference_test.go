package lexicon

// The matcher as it was before the root filter and category pruning, kept verbatim as the reference that
// FuzzFindMatchesReference compares Find with.

import (
	"slices"
	"strings"
)

// referenceFind is Find as it was: every token walks the whole trie, categories are checked at the end.
func (l *Lexicon) referenceFind(text string, base int, cats ...Category) []Match {
	if l == nil || l.root == nil {
		return nil
	}
	f := refFinder{text: text, cats: cats}
	for pos := 0; pos < len(text); {
		start, end := nextToken(text, pos)
		if start == len(text) {
			break
		}
		f.best = refCandidate{terms: f.best.terms[:0]}
		f.walk(l.root, start, end, 0)
		if f.best.end == 0 {
			pos = end
			continue
		}
		f.record(start)
		pos = f.best.end
	}
	return f.matches(l, base)
}

// hit is a found match in compact form (no pointers, so collecting many is cheap).
type refHit struct {
	start, end int
	term       int32 // Lexicon.terms index of the preferred term
	alt        int32 // index in refFinder.alts, -1 when none
}

// refFinder holds the state of one Find call.
type refFinder struct {
	text string
	cats []Category
	buf  []byte
	raw  []string // the tokens of the path being walked, as written
	best refCandidate
	kids []*node
	hits []refHit
	alts [][]*Entry
}

// refCandidate is the longest accepted match from the current start.
type refCandidate struct {
	end   int
	terms []term
}

// walk consumes the token [start, end) from n and goes on as deep as the trie allows.
func (f *refFinder) walk(n *node, start, end, depth int) {
	f.buf = foldToken(f.buf[:0], f.text[start:end])
	mark := len(f.kids)
	f.kids = refChildren(n, f.kids, f.buf)
	kids := f.kids[mark:]
	if len(kids) == 0 {
		f.kids = f.kids[:mark]
		return
	}
	f.raw = append(f.raw[:depth], f.text[start:end])
	var ns, ne int
	for i := 0; i < len(kids); i++ {
		c := f.kids[mark+i]
		if len(c.terms) > 0 && end >= f.best.end {
			f.accept(c, end, depth+1)
		}
		if len(c.next) == 0 && len(c.pre) == 0 {
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
func (f *refFinder) accept(c *node, end, depth int) {
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
func (f *refFinder) allowed(t term, depth int) bool {
	if len(f.cats) > 0 && !slices.Contains(f.cats, t.entry.Category) {
		return false
	}
	if !t.pat.cased {
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

// record keeps the best refCandidate starting at start.
func (f *refFinder) record(start int) {
	terms := f.best.terms
	if len(terms) > 1 {
		slices.SortStableFunc(terms, func(a, b term) int { return f.rank(a.entry) - f.rank(b.entry) })
	}
	h := refHit{start: start, end: f.best.end, term: terms[0].id, alt: -1}
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

// matches turns the hits into Matches.
func (f *refFinder) matches(l *Lexicon, base int) []Match {
	if len(f.hits) == 0 {
		return nil
	}
	out := make([]Match, len(f.hits))
	for i, h := range f.hits {
		t := l.terms[h.term]
		out[i] = Match{
			Start: base + h.start, End: base + h.end, Text: f.text[h.start:h.end],
			Entry: t.entry, Alias: t.pat.source, Column: t.pat.column,
		}
		if h.alt >= 0 {
			out[i].Alt = f.alts[h.alt]
		}
	}
	return out
}

// rank orders entries: by the position of their category in the categories asked for, then by load order.
func (f *refFinder) rank(e *Entry) int {
	r := e.seq
	if i := slices.Index(f.cats, e.Category); i > 0 {
		r += i << 24
	}
	return r
}

// refChildren appends to dst the nodes reached from n by the folded token k (node.children as it was).
func refChildren(n *node, dst []*node, k []byte) []*node {
	if c := n.next[string(k)]; c != nil {
		dst = append(dst, c)
	}
	for _, l := range n.preLens {
		if l <= len(k) {
			if c := n.pre[string(k[:l])]; c != nil {
				dst = append(dst, c)
			}
		}
	}
	return dst
}
