package numbers

import (
	"strconv"
	"strings"
)

// Qualifiers of a Quantity.
const (
	Exact         = ""
	Approximately = "approximately"
	AtLeast       = "at least"
	MoreThan      = "more than"
	FewerThan     = "fewer than"
	AtMost        = "at most"
	UpTo          = "up to"
	Range         = "range"
)

// Quantity is one number phrase: its span, its reading as a range and the qualifier the text gives it.
type Quantity struct {
	Start, End int // UTF-8 byte offsets into the text given to Find (end exclusive)
	Text       string
	Low        *int
	Best       *int
	High       *int
	// Qualifier is one of the constants above, or a vague plural ("dozens", "scores", "hundreds",
	// "thousands", "tens of thousands", "handful", "several", "few").
	Qualifier string
	// Rule names the rule that read the phrase (for --explain).
	Rule string
}

// Value is the best figure, else the low one, else the high one; ok is false when the quantity has none.
func (q Quantity) Value() (int, bool) {
	switch {
	case q.Best != nil:
		return *q.Best, true
	case q.Low != nil:
		return *q.Low, true
	case q.High != nil:
		return *q.High, true
	}
	return 0, false
}

const (
	unitWords  = `zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen`
	tensWords  = `twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety`
	scaleWords = `hundred|thousand|million|billion`
	digitAtom  = `(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?:` + scaleWords + `))?`
	wordAtom   = `(?:(?:` + tensWords + `)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine)\b)?|` +
		`(?:eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|` + unitWords + `)|` +
		`half\s+a\s+dozen|a\s+dozen|dozen|a\s+hundred|a\s+thousand|a\s+million)(?:\s+(?:` + scaleWords + `))?`
	atom  = `(?:` + digitAtom + `|` + wordAtom + `)`
	qual  = `(?:some|about|around|nearly|almost|roughly|approximately|approx\.|an\s+estimated|estimated|close\s+to|at\s+least|no\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than|more\s+than|over|upwards\s+of|in\s+excess\s+of|fewer\s+than|less\s+than|under|at\s+most|no\s+more\s+than|up\s+to|as\s+many\s+as)`
	vague = `(?:tens\s+of\s+thousands|hundreds\s+of\s+thousands|dozens|scores|hundreds|thousands|a\s+handful|several|a\s+few|a\s+couple)`
)

// phrasePattern is the grammar of a number phrase, for ASCII-lower-cased text (see lowerASCII). matchAt reads
// it by hand; reference_test.go compiles it and checks matchAt against it.
const phrasePattern = `\b(?:(` + qual + `)\s+)?(?:between\s+(` + atom + `)\s+and\s+(` + atom + `)|(` + atom + `)(?:\s*(-|–|\bto\b|\bor\b)\s*(` + atom + `))?|(` + vague + `))\b`

// Find returns every number phrase of text, in order, without overlaps.
func Find(text string) []Quantity {
	var out []Quantity
	low := lowerASCII(text)
	for pos := 0; pos < len(low); {
		m := nextPhrase(low, pos)
		if m == nil {
			break
		}
		pos = m[1]
		if q, ok := build(text, m); ok {
			out = append(out, q)
			pos = max(q.End, m[0]+1) // a phrase cut short ("from 30 to 20" is no range) leaves the rest to read
		}
	}
	return out
}

// Parse reads one number phrase; ok is false when phrase is not, as a whole, a number phrase.
func Parse(phrase string) (Quantity, bool) {
	p := strings.TrimSpace(phrase)
	m := matchAt(lowerASCII(p), 0)
	if m == nil || m[1] != len(p) {
		return Quantity{}, false
	}
	return build(p, m)
}

