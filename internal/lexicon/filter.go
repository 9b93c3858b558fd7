package lexicon

// rootFilter rejects most tokens that begin no name before the trie is asked: two bit sets hold hashes of the
// folded first-word keys (exact and wildcard prefix). Only ASCII tokens are filtered; others always pass.
type rootFilter struct {
	exact, prefix []uint64
	preLens       uint64 // bit n set when some prefix key has n bytes
	all           bool   // a prefix key too long for preLens: let every token through
	// next and pre are root.next and root.pre by the FNV-1a hash of their keys, which rootKids computes as
	// it folds the token: a token the bit sets let through is looked up without hashing it again.
	next, pre hashTable
}

// hashTable maps folded keys to nodes by their FNV-1a hash, open addressing with linear probing; it is built
// once and only read.
type hashTable struct {
	slots []hashSlot // a power of two, at most three quarters full
	shift uint       // 64 - log2(len(slots))
}

type hashSlot struct {
	h   uint64
	key string
	n   *node // nil: an empty slot
}

// newHashTable indexes the nodes of m.
func newHashTable(m map[string]*node) hashTable {
	bits := uint(1)
	for 1<<bits < len(m)*4/3+1 {
		bits++
	}
	t := hashTable{slots: make([]hashSlot, 1<<bits), shift: 64 - bits}
	for k, n := range m {
		h := hashKey(k)
		i := t.home(h)
		for t.slots[i].n != nil {
			i = (i + 1) & uint64(len(t.slots)-1)
		}
		t.slots[i] = hashSlot{h: h, key: k, n: n}
	}
	return t
}

// home is the first slot a key of hash h is looked for in.
func (t *hashTable) home(h uint64) uint64 { return (h * 0x9E3779B97F4A7C15) >> t.shift }

// get returns the node of the folded key k whose hash is h, nil when none.
func (t *hashTable) get(h uint64, k []byte) *node {
	mask := uint64(len(t.slots) - 1)
	for i := t.home(h); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.n == nil {
			return nil
		}
		if s.h == h && s.key == string(k) {
			return s.n
		}
	}
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
	f.next, f.pre = newHashTable(root.next), newHashTable(root.pre)
	return f
}

// asciiFold[c] is foldToken's byte for the ASCII byte c: lower case, ` as '.
var asciiFold = func() (t [128]byte) {
	for c := range 128 {
		t[c] = byte(c)
		switch {
		case 'A' <= c && c <= 'Z':
			t[c] += 'a' - 'A'
		case c == '`':
			t[c] = '\''
		}
	}
	return t
}()

// rootKids appends to dst the children of root for the token tok as written, in the order node.children
// gives them, and reports ok. Only ASCII tokens are handled (ok false otherwise: the caller folds the token and
// asks root.children): the token is folded as foldToken does (lower case, ` as ') and hashed in one pass, and
// root's keys (the filter's hash tables) are asked only for the lengths whose hash is in its sets. buf is
// scratch space.
func (l *Lexicon) rootKids(dst []*node, buf []byte, tok string) ([]*node, []byte, bool) {
	f := l.filter
	if f.all {
		return dst, buf, false
	}
	var pre [8]int     // lengths of the prefixes that may be keys, shortest first
	var preH [8]uint64 // and their hashes
	np := 0
	buf = buf[:0]
	h := uint64(fnvOffset)
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		if c >= 0x80 {
			return dst, buf, false
		}
		c = asciiFold[c]
		buf = append(buf, c)
		h = (h ^ uint64(c)) * fnvPrime
		if n := i + 1; n < 64 && f.preLens&(1<<n) != 0 && hasBit(f.prefix, h) {
			if np == len(pre) {
				return dst, buf, false
			}
			pre[np], preH[np] = n, h
			np++
		}
	}
	if hasBit(f.exact, h) {
		if c := f.next.get(h, buf); c != nil {
			dst = append(dst, c)
		}
	}
	for k := np - 1; k >= 0; k-- {
		if c := f.pre.get(preH[k], buf[:pre[k]]); c != nil {
			dst = append(dst, c)
		}
	}
	return dst, buf, true
}
