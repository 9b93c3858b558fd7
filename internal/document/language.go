package document

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
)

// Language detection limits.
const (
	langScanBytes    = 32 << 10 // how far into a text DetectLanguage looks for distinct sentences
	langSampleBytes  = 2 << 10  // the distinct sentences it counts words in, at most
	langTrigramBytes = 1 << 10  // the part of those the trigram detector reads, at most
	langMaxSentence  = 256      // a longer run without a sentence end is cut into pieces of about this size
	langMaxSentences = 128      // distinct sentences remembered
	langMinLetters   = 40       // the fewest letters DetectLanguage decides on
	langEnoughWords  = 150      // words after which English (englishWordShare) is settled without reading on
	englishWordShare = 0.10     // share of English-only words that settles "en" at once
	englishAnyShare  = 0.10     // share of English words of any kind that makes text with no foreign sign "en"
	foreignWordShare = 0.08     // share of foreign words (function words, accented) a Latin text needs to be foreign
	foreignFuncShare = 0.03     // ... of which foreign function words, unless accented words alone reach:
	foreignAccShare  = 0.20
	foreignStrong    = 0.25 // share of foreign function words that lets a short text do with langMinConf
	langMinConf      = 0.5  // the trigram detector's confidence needed from langLongText letters on
	langMinConfShort = 0.8  // below langLongText letters, where trigram statistics are thin
	langLongText     = 200
)

// englishOnly are frequent English function words that are rare as words in other languages written in Latin
// script. Left out on purpose: "a", "in", "is", "on" (Romance, German, Dutch), "for", "by", "her" (Danish,
// Norwegian), "to" (Czech, Slovak, Polish), "at" (Tagalog), "are" (Romanian), "will", "also" (German), "of"
// (Dutch).
var englishOnly = map[string]bool{
	"the": true, "and": true, "was": true, "were": true, "said": true, "with": true, "that": true, "from": true,
	"has": true, "have": true, "been": true, "after": true, "which": true, "this": true, "their": true,
	"they": true, "had": true, "his": true, "it": true, "who": true, "would": true, "its": true, "against": true,
	"not": true, "but": true, "what": true, "when": true, "there": true, "these": true, "those": true,
	"while": true, "where": true, "our": true, "you": true, "she": true, "we": true, "them": true, "could": true,
	"should": true, "about": true, "than": true, "into": true, "during": true, "says": true, "say": true,
}

// englishShared are English function words that are also words of some other language: evidence of English
// only where nothing points to another language (headlines, which have few of the words above).
var englishShared = map[string]bool{
	"a": true, "an": true, "in": true, "on": true, "of": true, "to": true, "for": true, "by": true, "at": true,
	"as": true, "is": true, "are": true, "be": true, "or": true, "up": true, "out": true, "off": true,
	"over": true, "near": true, "amid": true, "will": true, "her": true, "he": true, "new": true,
}

// foreignFunction are frequent function words of other languages written in Latin script that are not English
// words (French, Spanish, Portuguese, Italian, German, Dutch, Swedish, Danish, Norwegian, Romanian, Polish,
// Czech, Turkish, Tagalog, Indonesian and Malay, Swahili, Somali, Hausa). Words also common in English news
// as names or parts of words are left out: "el", "al", "de", "los", "las", "dos" (place and person names),
// "van", "die", "man", "till", "met", "per", "also", "was" (English words), "un", "au" (the UN, the African
// Union), "para", "pro" (para-military, pro-government), "com" (web addresses).
var foreignFunction = map[string]bool{
	// French
	"le": true, "la": true, "les": true, "des": true, "du": true, "et": true, "une": true, "est": true,
	"dans": true, "qui": true, "que": true, "sur": true, "aux": true, "avec": true, "ont": true, "pas": true,
	"ce": true, "cette": true, "selon": true, "leur": true, "sont": true, "par": true, "il": true, "elle": true,
	// Spanish, Portuguese
	"y": true, "en": true, "se": true, "lo": true, "por": true, "una": true, "fue": true, "como": true,
	"pero": true, "sus": true, "este": true, "esta": true, "uma": true, "os": true, "pelo": true, "pela": true,
	"foi": true, "em": true, "ao": true, "das": true, "nos": true, "seu": true, "sua": true,
	// Italian
	"della": true, "delle": true, "degli": true, "gli": true, "sono": true, "nel": true, "nella": true,
	"che": true, "alla": true, "anche": true, "stato": true, "di": true, "ha": true,
	// German, Dutch
	"der": true, "und": true, "nicht": true, "ist": true, "mit": true, "sich": true, "auf": true, "eine": true,
	"wurde": true, "zu": true, "ein": true, "werden": true, "nach": true, "auch": true, "bei": true,
	"het": true, "een": true, "niet": true, "zijn": true, "werd": true, "voor": true, "ook": true,
	"wordt": true, "naar": true, "bij": true, "op": true,
	// Swedish, Danish, Norwegian
	"och": true, "att": true, "det": true, "som": true, "inte": true, "ett": true, "av": true, "og": true,
	"ikke": true, "af": true, "til": true, "den": true, "har": true, "efter": true, "eller": true,
	// Romanian, Polish, Czech, Turkish
	"cu": true, "pe": true, "din": true, "care": true, "fost": true, "nie": true, "jest": true,
	"oraz": true, "przez": true, "na": true, "je": true, "jsou": true, "byl": true, "byla": true, "ale": true,
	"jako": true, "ve": true, "bir": true, "bu": true, "ile": true,
	// Tagalog, Indonesian and Malay, Swahili, Somali, Hausa
	"ang": true, "ng": true, "mga": true, "sa": true, "ay": true, "noong": true, "nang": true, "yang": true,
	"dan": true, "dengan": true, "untuk": true, "dari": true, "ini": true, "itu": true, "tidak": true,
	"akan": true, "oleh": true, "pada": true, "dalam": true, "telah": true, "wa": true, "ya": true, "kwa": true,
	"katika": true, "ni": true, "za": true, "kwamba": true, "iyo": true, "ayaa": true, "waxaa": true,
	"oo": true, "wanda": true, "kuma": true,
}