// lowerASCII lower-cases the ASCII letters of s only, so that byte offsets into the result are offsets into s.
func lowerASCII(s string) string {
	i := 0
	for i < len(s) && !(s[i] >= 'A' && s[i] <= 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if c := b[i]; c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func ip(n int) *int { return &n }

// build turns one match of phrasePattern into a Quantity, or rejects it.
func build(text string, m []int) (Quantity, bool) {
	q := Quantity{Start: m[0], End: m[1], Text: text[m[0]:m[1]]}
	qualText := ""
	if m[2] >= 0 {
		qualText = strings.ToLower(strings.Join(strings.Fields(text[m[2]:m[3]]), " "))
	}
	switch {
	case m[4] >= 0: // between A and B
		lo, ok1 := atomValue(text[m[4]:m[5]])
		hi, ok2 := atomValue(text[m[6]:m[7]])
		if !ok1 || !ok2 || hi < lo {
			return q, false
		}
		q.Low, q.Best, q.High, q.Qualifier, q.Rule = ip(lo), ip(lo), ip(hi), Range, "between"
		return q, true
	case m[8] >= 0:
		return buildAtom(text, m, q, qualText)
	default:
		v := strings.ToLower(strings.Join(strings.Fields(text[m[14]:m[15]]), " "))
		if qualText != "" { // "some dozens": the qualifier adds nothing to a vague plural
			q.Rule = "vague+" + qualText
		} else {
			q.Rule = "vague"
		}
		return vagueQuantity(q, v)
	}
}

func buildAtom(text string, m []int, q Quantity, qualText string) (Quantity, bool) {
	aStart, aEnd := m[8], m[9]
	if m[12] >= 0 { // "5 to 7", "5-7", "five or six"
		if rangeOK(text, m) {
			lo, ok1 := atomValue(text[aStart:aEnd])
			hi, ok2 := atomValue(text[m[12]:m[13]])
			if ok1 && ok2 && hi > lo {
				q.Low, q.Best, q.High, q.Qualifier, q.Rule = ip(lo), ip(lo), ip(hi), Range, "range"
				return q, isCount(text, aStart, m[13], true)
			}
		}
		// Not a range: keep only the first number.
		q.End, q.Text = aEnd, text[q.Start:aEnd]
	}
	if !isCount(text, aStart, aEnd, qualText != "") {
		return q, false
	}
	v, ok := atomValue(text[aStart:aEnd])
	if !ok {
		return q, false
	}
	return qualify(q, v, qualText), true
}

// rangeOK rejects "5-7" forms that are dates or codes ("2016-10-05", "10/5-6").
func rangeOK(text string, m []int) bool {
	sep := text[m[10]:m[11]]
	if sep == "-" || sep == "–" {
		end := m[13]
		if end < len(text) && (text[end] == '-' || text[end] == '/') {
			return false
		}
	}
	return true
}

func qualify(q Quantity, v int, qualText string) Quantity {
	switch qualText {
	case "":
		q.Low, q.Best, q.High, q.Rule = ip(v), ip(v), ip(v), "exact"
	case "at least", "no fewer than", "no less than", "not less than":
		q.Low, q.Best, q.Qualifier = ip(v), ip(v), AtLeast
	case "more than", "over", "upwards of", "in excess of":
		q.Low, q.Best, q.Qualifier = ip(v+1), ip(v+1), MoreThan
	case "fewer than", "less than", "under":
		q.High, q.Qualifier = ip(max(v-1, 0)), FewerThan
	case "at most", "no more than":
		q.Best, q.High, q.Qualifier = ip(v), ip(v), AtMost
	case "up to", "as many as":
		q.Best, q.High, q.Qualifier = ip(v), ip(v), UpTo
	default: // some, about, around, nearly, almost, roughly, an estimated...
		q.Low, q.Best, q.High, q.Qualifier = ip(v), ip(v), ip(v), Approximately
	}
	if q.Rule == "" {
		q.Rule = "qualifier:" + qualText
	}
	return q
}

func vagueQuantity(q Quantity, v string) (Quantity, bool) {
	lo, hi, name := 0, 0, v
	switch v {
	case "dozens":
		lo, hi = 24, 99
	case "scores":
		lo, hi = 40, 99
	case "hundreds":
		lo, hi = 200, 999
	case "thousands":
		lo, hi = 2000, 9999
	case "tens of thousands":
		lo, hi = 20000, 99999
	case "hundreds of thousands":
		lo, hi = 200000, 999999
	case "a handful":
		lo, hi, name = 2, 6, "handful"
	case "several":
		lo, hi = 3, 9
	case "a few":
		lo, hi, name = 2, 5, "few"
	case "a couple":
		lo, hi, name = 2, 2, Approximately
		q.Best = ip(2)
	default:
		return q, false
	}
	q.Low, q.High, q.Qualifier = ip(lo), ip(hi), name
	return q, true
}

// atomValue reads "1,200", "1.2 million", "twenty-one", "a dozen", "three hundred".
func atomValue(s string) (int, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return 0, false
	}
	if s[0] >= '0' && s[0] <= '9' {
		return digitValue(s)
	}
	return wordValue(s)
}

func digitValue(s string) (int, bool) {
	num, scale := s, 1.0
	if i := strings.IndexAny(s, " \t\n"); i > 0 {
		num = s[:i]
		scale = float64(scaleOf(strings.TrimSpace(s[i:])))
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(num, ",", ""), 64)
	if err != nil || f*scale > 2e9 {
		return 0, false
	}
	return int(f*scale + 0.5), true
}

func scaleOf(w string) int {
	switch w {
	case "hundred":
		return 100
	case "thousand":
		return 1000
	case "million":
		return 1000000
	case "billion":
		return 1000000000
	}
	return 1
}

var smallWords = map[string]int{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "dozen": 12,
}

func wordValue(s string) (int, bool) {
	if strings.HasPrefix(s, "half") {
		return 6, true // half a dozen
	}
	total, cur := 0, 0
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == '\t' || r == '\n' }) {
		if v, ok := smallWords[w]; ok {
			if w == "dozen" {
				cur = max(cur, 1) * 12
			} else {
				cur += v
			}
			continue
		}
		sc := scaleOf(w)
		if sc == 1 {
			return 0, false
		}
		if sc == 100 {
			cur = max(cur, 1) * 100
		} else {
			total += max(cur, 1) * sc
			cur = 0
		}
	}
	return total + cur, true
}
