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

// mayStart reports whether tok (as written) can begin a name: false only when it is ASCII and neither its
// folded form nor any folded prefix of a wildcard key's length is in the sets. ASCII folds as foldToken does
// (lower case, ` as ').
func (f *rootFilter) mayStart(tok string) bool {
	if f.all {
		return true
	}
	h := uint64(fnvOffset)
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		switch {
		case c >= 0x80:
			return true
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c == '`':
			c = '\''
		}
		h = (h ^ uint64(c)) * fnvPrime
		if n := i + 1; n < 64 && f.preLens&(1<<n) != 0 && hasBit(f.prefix, h) {
			return true
		}
	}
	return hasBit(f.exact, h)
}
