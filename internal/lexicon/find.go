package lexicon

import (
	"slices"
	"strings"
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
// written; hyphens count as spaces; a possessive "'s" after a name ends the match before it.
func (l *Lexicon) Find(text string, base int, cats ...Category) []Match {
	if l == nil || l.root == nil {
		return nil
	}
	f := finder{text: text, cats: cats}
	var out []Match
	for pos := 0; pos < len(text); {
		start, end := nextToken(text, pos)
		if start == len(text) {
			break
		}
		f.best = candidate{}
		f.walk(l.root, start, end, 0)
		if f.best.end == 0 {
			pos = end
			continue
		}
		out = append(out, f.match(start, base))
		pos = f.best.end
	}
	return out
}

// finder holds the state of one Find call.
type finder struct {
	text  string
	cats  []Category
	buf   []byte
	raw   []string // the tokens of the path being walked, as written
	best  candidate
	kids  []*node
	start int
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
func (f *finder) accept(c *node, end, depth int) {
	var ok []term
	for _, t := range c.terms {
		if f.allowed(t, depth) {
			ok = append(ok, t)
		}
	}
	switch {
	case len(ok) == 0:
	case end > f.best.end:
		f.best = candidate{end: end, terms: ok}
	default: // the same span reached by another path (an exact word and a wildcard prefix)
		f.best.terms = append(f.best.terms, ok...)
	}
}

// allowed reports whether t is in a category asked for and, for a case-sensitive pattern, written as in the
// lexicon.
func (f *finder) allowed(t term, depth int) bool {
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

// match builds the Match of the best candidate starting at start.
func (f *finder) match(start, base int) Match {
	terms := f.best.terms
	slices.SortStableFunc(terms, func(a, b term) int { return f.rank(a.entry) - f.rank(b.entry) })
	m := Match{
		Start: base + start, End: base + f.best.end, Text: f.text[start:f.best.end],
		Entry: terms[0].entry, Alias: terms[0].pat.source, Column: terms[0].pat.column,
	}
	for _, t := range terms[1:] {
		if t.entry != m.Entry && !slices.Contains(m.Alt, t.entry) {
			m.Alt = append(m.Alt, t.entry)
		}
	}
	return m
}

// rank orders entries: by the position of their category in the categories asked for, then by load order.
func (f *finder) rank(e *Entry) int {
	r := e.seq
	if i := slices.Index(f.cats, e.Category); i > 0 {
		r += i << 24
	}
	return r
}
