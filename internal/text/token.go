package text

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"sitrep/internal/scratch"
)

// Kind is a token's class.
type Kind uint8

// Token kinds.
const (
	Word   Kind = iota // letters, with inner apostrophes ("Sana'a") and digits ("G7")
	Number             // digits with inner separators: "20", "1,200", "2.5"
	Punct              // any other mark, one rune at a time: "-", ",", "“"
)

// Token is a word, number or punctuation mark, with byte offsets into the document.
type Token struct {
	Start, End int
	Text       string
	Kind       Kind
}

// IsCap reports whether the token starts with an upper-case letter.
func (t Token) IsCap() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}

// IsAllCaps reports whether every letter of the token is upper case and it has at least two letters.
func (t Token) IsAllCaps() bool {
	n := 0
	for _, r := range t.Text {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// Tokenize splits s into tokens; base is added to every offset so they point into the document s came from.
// Hyphens, quotes and other marks are tokens of their own; a possessive "'s" or "’s" becomes one token.
//
// The tokens are read into a pooled scratch slice and copied into a slice of exactly their number: a capacity
// estimated from the length (len(s)/5+1) left 29% of the token slots it allocated unused on the sentences of
// the 5k ingest corpus, the 11% of sentences with more tokens growing their slice by doubling. The result is
// never nil.
func Tokenize(s string, base int) []Token {
	p := tokenScratch.Get()
	toks := AppendTokens((*p)[:0], s, base)
	out := make([]Token, len(toks))
	copy(out, toks)
	tokenScratch.Put(p, toks)
	return out
}

// tokenScratch recycles Tokenize's scratch slices; one that grew past maxScratchTokens is dropped.
var tokenScratch = scratch.New[Token](maxScratchTokens)

const maxScratchTokens = 4096

// AppendTokens appends the tokens of s (as Tokenize gives them) to toks and returns the extended slice, for a
// caller that reuses the memory of its tokens.
func AppendTokens(toks []Token, s string, base int) []Token {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf { // ASCII: no rune decoding, no Unicode tables
			switch {
			case c == ' ' || '\t' <= c && c <= '\r':
				i++
			case isASCIILetter(c) || isASCIIDigit(c):
				j, kind := scanWord(s, i)
				toks = append(toks, Token{Start: base + i, End: base + j, Text: s[i:j], Kind: kind})
				i = j
			case c == '\'' && HasPossessive(s, i+1):
				toks = append(toks, Token{Start: base + i, End: base + i + 2, Text: s[i : i+2], Kind: Word})
				i += 2
			default:
				toks = append(toks, Token{Start: base + i, End: base + i + 1, Text: s[i : i+1], Kind: Punct})
				i++
			}
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += w
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j, kind := scanWord(s, i)
			toks = append(toks, Token{Start: base + i, End: base + j, Text: s[i:j], Kind: kind})
			i = j
		case isApostrophe(r) && HasPossessive(s, i+w):
			toks = append(toks, Token{Start: base + i, End: base + i + w + 1, Text: s[i : i+w+1], Kind: Word})
			i += w + 1
		default:
			toks = append(toks, Token{Start: base + i, End: base + i + w, Text: s[i : i+w], Kind: Punct})
			i += w
		}
	}
	return toks
}

// scanWord reads a word or number starting at i and returns its end and kind.
func scanWord(s string, i int) (int, Kind) {
	kind := Number
	j := i
	for j < len(s) {
		if c := s[j]; c < utf8.RuneSelf { // ASCII: the cases below without rune decoding
			switch {
			case isASCIILetter(c):
				kind = Word
				j++
				for j < len(s) && isASCIILetter(s[j]) { // the rest of a run of letters, without the cases below
					j++
				}
			case isASCIIDigit(c):
				j++
			case (c == ',' || c == '.') && kind == Number && j+1 < len(s) && isASCIIDigit(s[j+1]) && j > i:
				j++
			case c == '\'' && kind == Word && j+1 < len(s) && !HasPossessive(s, j+1) && startsLetter(s[j+1:]):
				j++
			default:
				return j, kind
			}
			continue
		}
		r, w := utf8.DecodeRuneInString(s[j:])
		switch {
		case unicode.IsLetter(r) || unicode.IsMark(r):
			kind = Word
			j += w
		case unicode.IsDigit(r):
			j += w
		case isApostrophe(r) && kind == Word && j+w < len(s) && !HasPossessive(s, j+w) && startsLetter(s[j+w:]):
			// Sana'a, N'Djamena: an inner apostrophe between letters.
			j += w
		default:
			return j, kind
		}
	}
	return j, kind
}

func isASCIIDigit(b byte) bool { return b >= '0' && b <= '9' }

func isASCIILetter(b byte) bool { return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' }

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

func startsLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// HasPossessive reports whether s[i:] starts with "s" followed by a non-letter (the s of "Russia's"): whether an
// apostrophe just before i begins a possessive.
func HasPossessive(s string, i int) bool {
	if i >= len(s) || (s[i] != 's' && s[i] != 'S') {
		return false
	}
	if i+1 == len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i+1:])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// TokensIn returns the tokens of toks that lie in [start, end), and true when they are the tokens of that part
// of s: toks must be AppendTokens(_, s, base), and start and end are offsets with base added, as the tokens'
// are. Tokenize reads a token from its first byte, taking each byte by that byte and the bytes after it that
// it also takes (a separator of "1,200" only with the digit after it, an inner apostrophe only with the letter
// after it; a possessive "'s" only before a non-letter, which it does not take), and keeps no state from one
// token to the next. So when no token crosses start or end and neither falls inside a rune (a multi-byte space),
// Tokenize(s[start-base:end-base], start) gives exactly these tokens, and one tokenization of a text serves
// each of its sentences. ok is false otherwise. The result is a slice of toks whose capacity ends at its
// length (an append copies it), never nil when ok.
func TokensIn(s string, toks []Token, base, start, end int) ([]Token, bool) {
	a, b := start-base, end-base
	if a < 0 || b < a || b > len(s) || a < len(s) && !utf8.RuneStart(s[a]) || b < len(s) && !utf8.RuneStart(s[b]) {
		return nil, false
	}
	lo := sort.Search(len(toks), func(i int) bool { return toks[i].End > start })
	if lo < len(toks) && toks[lo].Start < start {
		return nil, false // a token crosses start
	}
	hi := lo + sort.Search(len(toks)-lo, func(i int) bool { return toks[lo+i].Start >= end })
	if hi > lo && toks[hi-1].End > end {
		return nil, false // a token crosses end
	}
	if toks == nil {
		return []Token{}, true
	}
	return toks[lo:hi:hi], true
}
