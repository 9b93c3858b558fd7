package geoparse

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"sitrep/internal/gazetteer"
	"sitrep/internal/text"
)

// docText is a text prepared for recognition: its tokens with their folded forms, the tokens that start a
// sentence, and the words the text also writes in lower case.
type docText struct {
	s       string
	toks    []text.Token
	folded  []string
	caps    []bool          // caps[i]: token i is a word that starts with an upper-case letter
	classes []uint32        // classes[i]: the word classes of token i (wc*), 0 until asked
	initial []bool          // initial[i]: token i is the first word of its sentence
	lower   map[string]bool // folded words written in lower case somewhere in the text, nil until built
	// lowerAsked counts the inLower calls answered by a scan of the tokens
	lowerAsked int
	lent       bool // toks are the caller's (ParseTokens), not the scratch's
}

// prepare tokenizes s (into the scratch's tokens) and marks sentence starts, from the bounds of its sentences
// (text.SentenceBounds(s), computed when nil). toks, when not nil, are the caller's tokens of s
// (text.Tokenize(s, 0)), read instead: d.lent is then set, and release leaves them alone.
func prepare(s string, sentences [][2]int, toks []text.Token, sc *scratch) *docText {
	var d *docText
	if toks != nil {
		d = &docText{s: s, toks: toks, lent: true}
	} else {
		if need := len(s)/5 + 1; cap(sc.toks) < need { // Tokenize's guess, kept from run to run
			sc.toks = make([]text.Token, 0, need)
		}
		d = &docText{s: s, toks: text.AppendTokens(sc.toks[:0], s, 0)}
	}
	n := len(d.toks)
	d.folded, d.caps, d.initial, d.classes = grown(sc.folded, n), grown(sc.caps, n), grown(sc.initial, n),
		grown(sc.classes, n)
	var lowered []byte // the capitalised words in lower case, one after another
	for i, t := range d.toks {
		if t.Kind != text.Word || t.Text == "" {
			continue
		}
		var kinds byte // foldWord's first step, inline: most words are plain lower case, their own key
		for k := 0; k < len(t.Text); k++ {
			kinds |= byteKinds[t.Text[k]]
		}
		if kinds == 0 {
			d.folded[i] = t.Text
		} else {
			d.folded[i], lowered = foldWord(t.Text, lowered)
		}
		if c := t.Text[0]; c >= 'A' && c <= 'Z' {
			d.caps[i] = true
		} else if c >= utf8.RuneSelf {
			r, _ := utf8.DecodeRuneInString(t.Text)
			d.caps[i] = unicode.IsUpper(r)
		}
	}
	if sentences == nil {
		sentences = text.SentenceBounds(s)
	}
	d.markInitial(sentences)
	return d
}

// inLower reports whether the text writes the folded word w in lower case somewhere ("mobile" for
// "Mobile"). The first calls scan the tokens; later ones ask the set of such words, built then.
func (d *docText) inLower(w string) bool {
	if d.lower != nil {
		return d.lower[w]
	}
	if d.lowerAsked < lowerScans {
		d.lowerAsked++
		for i := range d.toks {
			if len(d.folded[i]) == len(w) && d.folded[i] == w && d.isLowerWord(i) {
				return true
			}
		}
		return false
	}
	d.lower = make(map[string]bool, len(d.toks)/3)
	for i := range d.toks {
		if d.isLowerWord(i) {
			d.lower[d.folded[i]] = true
		}
	}
	return d.lower[w]
}

// lowerScans is how many inLower calls scan the tokens before the set of lower-case words is built: a news
// article asks a few.
const lowerScans = 8

// isLowerWord reports whether token i is a word that starts with a lower-case letter.
func (d *docText) isLowerWord(i int) bool {
	t := d.toks[i]
	if t.Kind != text.Word || t.Text == "" || d.caps[i] {
		return false
	}
	if c := t.Text[0]; c >= 'a' && c <= 'z' {
		return true
	} else if r, _ := utf8.DecodeRuneInString(t.Text); c >= utf8.RuneSelf && unicode.IsLower(r) {
		return true
	}
	return false
}

// markInitial marks the first word of every sentence, given their bounds.
func (d *docText) markInitial(bounds [][2]int) {
	b := 0
	for i, t := range d.toks {
		for b < len(bounds) && bounds[b][1] <= t.Start {
			b++
		}
		if t.Kind != text.Word || b == len(bounds) || t.Start < bounds[b][0] {
			continue
		}
		d.initial[i] = d.firstWordFrom(i, bounds[b][0])
	}
}

