package extract

import (
	"encoding/binary"
	"sort"
	"strings"
	"unsafe"

	"sitrep/internal/actors"
	"sitrep/internal/casualty"
	"sitrep/internal/event"
	"sitrep/internal/lexicon"
	"sitrep/internal/scratch"
	"sitrep/internal/text"
	"sitrep/internal/timex"
)

// hit is a cue found in a sentence.
type hit struct {
	lexicon.Match
	info  *cueInfo
	tok   int  // index of the cue's first token in the sentence
	inner bool // the event noun inside an anaphor ("attack" in "the attack")
}

// span is the hit as an event span.
func (h hit) span() event.Span { return event.Span{Start: h.Start, End: h.End, Text: h.Text} }

// sent is one sentence with what the engine found in it. The costly fields are filled by load.
type sent struct {
	text.Sentence
	low     string // Text with ASCII upper case folded, byte for byte: word i is a slice of it
	idx     int
	hits    []hit
	weapons []lexicon.Match
	targets []lexicon.Match

	loaded bool
	counts []casualty.Mention // read by countsOf
	dates  []timex.Expr       // offsets in the document; read by datesOf
	// due is the run that loaded the sentence, nil before load and for a sentence too long to read counts
	// and dates in; countsRead and datesRead say whether countsOf and datesOf read them already, gated
	// whether digit and gateClass hold gates' answer for the text.
	due                          *run
	countsRead, datesRead, gated bool
	digit                        bool
	gateClass                    wordClass
	mentions                     []actors.Mention
	claimsDone                   bool
	claims                       []event.Claim
	roles                        []readRoles  // the roles of each cue asked for, once loaded
	marks                        []wordClass  // the word classes of each token (markWords)
	marked                       wordClass    // the classes of all its tokens
	marksArena                   *[]wordClass // the run's room for marks (newMarks), nil outside a scan
	win                          *winTokens   // the tokens of the run's window, which tokenize cuts its own from; nil outside a scan
	speech                       []int8       // speechDate of each date: 0 not read yet, 1 no, 2 yes
	// subsAsked and subsHave are the phrases (subPhrases) asked about (hasPhrase) and found, one bit each.
	subsAsked, subsHave uint16
}

// subPhrase is a phrase the checks look for in a sentence before reading its words: the same sentence is asked
// again for each incident before it and each cue, so hasPhrase remembers the answer.
type subPhrase uint8

const (
	subAccusedOf subPhrase = iota // "ccused of" in Text
	subBlamedFor                  // "lamed for" in Text
	subBehind                     // the rest in low
	subClaimedBy
	subBlame
	subAccus
	subDeni
	subDeny
	subReject
	subDismiss
)

// subPhrases are the phrases of the subPhrase values; inText says which are looked for in Text (as written),
// the others being looked for in low.
var subPhrases = [...]struct {
	s      string
	inText bool
}{
	subAccusedOf: {"ccused of", true}, subBlamedFor: {"lamed for", true}, subBehind: {"behind", false},
	subClaimedBy: {"claimed by", false}, subBlame: {"blame", false}, subAccus: {"accus", false}, subDeni: {"deni", false},
	subDeny: {"deny", false}, subReject: {"reject", false}, subDismiss: {"dismiss", false},
}

// hasPhrase reports whether s contains the phrase p (strings.Contains of Text or low), found once per sentence.
// Text never changes, nor low once set (lower keeps every byte's place, so a set low has Text's length;
// tokenize sets it only when empty): an answer about a low not set yet is not kept.
func (s *sent) hasPhrase(p subPhrase) bool {
	bit := uint16(1) << p
	if s.subsAsked&bit != 0 {
		return s.subsHave&bit != 0
	}
	in := s.low
	if subPhrases[p].inText {
		in = s.Text
	}
	found := strings.Contains(in, subPhrases[p].s)
	if len(in) == len(s.Text) {
		s.subsAsked |= bit
		if found {
			s.subsHave |= bit
		}
	}
	return found
}

// tokenize fills the sentence's tokens once, and its folded text: only sentences with a cue, or that join an
// event, need them. The tokens are a slice of the window's (winTokens), the same as Tokenize's of the sentence
// alone (text.TokensIn), else Tokenize's.
func (s *sent) tokenize() {
	if s.Tokens == nil {
		if s.win != nil {
			s.Tokens, _ = text.TokensIn(s.win.text, s.win.get(), s.win.base, s.Start, s.End)
		}
		if s.Tokens == nil {
			s.Tokens = text.Tokenize(s.Text, s.Start)
		}
		if s.low == "" {
			s.low = lower(s.Text) // scan sets it from the window's folded text
		}
	}
}

