package lexicon

// rootFilter rejects most tokens that begin no name before the trie is asked: two bit sets hold hashes of the
// folded first-word keys (exact and wildcard prefix). Only ASCII tokens are filtered; others always pass.
type rootFilter struct {
	exact, prefix []uint64
	preLens       uint64 // bit n set when some prefix key has n bytes
	all           bool   // a prefix key too long for preLens: let every token through
}

// filterBits is log2 of the bits in each set: 2^17 bits (16 KiB) keep false hits near 2% for 2,500 keys.
const filterBits = 17

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// slot maps a running FNV-1a hash to a bit index.
func slot(h uint64) uint64 { return (h * 0x9E3779B97F4A7C15) >> (64 - filterBits) }

func setBit(bits []uint64, h uint64) { i := slot(h); bits[i>>6] |= 1 << (i & 63) }

func hasBit(bits []uint64, h uint64) bool { i := slot(h); return bits[i>>6]&(1<<(i&63)) != 0 }

// hashKey is the FNV-1a hash of a folded key.
func hashKey(k string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(k); i++ {
		h = (h ^ uint64(k[i])) * fnvPrime
	}
	return h
}

// newRootFilter indexes the first-word keys of root.
func newRootFilter(root *node) *rootFilter {
	f := &rootFilter{exact: make([]uint64, 1<<filterBits/64), prefix: make([]uint64, 1<<filterBits/64)}
	for k := range root.next {
		setBit(f.exact, hashKey(k))
	}
	for k := range root.pre {
		if len(k) >= 64 {
			f.all = true
		}
		f.preLens |= 1 << (len(k) & 63)
		setBit(f.prefix, hashKey(k))
	}
	return f
}

// rootKids appends to dst the children of root for the token tok as written, in the order node.children
// gives them, and reports ok. Only ASCII tokens are handled (ok false otherwise: the caller folds the token and
// asks root.children): the token is folded as foldToken does (lower case, ` as ') and hashed in one pass, and
// root's maps are asked only for the lengths whose hash is in the filter's sets. buf is scratch space.
func (l *Lexicon) rootKids(dst []*node, buf []byte, tok string) ([]*node, []byte, bool) {
	f, root := l.filter, l.root
	if f.all {
		return dst, buf, false
	}
	var pre [8]int // lengths of the prefixes that may be keys, shortest first
	np := 0
	buf = buf[:0]
	h := uint64(fnvOffset)
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		switch {
		case c >= 0x80:
			return dst, buf, false
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c == '`':
			c = '\''
		}
		buf = append(buf, c)
		h = (h ^ uint64(c)) * fnvPrime
		if n := i + 1; n < 64 && f.preLens&(1<<n) != 0 && hasBit(f.prefix, h) {
			if np == len(pre) {
				return dst, buf, false
			}
			pre[np] = n
			np++
		}
	}
	if hasBit(f.exact, h) {
		if c := root.next[string(buf)]; c != nil {
			dst = append(dst, c)
		}
	}
	for k := np - 1; k >= 0; k-- {
		if c := root.pre[string(buf[:pre[k]])]; c != nil {
			dst = append(dst, c)
		}
	}
	return dst, buf, true
}
