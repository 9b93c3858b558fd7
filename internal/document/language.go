package document

import (
	"strings"
	"unicode"

	"github.com/RadhiFadlillah/whatlanggo"
)

// Language detection limits: the sample DetectLanguage looks at, the fewest letters it decides on, the share of
// English-only function words that settles "en" at once, and the confidence the trigram detector needs.
const (
	langSampleBytes  = 4 << 10
	langMinLetters   = 40
	englishWordShare = 0.10
	langMinConf      = 0.5 // from langLongText letters on
	langMinConfShort = 0.8 // below langLongText letters, where trigram statistics are thin
	langLongText     = 200
)

// englishOnly are frequent English function words that are rare as words in other languages written in Latin
// script. Left out on purpose: "a", "in", "is", "on" (Romance, German, Dutch), "for", "by", "her" (Danish,
// Norwegian), "to" (Czech, Slovak, Polish), "at" (Tagalog), "are" (Romanian), "will" (German), "of" (Dutch).
var englishOnly = map[string]bool{
	"the": true, "and": true, "was": true, "were": true, "said": true, "with": true, "that": true, "from": true,
	"has": true, "have": true, "been": true, "after": true, "which": true, "this": true, "their": true,
	"they": true, "had": true, "his": true, "it": true, "who": true, "would": true, "its": true, "against": true,
}

// DetectLanguage returns the ISO 639-1 code of the language of text ("en", "ar", "uk"...), or "" when the text
// is too short (fewer than 40 letters) or the detector is not confident (it needs more confidence below 200
// letters), so that a short English text is never refused as foreign. Text in another script than Latin gets
// the detector's best guess. It reads at most the first 4 KiB.
// English is recognised first by its function words (cheap and reliable on news text); other text goes to a
// trigram detector (whatlanggo).
func DetectLanguage(text string) string {
	sample := text[:min(len(text), langSampleBytes)]
	letters, words, english := countWords(sample)
	if letters < langMinLetters {
		return ""
	}
	if float64(english) >= englishWordShare*float64(words) {
		return "en"
	}
	info := whatlanggo.Detect(sample)
	if info.Script != unicode.Latin {
		return info.Lang.Iso6391() // another script: certainly not English, the best guess is the answer
	}
	if info.Confidence < langMinConf || letters < langLongText && info.Confidence < langMinConfShort {
		return ""
	}
	return info.Lang.Iso6391()
}

// countWords counts letters, words and English-only function words in s.
func countWords(s string) (letters, words, english int) {
	start := -1
	flush := func(end int) {
		if start >= 0 {
			words++
			if w := s[start:end]; len(w) <= 7 && englishOnly[strings.ToLower(w)] {
				english++
			}
			start = -1
		}
	}
	for i, r := range s {
		if unicode.IsLetter(r) || r == '\'' && start >= 0 {
			letters++
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(s))
	return letters, words, english
}
