package extract

import (
	"strings"

	"sitrep/internal/text"
)

// wordClass is a set of word classes, one bit per word set that the checks ask of a sentence's tokens
// (classOf). A sentence's tokens are looked up once, in one map of all the classes (sent.marks), and every
// later question ("is token i a modal?", "does the sentence have a denial word?") is a bit test instead of a
// map lookup per token and per set.
type wordClass uint64

// classWords maps each word to the classes it belongs to.
var classWords = map[string]wordClass{}

// classTable is classWords as a text.Table, which answers a word faster than the map (markWords asks for every
// token of a sentence it marks). It is built by init, once every class is made: package variables (the
// classOf calls) are initialised before any init function runs, and nothing adds to classWords later.
var classTable text.Table[wordClass]

func init() { classTable = text.NewTable(classWords) }

// classes is how many classes classOf has made.
var classes int

// classOf makes a class of the words of a set; the set stays what the checks that read other strings ask.
func classOf(words map[string]bool) wordClass {
	if classes == 64 {
		panic("extract: more than 64 word classes")
	}
	c := wordClass(1) << classes
	classes++
	for w := range words {
		classWords[w] |= c
	}
	return c
}

// The word classes of the sets the checks ask of tokens.
var (
	wModal          = classOf(modalWords)
	wNeg            = classOf(negWords)
	wGeneric        = classOf(genericWords)
	wReport         = classOf(reportWords)
	wObject         = classOf(objectVerbs)
	wCumulative     = classOf(cumulativeWords)
	wPattern        = classOf(patternWords)
	wNewIncident    = classOf(newIncidentWords)
	wDeterminer     = classOf(determiners)
	wPresentAux     = classOf(presentAux)
	wNumber         = classOf(numberWords)
	wPolitical      = classOf(politicalWords)
	wSupport        = classOf(supportVerbs)
	wAccuse         = classOf(accuseWords)
	wDeny           = classOf(denyWords)
	wResponsibility = classOf(responsibilityWords)
	wClaim          = classOf(claimWords)
	wClaimNoun      = classOf(claimNounNext)
	wExperience     = classOf(experienceVerbs)
	wTollUpdate     = classOf(tollUpdateWords)
	wRank           = classOf(rankWords)
	wSpanPrep       = classOf(spanPreps)
	wSpanUnit       = classOf(spanUnits)
	wCity           = classOf(cityNouns)
	wConveyanceFill = classOf(conveyanceFillers)
	wRider          = classOf(riders)
	wArrival        = classOf(arrivalVerbs)
	wPerpetrator    = classOf(perpetratorNouns)
	wDelivery       = classOf(deliveryWords)
	wDate           = classOf(dateWords)
	wClauseBreak    = classOf(clauseBreaks)
	wLauncher       = classOf(launcherWords)
	// wNegated marks the words that end in "n't", which anyWord reads as "not"; no set holds them.
	wNegated = classOf(nil)
)

// markWords looks up the classes of the sentence's tokens once it has them.
func (s *sent) markWords() {
	if s.marks != nil || s.Tokens == nil {
		return // marked already, or not tokenized yet (no word then has a class)
	}
	s.marks = s.newMarks(len(s.Tokens))
	for i := range s.Tokens {
		w := s.word(i)
		c := classTable.Get(w)
		if strings.HasSuffix(w, "n't") {
			c |= wNegated
		}
		s.marks[i] = c
		s.marked |= c
	}
}

// newMarks returns room for n marks: the next n of the run's arena of them (marksArena, set by scan) when it
// has that many left, else a new slice; never nil (a nil marks means not marked yet). Every mark is written by
// markWords before it is read, and a sentence's marks are read only during its run.
func (s *sent) newMarks(n int) []wordClass {
	if a := s.marksArena; a != nil && n > 0 {
		if marks, ok := cutN(a, n); ok {
			return marks
		}
	}
	return make([]wordClass, n)
}

// is reports whether token i is a word of one of the classes c; false out of range.
func (s *sent) is(i int, c wordClass) bool {
	s.markWords()
	return i >= 0 && i < len(s.marks) && s.marks[i]&c != 0
}

// sentenceHas reports whether any token of s is a word of one of the classes c.
func (s *sent) sentenceHas(c wordClass) bool {
	s.markWords()
	return s.marked&c != 0
}

// anyWord reports whether one of the tokens idx is a word of one of the classes c; a word ending in "n't"
// counts as "not".
func (s *sent) anyWord(idx back, c wordClass) bool {
	s.markWords()
	for k := range idx.n {
		i := idx.at(k)
		if i < 0 || i >= len(s.marks) {
			continue
		}
		if m := s.marks[i]; m&c != 0 || m&wNegated != 0 && classWords["not"]&c != 0 {
			return true
		}
	}
	return false
}

// firstWord returns the index of the first token of one of the classes c, or -1.
func (s *sent) firstWord(c wordClass) int {
	if !s.sentenceHas(c) {
		return -1
	}
	for i := range s.marks {
		if s.marks[i]&c != 0 {
			return i
		}
	}
	return -1
}
