package actors

import (
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"sitrep/internal/text"
)

// lowerASCII lower-cases ASCII letters; it allocates only when s has upper-case letters.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// tokenKey is the matching key of a token: lower-cased, and folded when it is not plain ASCII.
func tokenKey(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return text.Fold(s)
		}
	}
	if s == "’s" {
		return "'s"
	}
	return lowerASCII(s)
}

// wordsOf returns the matching key (sentenceKeys) and the bits (wordBits) of every token of s, shared with
// the earlier calls on the same sentence: the engine asks Mentions, then Roles for each cue, then Claims about
// one sentence, and each needs them. A sentence is the same when it has the same text (the same bytes in
// memory, not only equal) and the same token slice; the memo holds them, so their memory is not reused while
// kept. The keys and bits must not be modified, nor the tokens of a sentence once it was read.
func (f *Finder) wordsOf(s text.Sentence, lower string) ([]string, []wordBits) {
	if len(s.Tokens) == 0 || len(s.Text) == 0 {
		keys := sentenceKeys(s, lower)
		return keys, f.wordBitsOf(s.Tokens, keys)
	}
	m := keyMemos.Get().(*keyMemo)
	defer keyMemos.Put(m)
	for i := range m.ring {
		k := &m.ring[i]
		if len(k.toks) == len(s.Tokens) && &k.toks[0] == &s.Tokens[0] && k.start == s.Start && k.f == f &&
			len(k.text) == len(s.Text) && unsafe.StringData(k.text) == unsafe.StringData(s.Text) {
			return k.keys, k.bits
		}
	}
	keys := sentenceKeys(s, lower)
	bits := f.wordBitsOf(s.Tokens, keys)
	m.ring[m.next] = keyedSentence{f: f, text: s.Text, start: s.Start, toks: s.Tokens, keys: keys, bits: bits}
	m.next = (m.next + 1) % len(m.ring)
	return keys, bits
}

// wordBitsOf returns the bits of the tokens toks whose keys are keys.
func (f *Finder) wordBitsOf(toks []text.Token, keys []string) []wordBits {
	bits := make([]wordBits, len(toks))
	for i, t := range toks {
		var b wordBits
		if k := keys[i]; k != "" && f.vocab.starts[k[0]] { // not a comma or a number, mostly
			b = f.vocab.words.Get(k)
		}
		if isCapWord(t) {
			b |= wCap
		}
		if b&(wCap|wTitle) != 0 {
			b |= f.vocab.names.Get(keys[i])
		}
		bits[i] = b
	}
	return bits
}

// isAlnum reports whether s is a word of ASCII letters and digits.
func isAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return s != ""
}

// keyMemo is the words of the sentences one goroutine read lately, oldest overwritten first.
type keyMemo struct {
	ring [32]keyedSentence
	next int
}

// keyedSentence is a sentence with its keys and bits for one finder.
type keyedSentence struct {
	f     *Finder
	text  string
	start int
	toks  []text.Token
	keys  []string
	bits  []wordBits
}

// keyMemos recycles the memos of wordsOf.
var keyMemos = sync.Pool{New: func() any { return new(keyMemo) }}

// sentenceKeys returns the matching key of every token of s. The keys of ASCII tokens are cut from one
// lower-cased copy of the sentence instead of one string per capitalised token.
func sentenceKeys(s text.Sentence, lower string) []string {
	keys := make([]string, len(s.Tokens))
	low := lower // lowerASCIIOnly(s.Text), when the caller has it (MentionsLower)
	if len(low) != len(s.Text) {
		low = lowerASCIIOnly(s.Text)
	}
	for i, t := range s.Tokens {
		if off := t.Start - s.Start; off >= 0 && off+len(t.Text) <= len(s.Text) && isASCII(t.Text) &&
			s.Text[off:off+len(t.Text)] == t.Text {
			keys[i] = low[off : off+len(t.Text)]
			continue
		}
		keys[i] = tokenKey(t.Text)
	}
	return keys
}

// lowerASCIIOnly lower-cases the ASCII letters of s and leaves every other byte alone, so offsets into s are
// offsets into the result (strings.ToLower may change the length of non-ASCII text).
func lowerASCIIOnly(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			b := make([]byte, len(s))
			copy(b, s[:i])
			for j := i; j < len(b); j++ {
				c := s[j]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				b[j] = c
			}
			return unsafe.String(&b[0], len(b)) // b is not written again
		}
	}
	return s
}

// isASCII reports whether s has only ASCII bytes.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func containsByte(s string, b byte) bool { return strings.IndexByte(s, b) >= 0 }

// isCapWord reports whether a token is a word starting with an upper-case letter.
func isCapWord(t text.Token) bool { return t.Kind == text.Word && t.IsCap() }

// tokenAt returns the index of the first token that starts at or after off, len(toks) when none.
func tokenAt(toks []text.Token, off int) int {
	lo, hi := 0, len(toks)
	for lo < hi {
		m := (lo + hi) / 2
		if toks[m].Start < off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// tokenEndingAt returns the index just after the last token that ends at or before off.
func tokenEndingAt(toks []text.Token, off int) int {
	lo, hi := 0, len(toks)
	for lo < hi {
		m := (lo + hi) / 2
		if toks[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}
