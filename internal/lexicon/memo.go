package lexicon

import "unsafe"

// The engine asks Find for several sets of categories in each sentence (cues, then weapons and targets, then
// actors, entities, claims...). A finder keeps, for the texts it saw lately, every term the trie reaches from
// each token of the text, whatever its category, with the end of its span (the part of the work that does
// not depend on the categories asked for). The first Find on a text walks the whole trie from each token once;
// every Find on it, the first included, then only picks, token by token, the longest of the kept terms whose
// category was asked for.

const (
	memoMaxText  = 4 << 10 // longer texts are not kept
	memoMaxTexts = 256     // the memo is emptied when it holds this many texts
)

// rootTok is one token of a kept text: [start, end) in the text, and memo.cands[lo:hi] are the terms the trie
// reaches from it, in the order the walk meets them; mask is the union of their category bits.
type rootTok struct {
	start, end int32
	lo, hi     int32
	mask       uint64
}

// cand is a term reached from a kept token: its Lexicon.terms index, the end of its span and its category bit.
// The case of a case-sensitive pattern was checked when it was kept.
type cand struct {
	end  int32
	term int32
	bit  uint64
}

// memo is the kept walks of one finder.
type memo struct {
	lex   *Lexicon
	texts map[string][2]int32 // text (a copy) -> toks[lo:hi]
	toks  []rootTok
	cands []cand
	// last is the text of the last call as the caller gave it, and lastR its toks[lo:hi]: the engine asks
	// about one sentence several times in a row, and the same bytes in memory (kept alive by last) are the
	// same text without hashing it.
	last  string
	lastR [2]int32
	// keys holds the bytes of the keys of texts, one after another: one allocation for many texts instead of a
	// copy each. A key's bytes are not written again while the key is in texts (reset empties texts before
	// it reuses keys; an array append leaves behind stays with the keys in it).
	keys []byte
}

// tokens returns the kept walks of f.text for l, walking and keeping them when the text is not yet kept. ok
// is false for a text too long to keep. f's walking state (kids, raw, buf) is used as scratch space.
func (m *memo) tokens(l *Lexicon, f *finder) (toks []rootTok, ok bool) {
	text := f.text
	if len(text) > memoMaxText {
		return nil, false
	}
	if m.lex != l || len(m.texts) >= memoMaxTexts {
		m.reset(l)
	}
	if len(text) == len(m.last) && len(text) > 0 && unsafe.StringData(text) == unsafe.StringData(m.last) {
		return m.toks[m.lastR[0]:m.lastR[1]], true
	}
	if r, hit := m.texts[text]; hit {
		m.last, m.lastR = text, r
		return m.toks[r[0]:r[1]], true
	}
	lo := len(m.toks)
	for pos := 0; pos < len(text); {
		start, end := nextToken(text, pos)
		if start == len(text) {
			break
		}
		pos = end
		kids, buf, ok := l.rootKids(f.kids[:0], f.buf, text[start:end])
		f.buf = buf
		if ok {
			f.kids = kids
		} else {
			f.buf = foldToken(f.buf[:0], text[start:end])
			f.kids = l.root.children(f.kids[:0], f.buf)
		}
		t := rootTok{start: int32(start), end: int32(end), lo: int32(len(m.cands))}
		f.collect(0, start, end, 0)
		t.hi = int32(len(m.cands))
		for _, c := range m.cands[t.lo:t.hi] {
			t.mask |= c.bit
		}
		m.toks = append(m.toks, t)
	}
	r := [2]int32{int32(lo), int32(len(m.toks))}
	m.texts[m.keep(text)] = r
	m.last, m.lastR = text, r
	return m.toks[lo:], true
}

// collect keeps every term of the nodes f.kids[mark:], reached by the token [start, end), and of the nodes
// below them, in the order follow meets them, and pops the nodes. Only the case of case-sensitive patterns is
// checked: the categories are checked when a Find picks from the kept terms.
func (f *finder) collect(mark, start, end, depth int) {
	n := len(f.kids) - mark
	if n == 0 {
		return
	}
	f.raw = append(f.raw[:depth], f.text[start:end])
	var ns, ne int
	for i := 0; i < n; i++ {
		c := f.kids[mark+i]
		for _, t := range c.terms {
			if !t.cased || f.caseAllowed(t, depth+1) {
				f.memo.cands = append(f.memo.cands, cand{end: int32(end), term: t.id, bit: t.bit})
			}
		}
		if c.leaf {
			continue
		}
		if ns == 0 && ne == 0 {
			ns, ne = nextToken(f.text, end)
		}
		if ns < len(f.text) {
			f.buf = foldToken(f.buf[:0], f.text[ns:ne])
			m := len(f.kids)
			f.kids = c.children(f.kids, f.buf)
			f.collect(m, ns, ne, depth+1)
			f.raw = f.raw[:depth+1]
			f.raw[depth] = f.text[start:end]
		}
	}
	f.kids = f.kids[:mark]
}

// keep returns a copy of text in m.keys.
func (m *memo) keep(text string) string {
	if cap(m.keys)-len(m.keys) < len(text) {
		m.keys = make([]byte, 0, max(len(text), 2*cap(m.keys), 4<<10))
	}
	n := len(m.keys)
	m.keys = append(m.keys, text...)
	return unsafe.String(unsafe.SliceData(m.keys[n:]), len(text))
}

// reset empties m and binds it to l.
func (m *memo) reset(l *Lexicon) {
	if m.texts == nil {
		m.texts = map[string][2]int32{}
	}
	clear(m.texts)
	m.lex, m.toks, m.cands, m.last, m.lastR, m.keys = l, m.toks[:0], m.cands[:0], "", [2]int32{}, m.keys[:0]
}