// winTokens are the tokens of a run's window, read once when a sentence or the geoparser first needs tokens:
// most sentences of a document that has an event are tokenized, and the geoparser reads the whole window's.
// They are read into a slice of winSlabs, which the run gives back when it is released: nothing the run hands
// out holds its tokens (events, claims and entities are built as values; the actor finder's memo of keys holds
// a sentence's tokens only to know it again, with its text, which keeps the text's memory from being reused).
type winTokens struct {
	text string // the window's text
	base int    // its offset in the document
	toks []text.Token
	slab *[]text.Token // the winSlabs slice toks were read into, nil until read
}

// winSlabs recycles the slices windows are tokenized into; one that grew past maxWinTokens is dropped.
var winSlabs = scratch.New[text.Token](maxWinTokens)

const maxWinTokens = 1 << 14

// get returns the window's tokens (text.Tokenize(w.text, w.base)), reading them at the first call.
func (w *winTokens) get() []text.Token {
	if w.slab == nil {
		w.slab = winSlabs.Get()
		w.toks = text.AppendTokens((*w.slab)[:0], w.text, w.base)
	}
	return w.toks
}

// release gives the tokens' slice back to winSlabs; w and the slices of its tokens are not used after it.
func (w *winTokens) release() {
	if w.slab != nil {
		winSlabs.Put(w.slab, w.toks)
	}
	*w = winTokens{}
}

// tokenAt returns the index of the token that starts at or after byte offset off.
func (s *sent) tokenAt(off int) int {
	return sort.Search(len(s.Tokens), func(i int) bool { return s.Tokens[i].End > off })
}

// word returns the folded text of token i, "" out of range: a slice of the folded sentence (lower keeps every
// byte's place), so that reading a word allocates nothing.
func (s *sent) word(i int) string {
	if i < 0 || i >= len(s.Tokens) {
		return ""
	}
	t := &s.Tokens[i]
	return s.low[t.Start-s.Start : t.End-s.Start]
}

// has reports whether the sentence has a hit of one of the classes. A sentence has a handful of hits: a scan
// of them costs less than a map of their classes.
func (s *sent) has(classes ...string) bool {
	for i := range s.hits {
		for _, c := range classes {
			if s.hits[i].info.class == c {
				return true
			}
		}
	}
	return false
}

// count is how many hits of class s has.
func (s *sent) count(class string) int {
	n := 0
	for i := range s.hits {
		if s.hits[i].info.class == class {
			n++
		}
	}
	return n
}

// first returns the first hit of class, or nil.
func (s *sent) first(class string) *hit {
	for i := range s.hits {
		if s.hits[i].info.class == class {
			return &s.hits[i]
		}
	}
	return nil
}

// lower folds ASCII upper case; other bytes are kept (cue words are ASCII), so every byte keeps its place. It
// allocates only when w has upper case, once, and folds eight bytes at a time: scan folds a whole window.
func lower(w string) string {
	i := 0
	for i < len(w) && (w[i] < 'A' || w[i] > 'Z') {
		i++
	}
	if i == len(w) {
		return w
	}
	b := make([]byte, len(w))
	copy(b, w)
	for ; i+8 <= len(b); i += 8 {
		binary.LittleEndian.PutUint64(b[i:], lower8(binary.LittleEndian.Uint64(b[i:])))
	}
	for ; i < len(b); i++ {
		if 'A' <= b[i] && b[i] <= 'Z' {
			b[i] += 'a' - 'A'
		}
	}
	return unsafe.String(&b[0], len(b)) // b is not written again
}

// lower8 folds the ASCII upper-case letters among the eight bytes of x. Per byte, with its top bit cleared:
// adding 0x80-'A' sets the top bit from 'A' up, adding 0x80-'Z'-1 from past 'Z' (no sum carries into the next
// byte); a letter is the first and not the second, of a byte whose own top bit is clear (ASCII), and its top
// bit shifted down two is the case bit 0x20.
func lower8(x uint64) uint64 {
	const ones, top = 0x0101010101010101, 0x8080808080808080
	h := x &^ top
	upper := (h + ones*(0x80-'A')) &^ (h + ones*(0x80-'Z'-1)) &^ x & top
	return x | upper>>2
}
