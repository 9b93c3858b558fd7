package document

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// NearDuplicateBits is the largest Hamming distance between two Fingerprints of near-duplicate texts. Manku, Jain
// and Das Sarma ("Detecting near-duplicates for web crawling", WWW 2007) use 3 for whole web pages; a news
// article is shorter, so a new headline and footer move more bits (5 on a 440-word story in our tests). Two
// unrelated texts fall within 8 bits of each other with probability about 3e-10. A copy cut to part of the
// story is not caught: compare shingle containment for that.
const NearDuplicateBits = 8

// shingleWords is the number of words in one shingle.
const shingleWords = 3

// Fingerprint is a 64-bit SimHash of the word 3-shingles of text (words folded to lower case, punctuation
// dropped). Texts that share most of their wording, such as one wire story syndicated with another headline or
// a different footer, get fingerprints a few bits apart; unrelated texts differ in about half the bits.
// Text without words gives 0.
//
// A word is a run of letters and digits (unicode.IsLetter, unicode.IsDigit) of the text folded by
// unicode.ToLower; a byte that is not UTF-8 ends a word. A text of one or two words is one shingle.
func Fingerprint(text string) uint64 {
	// Each shingle's hash is the FNV-1a hash of its words, each followed by a NUL. Rather than hash each
	// shingle's bytes once it is complete (every byte three times, one after another), the three shingles a
	// byte belongs to are hashed as the byte is read: h0 the one that began two words back, h1 one word back,
	// h2 at the current word; a word's end completes h0 and moves each on. The three are independent, so the
	// processor computes them side by side (BenchmarkFingerprint about 2x faster than hashing each shingle).
	const offset, prime = 14695981039346656037, 1099511628211
	h0, h1, h2 := uint64(offset), uint64(offset), uint64(offset)
	var v votes
	words := 0
	inWord := false
	for i := 0; i < len(text); {
		r := rune(text[i])
		var ok bool
		if r < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
				ok = true
			case 'A' <= r && r <= 'Z':
				r, ok = r+'a'-'A', true
			}
		} else {
			var size int
			r, size = utf8.DecodeRuneInString(text[i:])
			i += size
			// An invalid byte decodes as U+FFFD (strings.ToLower's replacement), which is no letter.
			r = unicode.ToLower(r)
			ok = unicode.IsLetter(r) || unicode.IsDigit(r)
		}
		switch {
		case ok:
			inWord = true
			if r < utf8.RuneSelf {
				c := uint64(r)
				h0, h1, h2 = (h0^c)*prime, (h1^c)*prime, (h2^c)*prime
				// The rest of the word's ASCII run at once, without the state checks of each byte.
				for i < len(text) && text[i] < utf8.RuneSelf && asciiWordFold[text[i]] != 0 {
					c := uint64(asciiWordFold[text[i]])
					h0, h1, h2 = (h0^c)*prime, (h1^c)*prime, (h2^c)*prime
					i++
				}
			} else {
				var enc [utf8.UTFMax]byte
				for _, b := range utf8.AppendRune(enc[:0], r) {
					c := uint64(b)
					h0, h1, h2 = (h0^c)*prime, (h1^c)*prime, (h2^c)*prime
				}
			}
		case inWord:
			inWord = false
			h0, h1, h2 = h0*prime, h1*prime, h2*prime // the NUL after the word: h^0 is h
			if words++; words >= shingleWords {
				v.add(h0)
			}
			h0, h1, h2 = h1, h2, offset
		}
	}
	if inWord {
		h0, h1 = h0*prime, h1*prime
		if words++; words >= shingleWords {
			v.add(h0)
		}
		h0 = h1
	}
	switch {
	case words == 0:
		return 0
	case words < shingleWords:
		v.add(h0) // the shingle of every word: h0 began at the first one
	}
	return v.fingerprint()
}

// votes counts, for each bit, the shingle hashes that have it set. Eight counters of one byte share a uint64
// lane (lane j, byte k counts bit 8k+j), so a hash is counted with eight additions; the lanes are added to
// ones before a byte can overflow.
type votes struct {
	lanes   [8]uint64
	pending int // hashes in lanes
	ones    [64]int
	n       int // hashes in ones
}

// add counts the bits of h.
func (v *votes) add(h uint64) {
	for j := range v.lanes {
		v.lanes[j] += (h >> j) & 0x0101010101010101
	}
	if v.pending++; v.pending == 255 {
		v.flush()
	}
}

// flush adds the lanes to ones.
func (v *votes) flush() {
	for j, l := range v.lanes {
		for k := range 8 {
			v.ones[8*k+j] += int(l >> (8 * k) & 0xff)
		}
		v.lanes[j] = 0
	}
	v.n, v.pending = v.n+v.pending, 0
}

// fingerprint sets the bits that more than half the hashes have (the SimHash vote: +1 for a set bit, -1 else).
func (v *votes) fingerprint() uint64 {
	v.flush()
	var fp uint64
	for b, ones := range v.ones {
		if 2*ones > v.n {
			fp |= 1 << b
		}
	}
	return fp
}

// asciiWordFold maps each ASCII letter and digit to itself lower-cased, and every other ASCII byte to 0.
var asciiWordFold = func() (t [utf8.RuneSelf]byte) {
	for c := range utf8.RuneSelf {
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			t[c] = byte(c)
		case 'A' <= c && c <= 'Z':
			t[c] = byte(c + 'a' - 'A')
		}
	}
	return t
}()

// Distance is the number of bits in which two fingerprints differ.
func Distance(a, b uint64) int { return bits.OnesCount64(a ^ b) }

// NearDuplicate reports whether two fingerprints are at most NearDuplicateBits apart.
func NearDuplicate(a, b uint64) bool { return Distance(a, b) <= NearDuplicateBits }