// bytesString returns the bytes of b as a string without a copy: b must not change while the string is in
// use.
func bytesString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// foldWord returns gazetteer.Fold of a word: for a word of ASCII letters and digits, the word itself when it
// has no capital, else its lower case appended to buf (returned), without a string of its own. Bytes once in
// buf are never written again, so the strings that share them stay valid when buf grows.
func foldWord(w string, buf []byte) (string, []byte) {
	var kinds byte
	for i := 0; i < len(w); i++ {
		kinds |= byteKinds[w[i]]
	}
	switch {
	case w == "'s" || w == "’s":
		return "s", buf // gazetteer.Fold drops the apostrophe: most words with one are these
	case kinds&kindOther != 0:
		if !apostrophed(w) {
			return gazetteer.Fold(w), buf
		}
	case kinds&kindUpper == 0:
		return w, buf
	}
	if cap(buf)-len(buf) < len(w) {
		buf = make([]byte, 0, max(256, 2*cap(buf), len(w))) // the full one stays with the strings cut from it
	}
	n := len(buf)
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c == '\'':
			continue // gazetteer.Fold drops an apostrophe
		case c >= utf8.RuneSelf: // ’, as apostrophed says
			i += len("’") - 1
			continue
		}
		buf = append(buf, c)
	}
	return bytesString(buf[n:]), buf
}

// apostrophed reports a word of ASCII letters and digits with apostrophes (' or ’) among them ("don’t",
// "O'Brien"): gazetteer.Fold lower-cases it and drops the apostrophes.
func apostrophed(w string) bool {
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case byteKinds[c]&kindOther == 0, c == '\'':
		case strings.HasPrefix(w[i:], "’"):
			i += len("’") - 1
		default:
			return false
		}
	}
	return true
}

// Kinds of bytes for foldWord.
const (
	kindUpper byte = 1 << iota // an ASCII capital
	kindOther                  // neither an ASCII letter nor a digit
)

// byteKinds gives the kind of each byte (0 for a lower-case ASCII letter or a digit).
var byteKinds = func() (k [256]byte) {
	for c := range k {
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
		case c >= 'A' && c <= 'Z':
			k[c] = kindUpper
		default:
			k[c] = kindOther
		}
	}
	return k
}()

// firstWordFrom reports whether no word token lies between the sentence start and token i.
func (d *docText) firstWordFrom(i, start int) bool {
	for k := i - 1; k >= 0 && d.toks[k].Start >= start; k-- {
		if d.toks[k].Kind == text.Word || d.toks[k].Kind == text.Number {
			return false
		}
	}
	return true
}

// gap returns the text between tokens i and j (i < j).
func (d *docText) gap(i, j int) string { return d.s[d.toks[i].End:d.toks[j].Start] }

// tight reports whether tokens i and i+1 are separated by at most one plain space.
func (d *docText) tight(i int) bool {
	if i < 0 || i+1 >= len(d.toks) {
		return false
	}
	g := d.gap(i, i+1)
	return g == "" || g == " "
}

// class returns the word classes (wc*) of token i's folded word, 0 out of range: class(i)&wcTitle != 0 is
// titles[d.word(i)].
func (d *docText) class(i int) uint32 {
	if i < 0 || i >= len(d.toks) {
		return 0
	}
	c := d.classes[i]
	if c == 0 {
		c = wcKnown
		if w := d.folded[i]; classWords.MayHold(w) {
			c |= wordClasses[w]
		}
		d.classes[i] = c
	}
	return c
}

// is reports whether token i's folded word belongs to one of the word classes cs.
func (d *docText) is(i int, cs uint32) bool { return d.class(i)&cs != 0 }

// isWord reports whether token i exists and is a word.
func (d *docText) isWord(i int) bool { return i >= 0 && i < len(d.toks) && d.toks[i].Kind == text.Word }

// isCap reports whether token i is a capitalised word.
func (d *docText) isCap(i int) bool { return i >= 0 && i < len(d.caps) && d.caps[i] }

// word returns the folded word at i, or "" when token i is not a word.
func (d *docText) word(i int) string {
	if !d.isWord(i) {
		return ""
	}
	return d.folded[i]
}

// punct reports whether token i is the punctuation mark p.
func (d *docText) punct(i int, p string) bool {
	return i >= 0 && i < len(d.toks) && d.toks[i].Kind == text.Punct && d.toks[i].Text == p
}

// prevWord returns the index of the word before token i, skipping a "." of an abbreviation; -1 when the
// previous token is not a word.
func (d *docText) prevWord(i int) int {
	k := i - 1
	if d.punct(k, ".") && k > 0 && d.isWord(k-1) && len(d.toks[k-1].Text) <= 4 {
		k--
	}
	if !d.isWord(k) {
		return -1
	}
	return k
}

// joinKey folds the words of tokens [lo, hi) into one lookup key.
func (d *docText) joinKey(lo, hi int) string {
	var b strings.Builder
	for k := lo; k < hi; k++ {
		if w := d.word(k); w != "" {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w)
		}
	}
	return b.String()
}

// tokenRange returns the tokens [lo, hi) that exactly cover the bytes [start, end), or -1, -1.
func (d *docText) tokenRange(start, end int) (int, int) {
	lo := sort.Search(len(d.toks), func(i int) bool { return d.toks[i].Start >= start })
	if lo == len(d.toks) || d.toks[lo].Start != start {
		return -1, -1
	}
	hi := lo
	for hi < len(d.toks) && d.toks[hi].End <= end {
		hi++
	}
	if hi == lo || d.toks[hi-1].End != end {
		return -1, -1
	}
	return lo, hi
}
