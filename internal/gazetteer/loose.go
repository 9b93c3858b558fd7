package gazetteer

import (
	"strings"
	"unicode/utf8"
)

// articles are the Arabic definite article and its sun-letter assimilations as transliterations spell them,
// when they stand as a word of their own after folding ("al-Kubra", "Deir ez-Zor", "Ras al Ain").
var articles = map[string]bool{
	"al": true, "el": true, "ul": true, "il": true,
	"ad": true, "ed": true, "ar": true, "er": true, "as": true, "es": true, "at": true, "et": true,
	"az": true, "ez": true, "an": true, "en": true, "ash": true, "esh": true, "adh": true, "ath": true,
}

// LooseKey returns the transliteration key of a name: its folded words without Arabic articles, each reduced
// to a skeleton where every run of vowels is one 'a' (Urem, Urum and Orum -> "aram"; Tartus and Tartous ->
// "tartas"; Kyiv and Kiev -> "kav"; Mosul and Mawsil -> "masal"). It is a fallback: different places may
// share a loose key.
func LooseKey(name string) string {
	return looseFromFolded(Fold(name))
}

// looseFromFolded computes the loose key of an already folded key.
func looseFromFolded(folded string) string {
	words := strings.Fields(folded)
	kept := words[:0:0]
	for _, w := range words {
		if !articles[w] {
			kept = append(kept, w)
		}
	}
	if len(kept) == 0 {
		kept = words
	}
	var b strings.Builder
	for i, w := range kept {
		if i > 0 {
			b.WriteByte(' ')
		}
		skeleton(&b, w)
	}
	return b.String()
}

// skeleton writes the skeleton of one folded word: vowels, and y and w after the first letter, become 'a'
// (a run of them one 'a'); every h after the first letter is dropped (kh, sh, th, dh, final h); q and c become
// k, ph becomes f, an initial w becomes v; doubled letters collapse.
func skeleton(b *strings.Builder, w string) {
	var last byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			// letters of other scripts are kept as they are
			r, size := utf8.DecodeRuneInString(w[i:])
			b.WriteRune(r)
			i += size - 1
			last = 0
			continue
		}
		out := skeletonByte(w, i)
		if out == 0 || out == last {
			continue
		}
		b.WriteByte(out)
		last = out
	}
}

// skeletonByte maps the byte at w[i] to its skeleton letter, or 0 to drop it.
func skeletonByte(w string, i int) byte {
	c := w[i]
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return 'a'
	case 'y':
		if i == 0 {
			return 'y'
		}
		return 'a'
	case 'w':
		if i == 0 {
			return 'v'
		}
		return 'a'
	case 'h':
		if i == 0 {
			return 'h'
		}
		return 0 // kh, sh, th, ph (written as f by the p), final h
	case 'q', 'c':
		return 'k'
	case 'p':
		if i+1 < len(w) && w[i+1] == 'h' {
			return 'f'
		}
		return 'p'
	}
	return c
}

// arabicNames lists the countries whose place names are transliterated from Arabic, where news often drops
// the leading article: Al Qamishli is "Qamishli", Al Fallujah "Fallujah", An Nasiriyah "Nasiriyah".
var arabicNames = map[string]bool{
	"AE": true, "BH": true, "DJ": true, "DZ": true, "EG": true, "EH": true, "IQ": true, "JO": true, "KM": true,
	"KW": true, "LB": true, "LY": true, "MA": true, "MR": true, "OM": true, "PS": true, "QA": true, "SA": true,
	"SD": true, "SO": true, "SY": true, "TD": true, "TN": true, "YE": true,
}

// dropArticle returns a folded name of a place in an Arabic-named country without its leading article
// ("al qamishli" -> "qamishli"), or "" when it has none.
func dropArticle(country, folded string) string {
	if !arabicNames[country] {
		return ""
	}
	first, rest, ok := strings.Cut(folded, " ")
	if !ok || !articles[first] || rest == "" {
		return ""
	}
	return rest
}