// foreignAmbiguous are Romance function words left out of foreignFunction because English news uses them in
// names ("El Salvador", "Ciudad de México", "Los Angeles", "the UN"). They count as foreign function words only
// in a text without any English word that already shows another sign of a foreign language: then
// "murieron el martes en un ataque de las FARC" is Spanish.
var foreignAmbiguous = map[string]bool{
	"el": true, "de": true, "los": true, "las": true, "un": true, "del": true, "al": true, "dos": true,
	"au": true, "para": true,
}

// DetectLanguage returns the ISO 639-1 code of the language of text ("en", "ar", "uk"...), or "" when it cannot
// tell. English news must never come out as another language (the extractor would refuse it), so:
//
//   - It reads distinct sentences only (at most 2 KiB of them from the first 32 KiB): a page repeating a line
//     or a boilerplate block is judged on what it says once. It stops early once 150 words settle English.
//   - Fewer than 40 letters: "".
//   - English is recognised first by English-only function words ("the", "was", "said": at least 10% of the
//     words, more than the foreign words below).
//   - Text mostly in another script than Latin gets the trigram detector's (whatlanggo) best guess.
//   - Latin-script text is called another language only on positive evidence: at least 8% of its words are
//     function words of other languages ("les", "und", "och") or lower-case accented words ("été", "för", not
//     the names "Bogotá", "São Paulo" of English headlines), with at least 3% function words unless accented
//     words alone reach 20%. Then the trigram detector names the language, over at most 1 KiB, and must be
//     confident (more so below 200 letters, unless a quarter of the words are foreign function words) or the
//     answer is "". Romance words also found in English names ("el", "de", "las") count as foreign function
//     words only in a text with no English word and some other foreign sign.
//   - Without that evidence, text with at least 10% English words of any kind ("in", "on", "of", "says") is
//     "en", anything else "" (never a foreign language).
func DetectLanguage(text string) string {
	var st langStats
	distinctSentences(text, langSampleBytes, func(s string) bool {
		st.add(s)
		return st.words < langEnoughWords || !st.english10()
	})
	if st.letters < langMinLetters {
		return ""
	}
	if st.english10() {
		return "en"
	}
	words := float64(st.words)
	if st.other > st.latin {
		info := whatlanggo.Detect(trigramSample(text))
		if info.Script != unicode.Latin {
			return info.Lang.Iso6391() // another script: certainly not English, the best guess is the answer
		}
	}
	nforeign, nfunc := st.foreign, st.foreignFunc
	if st.english+st.englishShared == 0 && nforeign > 0 {
		nforeign += st.ambiguous
		nfunc += st.ambiguous
	}
	foreign := float64(nforeign) >= foreignWordShare*words &&
		(float64(nfunc) >= foreignFuncShare*words || float64(nforeign) >= foreignAccShare*words)
	if !foreign {
		if float64(st.english+st.englishShared) >= englishAnyShare*words {
			return "en"
		}
		return ""
	}
	info := whatlanggo.Detect(trigramSample(text))
	short := st.letters < langLongText && float64(nfunc) < foreignStrong*words
	if info.Confidence < langMinConf || short && info.Confidence < langMinConfShort {
		return ""
	}
	return info.Lang.Iso6391()
}

// langStats are the word counts DetectLanguage decides on.
type langStats struct {
	letters, words int
	latin, other   int // letters in Latin script and in any other
	english        int // words in englishOnly
	englishShared  int // words in englishShared
	foreign        int // words in foreignFunction, or lower-case with an accented Latin letter
	foreignFunc    int // words in foreignFunction
	ambiguous      int // words in foreignAmbiguous
}

// english10 reports whether at least englishWordShare of the words are English-only ones, and more than the
// foreign ones.
func (st *langStats) english10() bool {
	return float64(st.english) >= englishWordShare*float64(st.words) && st.english > st.foreign
}

