package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence is a sentence (or a headline line) with its tokens; offsets point into the document.
type Sentence struct {
	Start, End int
	Text       string
	Tokens     []Token
}

// Sentences splits doc into sentences. A blank line always ends a sentence; a single line break ends one
// unless the text plainly runs on (the line ends in a lower-case letter or comma and the next starts in lower
// case), so headlines and bylines stand alone. Inside a line, . ! ? end a sentence when followed by space and
// an upper-case letter, digit or quote, except after known abbreviations and initials.
func Sentences(doc string) []Sentence {
	var out []Sentence
	forEachSentence(doc, func(start, end int) {
		start, end = trimSpace(doc, start, end)
		if start < end {
			out = append(out, Sentence{Start: start, End: end, Text: doc[start:end], Tokens: Tokenize(doc[start:end], start)})
		}
	})
	return out
}

// SentenceBounds is Sentences without tokens: the [start, end) of each sentence.
func SentenceBounds(doc string) [][2]int {
	out := make([][2]int, 0, len(doc)/128+1) // news runs 100-150 bytes a sentence: seldom regrown
	forEachSentence(doc, func(start, end int) {
		start, end = trimSpace(doc, start, end)
		if start < end {
			out = append(out, [2]int{start, end})
		}
	})
	if len(out) == 0 {
		return nil
	}
	return out
}

func forEachSentence(doc string, emit func(start, end int)) {
	start := 0
	var marks sentenceMarks
	for i := marks.next(doc, 0); i < len(doc); i = marks.next(doc, i+1) {
		switch c := doc[i]; c {
		case '\n':
			if lineBreakEnds(doc, start, i) {
				emit(start, i)
				start = i + 1
			}
		case '.', '!', '?':
			if end, ok := terminalEnd(doc, start, i); ok {
				emit(start, end)
				start = end
				i = end - 1
			}
		}
	}
	emit(start, len(doc))
}

// sentenceMarks finds the bytes that may end a sentence (a line break, . ! ?) without looking at every byte
// in between: it keeps the next place of each, found by strings.IndexByte, until it is passed.
type sentenceMarks struct {
	at [4]int // at[k]-1 is the next place of "\n.!?"[k] from the last i asked for on (len(doc): none); 0 unknown
}

// next returns the place of the first mark at or after i, len(doc) when none. i never decreases between calls.
func (m *sentenceMarks) next(doc string, i int) int {
	first := len(doc)
	for k := range m.at {
		p := m.at[k] - 1
		if m.at[k] == 0 || p < i {
			p = len(doc)
			if i < len(doc) {
				if j := strings.IndexByte(doc[i:], "\n.!?"[k]); j >= 0 {
					p = i + j
				}
			}
			m.at[k] = p + 1
		}
		first = min(first, p)
	}
	return first
}

// lineBreakEnds decides whether the line break at i ends the sentence that began at start.
func lineBreakEnds(doc string, start, i int) bool {
	before := strings.TrimRight(doc[start:i], " \t\r")
	if before == "" {
		return false // nothing pending yet: leading blank lines
	}
	after := strings.TrimLeft(doc[i+1:], " \t\r")
	if after == "" || after[0] == '\n' {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(before)
	next, _ := utf8.DecodeRuneInString(after)
	runsOn := (unicode.IsLower(last) || last == ',' || last == '-') && unicode.IsLower(next)
	return !runsOn
}

// terminalEnd reports whether the mark at i ends a sentence, and where the sentence ends (after any closing
// quotes or brackets).
func terminalEnd(doc string, start, i int) (int, bool) {
	j := i + 1
	for j < len(doc) && (doc[j] == '.' || doc[j] == '!' || doc[j] == '?') {
		j++
	}
	for j < len(doc) {
		r, w := utf8.DecodeRuneInString(doc[j:])
		if !isCloser(r) {
			break
		}
		j += w
	}
	if j >= len(doc) {
		return j, true
	}
	if doc[j] != ' ' && doc[j] != '\t' {
		return 0, false // "U.S.", "2.5", "e.g.x"
	}
	k := j
	for k < len(doc) && (doc[k] == ' ' || doc[k] == '\t') {
		k++
	}
	if k == len(doc) || doc[k] == '\n' {
		return j, true
	}
	next, _ := utf8.DecodeRuneInString(doc[k:])
	if !(unicode.IsUpper(next) || unicode.IsDigit(next) || isOpener(next)) {
		return 0, false
	}
	if doc[i] == '.' && j == i+1 && isAbbreviation(doc[start:i]) {
		return 0, false
	}
	return j, true
}

func isCloser(r rune) bool {
	return r == '"' || r == '\'' || r == '’' || r == '”' || r == ')' || r == ']' || r == '»'
}

func isOpener(r rune) bool {
	return r == '"' || r == '\'' || r == '‘' || r == '“' || r == '(' || r == '[' || r == '«'
}

// isAbbreviation reports whether the text before a period ends in an abbreviation or an initial.
func isAbbreviation(before string) bool {
	k := len(before)
	for k > 0 {
		r, w := utf8.DecodeLastRuneInString(before[:k])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		k -= w
	}
	word := before[k:]
	if word == "" {
		return false
	}
	if utf8.RuneCountInString(word) == 1 && unicode.IsUpper([]rune(word)[0]) {
		return true // an initial: "J. Smith"
	}
	if strings.Contains(word, ".") {
		return true // "U.S", "a.m", "e.g"
	}
	if isASCIIText(word) && len(word) <= 16 { // folded on the stack: most words before a period are no abbreviation
		if len(word) > abbreviationLen {
			return false
		}
		var b [16]byte
		for i := 0; i < len(word); i++ {
			c := word[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[i] = c
		}
		_, ok := abbreviations[string(b[:len(word)])]
		return ok
	}
	_, ok := abbreviations[strings.ToLower(word)]
	return ok
}

// isASCIIText reports whether s has only ASCII bytes.
func isASCIIText(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// abbreviationLen is the length of the longest of abbreviations.
var abbreviationLen = func() int {
	n := 0
	for k := range abbreviations {
		n = max(n, len(k))
	}
	return n
}()

// abbreviations are words commonly written with a period inside English news sentences.
var abbreviations = map[string]struct{}{
	"mr": {}, "mrs": {}, "ms": {}, "dr": {}, "prof": {}, "gen": {}, "lt": {}, "col": {}, "maj": {}, "capt": {},
	"cpt": {}, "sgt": {}, "cpl": {}, "pvt": {}, "adm": {}, "cmdr": {}, "brig": {}, "sen": {}, "rep": {},
	"gov": {}, "pres": {}, "rev": {}, "st": {}, "mt": {}, "ft": {}, "jr": {}, "sr": {}, "no": {}, "nos": {},
	"vs": {}, "etc": {}, "approx": {}, "jan": {}, "feb": {}, "mar": {}, "apr": {}, "jun": {}, "jul": {},
	"aug": {}, "sep": {}, "sept": {}, "oct": {}, "nov": {}, "dec": {}, "inc": {}, "corp": {}, "co": {},
	"ltd": {}, "dept": {}, "univ": {}, "est": {}, "fig": {}, "vol": {}, "km": {}, "pp": {}, "al": {},
}

func trimSpace(doc string, start, end int) (int, int) {
	for start < end {
		r, w := utf8.DecodeRuneInString(doc[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += w
	}
	for end > start {
		r, w := utf8.DecodeLastRuneInString(doc[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= w
	}
	return start, end
}
