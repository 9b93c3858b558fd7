package gazetteer

// KeyFilter answers quickly for most strings that a set of keys does not hold them: a bit for each length
// (modulo 16), first and last byte (modulo 32) that some key has. It never turns away a key of the set, so a
// lookup behind it answers as the set alone does.
type KeyFilter [256]uint64

// keyFilterBit is the bit of a non-empty string.
func keyFilterBit(s string) uint {
	return uint(len(s)&15)<<10 | uint(s[0]&31)<<5 | uint(s[len(s)-1]&31)
}

// Add puts s in the filter.
func (f *KeyFilter) Add(s string) {
	if s != "" {
		i := keyFilterBit(s)
		f[i>>6] |= 1 << (i & 63)
	}
}

// MayHold reports whether s may be one of the keys added: false only for a string none of them is (the empty
// string may always be).
func (f *KeyFilter) MayHold(s string) bool {
	if s == "" {
		return true
	}
	i := keyFilterBit(s)
	return f[i>>6]&(1<<(i&63)) != 0
}