// add counts the words of the sentence s.
func (st *langStats) add(s string) {
	start, accented, lower := -1, false, false
	flush := func(end int) {
		if start < 0 {
			return
		}
		st.words++
		class := uint8(classNone)
		if k, ok := langKey(s[start:end]); ok {
			class = langClasses[k]
		}
		switch {
		case class == classEnglish:
			st.english++
		case class == classShared:
			st.englishShared++
		case class == classForeign:
			st.foreign++
			st.foreignFunc++
		case class == classAmbiguous:
			st.ambiguous++
		case accented && lower:
			st.foreign++
		}
		start, accented = -1, false
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
				st.letters++
				st.latin++
				if start < 0 {
					start, lower = i, c >= 'a'
				}
			case c == '\'' && start >= 0:
			default:
				flush(i)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '’' && start >= 0:
		case unicode.IsLetter(r):
			st.letters++
			if unicode.Is(unicode.Latin, r) {
				st.latin++
				accented = true
			} else {
				st.other++
			}
			if start < 0 {
				start, lower = i, unicode.IsLower(r)
			}
		case unicode.IsMark(r) && start >= 0: // combining accents, Arabic vowel marks
		default:
			flush(i)
		}
		i += n
	}
	flush(len(s))
}

// The word lists by word, as langStats counts them: one lookup of a uint64 per word instead of up to four
// string lookups, one per list (DetectLanguage's word count took 0.21 s of 10.3 s of a 5,000-document ingest
// profile before, 0.1 s after). A word in two lists counts for the first of englishOnly, englishShared,
// foreignFunction, foreignAmbiguous.
const (
	classNone = iota
	classEnglish
	classShared
	classForeign
	classAmbiguous
)

// langClasses maps langKey of each listed word to its list. It is built once and never changed.
var langClasses = func() map[uint64]uint8 {
	m := map[uint64]uint8{}
	for _, l := range []struct {
		words map[string]bool
		class uint8
	}{{foreignAmbiguous, classAmbiguous}, {foreignFunction, classForeign}, {englishShared, classShared},
		{englishOnly, classEnglish}} { // the first list last: its class overwrites another's
		for w := range l.words {
			if k, ok := langKey(w); ok {
				m[k] = l.class
			}
		}
	}
	return m
}()

// langKey packs w lower-cased into a uint64, its first byte lowest, when w is ASCII without NUL and at most 8
// bytes long (every listed word); ok is false otherwise. Two such words get the same key only when they are
// equal ignoring ASCII case: the unused high bytes are zero, and no byte of a word is.
func langKey(w string) (k uint64, ok bool) {
	if len(w) > 8 {
		return 0, false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf || c == 0 {
			return 0, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		k |= uint64(c) << (8 * i)
	}
	return k, true
}

// trigramSample is the start of text's distinct sentences, at most langTrigramBytes, for the trigram detector.
func trigramSample(text string) string {
	var b strings.Builder
	b.Grow(langTrigramBytes + langMaxSentence)
	distinctSentences(text, langTrigramBytes, func(s string) bool {
		b.WriteString(s)
		b.WriteByte('\n')
		return true
	})
	return b.String()
}

// distinctSentences calls visit with each sentence of the first langScanBytes of text that is not a repetition
// of an earlier one, until visit has been given limit bytes or returns false. Sentences end at . ! ? ; or a line break; a longer
// run is cut at a space after langMaxSentence bytes. Two sentences are the same when they have the same letters
// ignoring case: "Update 12:40: shelling continues" repeats "Update 13:10: shelling continues".
func distinctSentences(text string, limit int, visit func(string) bool) {
	text = text[:min(len(text), langScanBytes)]
	var seen [langMaxSentences]uint64
	nseen, given := 0, 0
	for len(text) > 0 && given < limit && nseen < langMaxSentences {
		end := sentenceEnd(text)
		s := strings.TrimSpace(text[:end])
		text = text[end:]
		h, letters := sentenceKey(s)
		if letters < 2 {
			continue
		}
		dup := false
		for _, k := range seen[:nseen] {
			if k == h {
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		seen[nseen] = h
		nseen++
		given += len(s) + 1
		if !visit(s) {
			return
		}
	}
}

// sentenceEnd is the length of the sentence text starts with, its end mark included.
func sentenceEnd(text string) int {
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '.' || c == '!' || c == '?' || c == ';' || c == '\n':
			return i + 1
		case i >= langMaxSentence && c == ' ':
			return i + 1
		case i >= 2*langMaxSentence && utf8.RuneStart(c): // no space either (Chinese, Thai)
			return i
		}
	}
	return len(text)
}

// sentenceKey hashes (FNV-1a) the letters of s, ASCII ones lower-cased, and counts them (bytes of the non-ASCII
// ones).
func sentenceKey(s string) (uint64, int) {
	h, letters := uint64(14695981039346656037), 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case 'a' <= c && c <= 'z' || c >= utf8.RuneSelf:
		default:
			continue
		}
		h = (h ^ uint64(c)) * 1099511628211
		letters++
	}
	return h, letters
}
