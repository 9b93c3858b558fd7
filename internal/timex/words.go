package timex

import (
	"strings"

	"sitrep/internal/event"

	"sitrep/internal/text"
)

// One scan of the words of a text serves every rule: it lists the word starts where some rule's pattern can
// begin (ruleStarts) and notes the words some patterns cannot match without, so a rule is tried only where it
// can begin, and not at all when a word it needs is missing.

// Words some patterns need, each a whole word (a run of \w bytes) wherever they match.
const (
	needMonth    = 1 << iota // dmy, mdy, month-year, month: a month name of monthRe, written as there
	needWeekday              // weekday: a weekday name of weekdayRe, written as there
	needRelative             // relative (on lower-cased text): a word every alternative of its pattern ends with
)

// ruleNeeds replaces the gate of these rules: the gate passes on any text holding such a word, so it adds
// nothing once the word is known to be there.
var ruleNeeds = map[string]uint8{"dmy": needMonth, "mdy": needMonth, "month-year": needMonth, "month": needMonth,
	"weekday": needWeekday, "relative": needRelative}

// wordInfo is what the scan knows of a word, by its key (the letters of the word in lower case, as findAll
// folds it).
type wordInfo struct {
	starts uint16 // bit i: rules[i] can begin with this word
	need   uint8  // the need* flag the word meets when written canon (needRelative: in any case)
	canon  string // the word as a month or weekday pattern writes it ("January", "Sept")
}

var (
	wordInfos = map[string]wordInfo{}
	// wordTable holds wordInfos by first letter and length, for the scan: most words of a text find an empty
	// list, the others one of a few entries, without hashing.
	wordTable   [26][16][]wordEntry
	digitStarts uint16 // rules that can begin with a digit
	ruleStarter []*starter
	ruleNeed    []uint8
)

// initWords fills the tables of the scan; it runs after the starters are built.
func initWords() {
	if len(rules) > 16 {
		panic("timex: more rules than the scan's uint16 rule masks hold")
	}
	for i, r := range rules {
		ruleStarter = append(ruleStarter, starters[r.name])
		ruleNeed = append(ruleNeed, ruleNeeds[r.name])
		for _, w := range strings.Fields(ruleStarts[r.name]) {
			if w == "#" {
				digitStarts |= 1 << i
				continue
			}
			wi := wordInfos[w]
			wi.starts |= 1 << i
			wordInfos[w] = wi
		}
	}
	names := func(flag uint8, ws ...string) {
		for _, w := range ws {
			k := strings.ToLower(w)
			wi := wordInfos[k]
			wi.need |= flag
			if flag != needRelative {
				wi.canon = w
			}
			wordInfos[k] = wi
		}
	}
	names(needMonth, "January", "February", "March", "April", "May", "June", "July", "August", "September",
		"October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
		"Nov", "Dec")
	names(needWeekday, "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
	names(needRelative, "yesterday", "today", "tonight", "overnight", "night", "morning", "afternoon", "evening",
		"day", "week", "month", "year", "weekend")
	for k, wi := range wordInfos {
		if len(k) >= 16 || k[0] < 'a' || k[0] > 'z' {
			panic("timex: word unfit for wordTable: " + k)
		}
		wordTable[k[0]-'a'][len(k)] = append(wordTable[k[0]-'a'][len(k)], wordEntry{k, wi})
	}
}

type wordEntry struct {
	key  string
	info wordInfo
}

// lookupWord is wordInfos[string(key)], key lower case and shorter than 16 bytes.
func lookupWord(key []byte) (wordInfo, bool) {
	if key[0] < 'a' || key[0] > 'z' {
		return wordInfo{}, false
	}
	for _, e := range wordTable[key[0]-'a'][len(key)] {
		if e.key == string(key) {
			return e.info, true
		}
	}
	return wordInfo{}, false
}

// cand is a word start where some rule can begin.
type cand struct {
	start  int
	starts uint16 // bit i: rules[i] can begin here
}

// scanWords appends to cands the word starts of s where some rule can begin, and returns them, the union of their rule bits, and the
// need* flags of the words of s. It sees words as findAll does.
func scanWords(s string, cands []cand) (_ []cand, any uint16, need uint8) {
	var buf [16]byte
	for p := 0; p < len(s); {
		if !text.IsWordByte(s[p]) {
			p++
			continue
		}
		e, n := p, 0
		for e < len(s) && text.IsWordByte(s[e]) {
			if n < len(buf) && s[e] >= 'A' {
				buf[n] = s[e] | 0x20
				n++
			}
			e++
		}
		var st uint16
		if isDigitByte(s[p]) {
			st = digitStarts
		}
		if n > 0 && n < len(buf) {
			if wi, ok := lookupWord(buf[:n]); ok {
				st |= wi.starts
				if wi.need != 0 && n == e-p { // letters only: the key is the word in lower case
					need |= wi.need & needRelative
					if wi.canon != "" && s[p:e] == wi.canon {
						need |= wi.need &^ needRelative
					}
				}
			}
		}
		if st != 0 {
			cands = append(cands, cand{p, st})
			any |= st
		}
		p = e
	}
	return cands, any, need
}

// findScanned is findPlain with one word scan: each rule is tried at the word starts that can begin it, and
// only when the words it needs are there. Text is lower-cased for a rule that folds (rule.fold) only when its
// regexp runs: the gate and cheap test of such a rule read digits and word bounds, and its hand reading
// ignores case.
func findScanned(text string, published *event.Date) []Expr {
	var buf [64]cand
	cands, any, need := scanWords(text, buf[:0])
	if any == 0 {
		return nil
	}
	var all []Expr
	low := lazyLower{s: text}
	for i, r := range rules {
		bit := uint16(1) << i
		if any&bit == 0 {
			continue
		}
		if n := ruleNeed[i]; n != 0 {
			if need&n == 0 {
				continue
			}
		} else if !r.gate(text) {
			continue
		}
		all = appendMatches(all, r, text, findAt(ruleStarter[i], text, &low, r.fold, cands, bit), published)
	}
	return all
}

// lazyLower is lowerASCII(s), made when first asked for.
type lazyLower struct {
	s, low string
	done   bool
}

func (l *lazyLower) get() string {
	if !l.done {
		l.low, l.done = lowerASCII(l.s), true
	}
	return l.low
}

// findAt is findAll over the word starts of cands that have bit; the regexp runs on low when fold.
func findAt(st *starter, text string, low *lazyLower, fold bool, cands []cand, bit uint16) [][]int {
	var out [][]int
	next := 0
	for _, c := range cands {
		if c.starts&bit == 0 || c.start < next {
			continue
		}
		if st.match != nil {
			if m := st.match(text, c.start); m != nil {
				out = append(out, m)
				next = m[1]
			}
			continue
		}
		if st.may != nil && !st.may(text, c.start) {
			continue
		}
		in := text
		if fold {
			in = low.get()
		}
		if m := st.at.FindStringSubmatchIndex(in[c.start:]); m != nil && m[1] > 0 {
			for k := range m {
				if m[k] >= 0 {
					m[k] += c.start
				}
			}
			out = append(out, m)
			next = m[1]
		}
	}
	return out
}
