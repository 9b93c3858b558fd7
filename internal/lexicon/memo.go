package lexicon

import "strings"

// The engine asks Find for several sets of categories in each sentence (cues, then weapons and targets, then
// actors, claims...). Each call used to cut the sentence into tokens and ask the root of the trie for each
// again; a finder now keeps, for the texts it saw lately, their tokens and the root's children for each (the
// part of the work that does not depend on the categories asked for).

const (
	memoMaxText  = 4 << 10 // longer texts are not kept
	memoMaxTexts = 256     // the memo is emptied when it holds more texts than this
)

// rootTok is one token of a kept text: [start, end) in the text, and memo.kids[lo:hi] are the children of
// the root it leads to (in the order node.children gives them), mask the union of their category masks.
type rootTok struct {
	start, end int32
	lo, hi     int32
	mask       uint64
}

// memo is the kept root steps of one finder.
type memo struct {
	lex   *Lexicon
	texts map[string][2]int32 // text (a copy) -> toks[lo:hi]
	toks  []rootTok
	kids  []*node
}

// tokens returns the root steps of text for l, computing and keeping them when text is not yet kept. buf is
// scratch space. ok is false for a text too long to keep.
func (m *memo) tokens(l *Lexicon, text string, buf []byte) (toks []rootTok, nbuf []byte, ok bool) {
	if len(text) > memoMaxText {
		return nil, buf, false
	}
	if m.lex != l || len(m.texts) >= memoMaxTexts {
		m.reset(l)
	}
	if r, hit := m.texts[text]; hit {
		return m.toks[r[0]:r[1]], buf, true
	}
	lo := len(m.toks)
	for pos := 0; pos < len(text); {
		start, end := nextToken(text, pos)
		if start == len(text) {
			break
		}
		pos = end
		klo := len(m.kids)
		kids, b, ok := l.rootKids(m.kids, buf, text[start:end])
		buf = b
		if ok {
			m.kids = kids
		} else {
			buf = foldToken(buf[:0], text[start:end])
			m.kids = l.root.children(m.kids, buf)
		}
		t := rootTok{start: int32(start), end: int32(end), lo: int32(klo), hi: int32(len(m.kids))}
		for _, c := range m.kids[klo:] {
			t.mask |= c.mask
		}
		m.toks = append(m.toks, t)
	}
	m.texts[strings.Clone(text)] = [2]int32{int32(lo), int32(len(m.toks))}
	return m.toks[lo:], buf, true
}

// reset empties m and binds it to l.
func (m *memo) reset(l *Lexicon) {
	clear(m.kids[:cap(m.kids)])
	if m.texts == nil {
		m.texts = map[string][2]int32{}
	}
	clear(m.texts)
	m.lex, m.toks, m.kids = l, m.toks[:0], m.kids[:0]
}
