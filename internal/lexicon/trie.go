package lexicon

import "slices"

// node is a trie node keyed by folded tokens.
type node struct {
	next    map[string]*node // exact next token
	pre     map[string]*node // wildcard last word: next token starts with the key
	preLens []int            // distinct byte lengths of the keys of pre, longest first
	pre2    *[1 << 10]uint64 // bit set of the first two bytes of the keys of pre (nodes with many prefixes)
	terms   []term           // patterns ending here
	mask    uint64           // category bits (Lexicon.catBit) of the terms here and below
	leaf    bool             // no next and no pre: set by index, so that a walk asks it without reading the maps
	// nextLens and nextPair filter the tokens asked of next (set by index): bit min(len(k), 63) of nextLens and
	// bit pairBit(k) of nextPair are set for each key k of next. Most nodes have a few keys, and most tokens
	// asked of them fail one of the two bits: the map is not hashed for them (node.children took 0.17 s of a
	// 10 s profile of ingest's extraction, nearly all of it in the map).
	nextLens, nextPair uint64
}

// pairBit is the bit of nextPair for the key k: its first two bytes, mixed.
func pairBit[S ~string | ~[]byte](k S) uint {
	switch len(k) {
	case 0:
		return 0
	case 1:
		return uint(k[0]) & 63
	}
	return (uint(k[0])*37 + uint(k[1])) & 63
}

// term is a pattern ending at a node, with the entry it names. bit and cased are entry.bit and pat.cased,
// copied when the term is made, so that a walk keeping the terms of a node reads neither the entry nor the
// pattern for a pattern that ignores case.
type term struct {
	entry *Entry
	pat   *pattern
	bit   uint64 // entry.bit
	id    int32  // index in Lexicon.terms
	cased bool   // pat.cased
}

// insert adds p for e below n, registering a new term in *all. e.bit must be set.
func (n *node) insert(e *Entry, p *pattern, all *[]term) {
	cur := n
	for i, k := range p.keys {
		if i == len(p.keys)-1 && p.wild {
			cur = cur.prefixChild(k)
			break
		}
		if cur.next == nil {
			cur.next = map[string]*node{}
		}
		child := cur.next[k]
		if child == nil {
			child = &node{}
			cur.next[k] = child
		}
		cur = child
	}
	for _, t := range cur.terms {
		if t.entry == e && t.pat.cased == p.cased && slices.Equal(t.pat.raw, p.raw) {
			return // the same alias twice (e.g. al-Nusra and al Nusra)
		}
	}
	t := term{entry: e, pat: p, bit: e.bit, id: int32(len(*all)), cased: p.cased}
	*all = append(*all, t)
	cur.terms = append(cur.terms, t)
}

// prefixChild returns the child of n for the word prefix k, creating it.
func (n *node) prefixChild(k string) *node {
	if n.pre == nil {
		n.pre = map[string]*node{}
	}
	child := n.pre[k]
	if child == nil {
		child = &node{}
		n.pre[k] = child
		if !slices.Contains(n.preLens, len(k)) {
			n.preLens = append(n.preLens, len(k))
			slices.Sort(n.preLens)
			slices.Reverse(n.preLens)
		}
	}
	return child
}

// children appends to dst the nodes reached from n by the folded token k.
func (n *node) children(dst []*node, k []byte) []*node {
	if n.nextLens&(1<<min(len(k), 63)) != 0 && n.nextPair&(1<<pairBit(k)) != 0 {
		if c := n.next[string(k)]; c != nil {
			dst = append(dst, c)
		}
	}
	if len(n.preLens) == 0 {
		return dst
	}
	if n.pre2 != nil && len(k) >= 2 {
		i := int(k[0])<<8 | int(k[1])
		if n.pre2[i>>6]&(1<<(i&63)) == 0 {
			return dst
		}
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

// index builds the prefix bit sets and category masks of n and its descendants.
func (n *node) index(bit func(Category) uint64) {
	n.leaf = len(n.next) == 0 && len(n.pre) == 0
	n.nextLens, n.nextPair = 0, 0
	for k := range n.next {
		n.nextLens |= 1 << min(len(k), 63)
		n.nextPair |= 1 << pairBit(k)
	}
	for _, t := range n.terms {
		n.mask |= bit(t.entry.Category)
	}
	if len(n.pre) >= 8 && !slices.Contains(n.preLens, 1) {
		n.pre2 = new([1 << 10]uint64)
		for k := range n.pre {
			i := int(k[0])<<8 | int(k[1])
			n.pre2[i>>6] |= 1 << (i & 63)
		}
	}
	for _, c := range n.next {
		c.index(bit)
		n.mask |= c.mask
	}
	for _, c := range n.pre {
		c.index(bit)
		n.mask |= c.mask
	}
}
