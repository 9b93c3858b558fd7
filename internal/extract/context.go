package extract

// Closed-class English words the context checks use: grammar, not domain knowledge (that lives in cues.tsv).
var (
	modalWords = set("will", "would", "could", "might", "may", "shall", "should", "must", "can", "cannot",
		"'ll", "wo", "threatened", "threatens", "threaten", "threatening", "vowed", "vows", "plans", "planned",
		"planning", "plan", "intends", "intended", "intend", "aims", "aimed", "aiming", "prepares", "preparing",
		"urged", "urges", "warned", "warns", "warning", "fear", "fears", "feared", "risk", "risks", "if", "unless",
		"prevent", "prevented", "preventing", "avoid", "avert", "possible", "potential", "future", "called",
		"calls", "demanded", "demands", "hope", "hopes", "hoped", "expected", "expect", "expects", "likely",
		"continue", "continues", "continued", "continuing", "enable", "allow",
		"capacity", "ability", "able", "unable", "want", "wants", "wanted", "seeks", "sought", "ready", "readiness")
	negWords     = set("not", "never", "no", "without", "nor", "neither", "none", "denied", "deny", "denies")
	genericWords = set("usually", "often", "typically", "generally", "routinely", "frequently", "regularly",
		"tend", "tends", "whenever", "sometimes")
	reportWords = set("said", "says", "say", "told", "tells", "announced", "announces", "reported", "reports",
		"stated", "states", "claimed", "claims", "added", "denied", "denies", "accused", "accuses", "blamed",
		"blames", "confirmed", "confirms", "tweeted", "wrote", "statement", "declared", "insisted", "noted")
	objectVerbs = set("destroyed", "destroying", "seized", "seizing", "found", "discovered", "dismantled",
		"defused", "recovered", "confiscated", "captured", "cleared", "neutralised", "neutralized", "removed", "engaged", "use")
	cumulativeWords = set("since", "altogether", "overall", "cumulative", "tally")
	patternWords    = set("numerous", "several", "many", "repeated", "frequent", "countless", "regular", "series",
		"multiple", "various", "recurring", "sporadic", "previous", "past", "prior", "repeatedly")
	speechVerbs = set("said", "says", "say", "condemns", "condemned", "welcomed", "welcomes", "urged", "urges",
		"denied", "denies", "accused", "accuses", "blamed", "blames", "warned", "warns", "called", "calls",
		"announced", "announces", "claimed", "claims", "insisted", "insists", "stated", "rejected", "rejects",
		"questioned", "questions", "disputed", "disputes", "dismissed", "confirmed", "confirms", "reported",
		"added", "told", "vowed", "threatened", "responded", "replied", "acknowledged", "admitted", "declined")
	adverbs          = set("also", "strongly", "again", "repeatedly", "has", "have", "had", "on", "later")
	newIncidentWords = set("separate", "separately", "another", "elsewhere", "meanwhile", "second", "third")
	determiners      = set("the", "this", "that", "these", "those", "such", "its", "their")
	presentAux       = set("is", "are", "am", "continue", "continues", "ongoing")
	nearWords        = set("near", "outside", "outskirts", "close", "north", "south", "east", "west",
		"northeast", "northwest", "southeast", "southwest", "km", "kilometres", "kilometers", "miles", "around")
	locPreps    = set("in", "at", "near", "outside", "into", "inside", "on", "across", "around", "of", "to", "towards")
	numberWords = set("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
		"twelve", "thirteen", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand",
		"thousands", "dozen", "dozens", "scores", "several", "nobody", "none", "sixteen", "fourteen", "seventeen",
		"eighteen", "nineteen", "sixty", "seventy", "eighty", "ninety", "million", "handful")
)

// dateWords are the words a date expression needs one of, when it has no digit.
var dateWords = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
	"february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "yesterday", "today",
	"tonight", "overnight", "ago", "last", "earlier", "week", "weekend", "month", "year", "morning", "afternoon",
	"evening", "night", "dawn", "midnight", "noon", "recently", "since", "past", "previous", "days", "weeks",
	"months", "years", "hours")

// set builds a word set.
func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// clauseBreaks are the tokens that end a clause.
var clauseBreaks = set(",", ";", ":", "(", ")", "\u2014", "\u2013", "but", "while", "after", "before", "which", "who")

// back is a run of word indexes before token i, nearest first: i-1, i-2, ..., i-n. It is a value, so that the
// checks that read the words before a cue allocate nothing.
type back struct{ i, n int }

// at returns the k-th index of the run (0 is the nearest).
func (b back) at(k int) int { return b.i - 1 - k }

// before returns up to n word indexes before token i in the same clause, nearest first.
func (s *sent) before(i, n int) back {
	s.markWords()
	k := 0
	for j := i - 1; j >= 0 && k < n; j-- {
		if j < len(s.marks) && s.marks[j]&wClauseBreak != 0 { // clauseBreak(j), read off the marks
			break
		}
		k++
	}
	return back{i: i, n: k}
}

// hasDigitOrNumberWord is the cheap gate for counting: a digit or a number word.
func hasDigitOrNumberWord(s string) bool {
	digit, c := gates(s)
	return digit || c&wNumber != 0
}

// gates reads the cheap gates before counting and dating in one pass over s: whether it has a digit (then
// both gates are open and the pass stops), else the number and date classes of its words of 3 to 9 ASCII
// letters (a word is a run of ASCII letters).
func gates(s string) (digit bool, c wordClass) {
	for i := 0; i < len(s); {
		switch byteKinds[s[i]] {
		case digitByte:
			return true, 0
		case letterByte:
			j := i + 1
			for j < len(s) && byteKinds[s[j]] == letterByte {
				j++
			}
			if n := j - i; n >= 3 && n <= 9 && gateShapes[s[i]|0x20-'a']&(1<<n) != 0 {
				var buf [9]byte
				w := buf[:n]
				for k := range w {
					w[k] = s[i+k] | 0x20 // ASCII letters only: fold to lower case
				}
				c |= classTable.Get(string(w)) & (wNumber | wDate) // the conversion allocates nothing: w does not escape
			}
			i = j
		default:
			i++
		}
	}
	return false, c
}

// byteKinds tells the ASCII digits and letters from every other byte.
var byteKinds = func() (t [256]uint8) {
	for b := range 256 {
		switch {
		case '0' <= b && b <= '9':
			t[b] = digitByte
		case 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z':
			t[b] = letterByte
		}
	}
	return t
}()

// Kinds of byte in byteKinds; any other byte is 0.
const (
	digitByte  = 1
	letterByte = 2
)

// gateShapes has bit n of letter l set when a number or date word of n letters starts with l: most words
// need no map lookup.
var gateShapes = func() (t [26]uint16) {
	for _, set := range []map[string]bool{numberWords, dateWords} {
		for w := range set {
			if n := len(w); n >= 3 && n <= 9 && 'a' <= w[0] && w[0] <= 'z' {
				t[w[0]-'a'] |= 1 << n
			}
		}
	}
	return t
}()
