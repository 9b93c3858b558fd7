package extract

import (
	"sort"

	"sitrep/internal/actors"
	"sitrep/internal/casualty"
	"sitrep/internal/event"
	"sitrep/internal/lexicon"
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

	loaded     bool
	counts     []casualty.Mention
	dates      []timex.Expr // offsets in the document
	mentions   []actors.Mention
	claimsDone bool
	claims     []event.Claim
	roles      []readRoles // the roles of each cue asked for, once loaded
	marks      []wordClass // the word classes of each token (markWords)
	marked     wordClass   // the classes of all its tokens
	speech     []int8      // speechDate of each date: 0 not read yet, 1 no, 2 yes
}

// tokenize fills the sentence's tokens once, and its folded text: only sentences with a cue, or that join an
// event, need them.
func (s *sent) tokenize() {
	if s.Tokens == nil {
		s.Tokens = text.Tokenize(s.Text, s.Start)
		if s.low == "" {
			s.low = lower(s.Text) // scan sets it from the window's folded text
		}
	}
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

// lower folds ASCII upper case; other runes are kept (cue words are ASCII).
func lower(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; 'A' <= c && c <= 'Z' {
			b := []byte(w)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return w
}
