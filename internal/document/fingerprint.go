package document

import (
	"math/bits"
	"strings"
	"unicode"
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
func Fingerprint(text string) uint64 {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) == 0 {
		return 0
	}
	var votes [64]int
	n := max(1, len(words)-shingleWords+1)
	for i := range n {
		sum := shingleHash(words[i:min(len(words), i+shingleWords)])
		for b := range 64 {
			if sum&(1<<b) != 0 {
				votes[b]++
			} else {
				votes[b]--
			}
		}
	}
	var fp uint64
	for b, v := range votes {
		if v > 0 {
			fp |= 1 << b
		}
	}
	return fp
}

// shingleHash is the 64-bit FNV-1a hash of the words, each followed by a NUL.
func shingleHash(words []string) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for _, w := range words {
		for i := 0; i < len(w); i++ {
			h = (h ^ uint64(w[i])) * prime
		}
		h *= prime // the NUL separator: h ^ 0 == h
	}
	return h
}

// Distance is the number of bits in which two fingerprints differ.
func Distance(a, b uint64) int { return bits.OnesCount64(a ^ b) }

// NearDuplicate reports whether two fingerprints are at most NearDuplicateBits apart.
func NearDuplicate(a, b uint64) bool { return Distance(a, b) <= NearDuplicateBits }
