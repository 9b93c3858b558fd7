package text

// The byte classes and word matching below are those of Go's regexp on ASCII text (\s, \w, \b, and (?i) on
// ASCII letters), for the hand-written matchers that replace a regexp on a hot path and are fuzzed against it.

// IsSpaceByte reports whether c is one of regexp's \s bytes: space, \t, \n, \f, \r.
func IsSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// IsWordByte reports whether c is one of regexp's \w bytes: an ASCII letter or digit, or '_'. It reads a table
// (the word scans of timex, casualty and numbers ask it of every byte of a sentence).
func IsWordByte(c byte) bool { return wordBytes[c] }

// wordBytes[c] is whether c is an ASCII letter or digit, or '_'.
var wordBytes = func() (t [256]bool) {
	for c := range 256 {
		t[c] = c == '_' || ('0' <= c && c <= '9') || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
	}
	return t
}()

// SkipSpaces returns the end of the run of \s bytes of s at i.
func SkipSpaces(s string, i int) int {
	for i < len(s) && IsSpaceByte(s[i]) {
		i++
	}
	return i
}

// WordsAt returns the end of the phrase ws read at p of s, or -1: its words (lower-case ASCII) in any ASCII case,
// apart by one or more \s bytes, the last one ending a word (\b before a non-\w byte or the end of s).
func WordsAt(s string, p int, ws []string) int {
	i := p
	for k, w := range ws {
		if k > 0 {
			j := SkipSpaces(s, i)
			if j == i {
				return -1
			}
			i = j
		}
		if !HasPrefixLower(s[i:], w) {
			return -1
		}
		i += len(w)
	}
	if i < len(s) && IsWordByte(s[i]) {
		return -1
	}
	return i
}
