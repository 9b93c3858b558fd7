package geoparse

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"sitrep/internal/text"
)

// maxWords bounds the words of one place name.
const maxWords = 8

// recognise finds the place names of the text, left to right, longest match first.
func (r *run) recognise() {
	d := r.d
	for i := 0; i < len(d.toks); {
		if end, name := r.stateAbbrev(i); end > 0 {
			r.addStateAbbrev(i, end, name)
			i = end
			continue
		}
		if !r.canStart(i) {
			i++
			continue
		}
		if j := r.streetRun(i); j > 0 {
			i = j
			continue
		}
		hi, key := r.longest(i)
		if hi <= i+1 && r.demonymAt(i) {
			i++
			continue
		}
		if hi < 0 || hi == i+1 && arabicArticles[key] && d.punct(hi, "-") && d.tight(hi) {
			i = r.unknownRun(i) // no name, or only the article of one: "Al" of "Al-Rawdah"
			continue
		}
		if j := r.longerVariant(i, hi); j > 0 {
			i = j
			continue
		}
		if j := r.articleCompound(i, hi, key); j > 0 {
			i = j
			continue
		}
		if j := r.unknownCompound(i, hi, key); j > 0 {
			i = j
			continue
		}
		hi, noun, v := r.accept(i, hi, key)
		switch v {
		case rejectWord:
			i = hi
			continue
		case rejectRun:
			i = r.skipCaps(hi)
			continue
		}
		if d.punct(hi, ".") && d.gap(hi-1, hi) == "" && len(d.toks[hi-1].Text) == 1 && d.isCap(hi-1) {
			hi++ // the final dot of "U.S."
		}
		r.addMention(i, hi, key, noun)
		i = hi
	}
	if len(r.initials) > 0 {
		r.reviveInitials()
	}
}

// initialName is a one-word name of a small place at the start of a sentence, left out as a likely common
// word ("Mobile phones...") until the rest of the document is known.
type initialName struct {
	lo, hi    int
	key, noun string
}

// englishNamed are the countries whose towns are often named by common English words: a capitalised word at
// the start of a sentence that names one of them is most likely the word.
var englishNamed = set("US", "GB", "CA", "AU", "NZ", "IE", "ZA", "JM", "BS", "BB", "TT", "GU", "PR", "VI")

// reviveInitials adds back the small places left out at the start of a sentence ("Djibo has been under
// blockade", "Kadugli, the capital of South Kordofan") whose country the document names outright, or where
// two other names have one reading there, unless that country's towns are often named by English words
// (englishNamed). The mentions stay ordered by position.
func (r *run) reviveInitials() {
	named := map[string]float64{}
	for k := range r.ms {
		m := &r.ms[k]
		if c, ok := r.g.CountryByName(m.key); ok && m.lo >= 0 {
			named[c.Code] += 2
			continue
		}
		if ps := r.lookup(m.key); len(ps) == 1 && ps[0].Country != "" {
			named[ps[0].Country]++
		}
	}
	for _, in := range r.initials {
		if !r.verbOrComma(in.hi) {
			continue // "Bar owners in Kyiv", "Marks of the shelling": the word starts a noun phrase
		}
		ok := false
		for _, p := range r.lookup(in.key) {
			n := r.p.fold(p.Name)
			if p.Class == 'P' && named[p.Country] >= 2 && !englishNamed[p.Country] && (n == in.key || withoutArticle(n) == in.key) {
				ok = true
				break
			}
		}
		if !ok {
			continue
		}
		k := len(r.ms)
		for k > 0 && r.ms[k-1].lo > in.lo {
			k--
		}
		r.addMention(in.lo, in.hi, in.key, in.noun)
		m := r.ms[len(r.ms)-1]
		copy(r.ms[k+1:], r.ms[k:len(r.ms)-1])
		r.ms[k] = m
	}
	r.initials = r.initials[:0]
}

// verbOrComma reports whether token i, after a sentence's first word, shows that word to be a name of its
// own: a comma ("Kadugli, the capital of"), an auxiliary or speech verb ("Djibo has", "Djibo said"), or a
// lower-case past form ("Djibo remained"). A lower-case noun or "of" after it makes it the start of a noun
// phrase ("Bar owners", "Marks of the shelling").
func (r *run) verbOrComma(i int) bool {
	d := r.d
	if i >= len(d.toks) {
		return false
	}
	if d.punct(i, ",") {
		return true
	}
	w := d.word(i)
	if w == "" || d.isCap(i) {
		return false
	}
	return d.is(i, wcAuxiliary) || d.is(i, wcSpeechVerb) || len(w) > 4 && strings.HasSuffix(w, "ed")
}

// longerVariant recognises a name that goes on past the gazetteer name at [i, hi) with an article or a
// hyphen ("Jisr al-Shughur", of which "Jisr" alone is another place) when the whole run is a transliteration
// variant of a gazetteer name ("Jisr ash Shughur"). It returns the end of the run, or -1.
//
// After a cue, a name followed by another capitalised word is looked up the same way ("retook Bulo Burte",
// of which "Bulo" alone is another place).
func (r *run) longerVariant(i, hi int) int {
	d := r.d
	if hi >= len(d.toks) || !d.tight(hi-1) {
		return -1
	}
	joined := d.punct(hi, "-") || nameParticles[d.word(hi)] && !d.isCap(hi)
	if !joined && !d.isCap(hi) {
		return -1
	}
	j := r.capRun(i)
	if j <= hi || !joined && !(r.strongCue(i) || r.prevIs(i, "at") || r.weakCueRun(i, j)) {
		return -1
	}
	ps := r.variantsOf(d.joinKey(i, j))
	if len(ps) == 0 {
		return -1
	}
	r.addVariant(i, j, ps)
	return j
}

// unknownCompound handles a hyphenated name after a place cue ("the village of Tin-Hama") that the gazetteer
// does not know as a whole and whose first word is a place only by another name of it ("Tin", a name of
// Hrebinka, Ukraine): its words are not places of their own. The whole name is kept as an orphan, placed
// by the place written after it ("in the Gao region") or the document's country. It returns the end of the
// name, or -1.
func (r *run) unknownCompound(i, hi int, key string) int {
	d := r.d
	if hi != i+1 || !d.punct(hi, "-") || !d.tight(hi-1) || !d.tight(hi) || !d.isCap(hi+1) || !r.strongCue(i) ||
		r.majorName(key) || !r.otherNameOnly(key) {
		return -1
	}
	j := r.capRun(i)
	if j <= hi+1 {
		return -1
	}
	r.addMention(i, j, d.joinKey(i, j), "")
	r.ms[len(r.ms)-1].orphan = true
	return j
}

// articleCompound handles a one-word name followed by an Arabic article and a capitalised word that the
// gazetteer knows neither as a whole nor as a variant ("Bab al-Hawa", "Hafez al-Assad"): the word alone is
// another place or none ("Bab" is Al Bab), so it is not reported. After a locative cue the whole name is kept
// as an orphan, placed by the place written after it or the document's division or country; otherwise it is
// skipped. A large place's name is left alone ("Gaza al-..."). It returns the end of the name, or -1.
func (r *run) articleCompound(i, hi int, key string) int {
	d := r.d
	if hi != i+1 || !d.tight(i) || !d.isWord(hi) || d.isCap(hi) || !d.is(hi, wcArabicArticle) || r.majorName(key) {
		return -1
	}
	next := hi + 1
	if d.punct(next, "-") && d.tight(hi) {
		next++
	} else if !plainArticles[d.folded[hi]] {
		return -1 // "in Bannu at Government College": an English word, not an article, unless a hyphen joins it
	}
	if !d.isCap(next) || !d.tight(next-1) {
		return -1
	}
	j := r.capRun(i)
	if j <= next {
		return -1
	}
	if !r.strongCue(i) && !r.prevIs(i, "at") {
		return j
	}
	r.addMention(i, j, d.joinKey(i, j), "")
	r.ms[len(r.ms)-1].orphan = true
	return j
}

// plainArticles are the Arabic articles that are no English or French word, so that one written without a
// hyphen ("Bab al Hawa") still starts the rest of a name.
var plainArticles = set("al", "el", "ad", "ar", "az", "ash", "ez", "ed", "adh", "ath", "esh")

// canStart reports whether a place name may start at token i: a capitalised word, or a lower-case Arabic
// article joined by a hyphen to a capitalised word ("al-Bab").
func (r *run) canStart(i int) bool {
	d := r.d
	if d.isCap(i) {
		return !strings.ContainsAny(d.toks[i].Text[:1], "'’")
	}
	return d.punct(i+1, "-") && d.isCap(i+2) && d.isWord(i) && d.gap(i, i+1) == "" && d.gap(i+1, i+2) == "" &&
		d.is(i, wcArabicArticle)
}

// longest returns the end (exclusive token index) and key of the longest gazetteer name starting at token i
// and ending on a capitalised word, or -1.
func (r *run) longest(i int) (int, string) {
	d := r.d
	// the best name's end, its key's length, and its word when it is one word
	best, bestLen, bestWord := -1, 0, ""
	key := r.keyBuf[:0] // the words so far, looked up without a copy (the caches copy the keys they keep)
	words := 0
	for j := i; j < len(d.toks) && words < maxWords; j++ {
		if j > i {
			if g := d.gap(j-1, j); g != "" && g != " " {
				break
			}
		}
		t := d.toks[j]
		if t.Kind == text.Punct {
			if j > i && joiner(d, j) {
				continue
			}
			break
		}
		w := d.folded[j]
		if isPossessive(t.Text) && j > i && d.gap(j-1, j) == "" && len(key) > 0 {
			key = append(key, 's') // "People's Republic of China" folds to "peoples republic of china"
			if !r.entry(bytesString(key)).prefix {
				break
			}
			continue
		}
		if t.Kind != text.Word || w == "" || strings.ContainsAny(t.Text[:1], "'’") {
			break
		}
		cap := d.caps[j] || elided(t.Text)
		if !cap && !d.is(j, wcConnector) && !(j == i && d.is(j, wcArabicArticle)) {
			break
		}
		if len(key) > 0 {
			key = append(key, ' ')
		}
		key = append(key, w...)
		words++
		k := bytesString(key)
		var e nameEntry
		if words == 1 {
			e = r.wordEntry(w) // k is w
		} else {
			e = r.entry(k)
		}
		if !e.prefix {
			if d.isWord(j+1) && isPossessive(d.toks[j+1].Text) && d.gap(j, j+1) == "" && r.entry(k+"s").prefix {
				continue // "People" of "People's Republic"
			}
			break
		}
		if cap && len(e.places) > 0 {
			best, bestLen, bestWord = j+1, len(key), ""
			if words == 1 {
				bestWord = w // the key is the folded word itself
			}
		}
	}
	r.keyBuf = key
	switch {
	case best < 0:
		return best, ""
	case bestWord != "":
		return best, bestWord
	}
	return best, string(key[:bestLen]) // key only grew since: its start is the best name's key
}

// joiner reports whether the punctuation token j may sit inside a name: a hyphen ("Rostov-on-Don"), or
// the dot of an abbreviation ("St. Louis", "U.S.").
func joiner(d *docText, j int) bool {
	t := d.toks[j].Text
	switch t {
	case "-", "‐":
		return d.gap(j-1, j) == "" && j+1 < len(d.toks) && d.gap(j, j+1) == ""
	case ".":
		return len(d.toks[j-1].Text) <= 3 && d.isCap(j-1) && d.isCap(j+1)
	}
	return false
}

// skipCaps returns the index after the run of capitalised words that contains token i-1 and continues at i.
func (r *run) skipCaps(i int) int {
	d := r.d
	for i < len(d.toks) && d.isCap(i) && d.tight(i-1) {
		i++
	}
	return i
}

// addMention records the name at tokens [lo, hi).
func (r *run) addMention(lo, hi int, key, noun string) {
	d := r.d
	if cap(r.ms) == 0 {
		r.ms = make([]mention, 0, len(d.toks)/32+4)
	}
	m := mention{start: d.toks[lo].Start, end: d.toks[hi-1].End, lo: lo, hi: hi, key: key, noun: noun,
		nearOf: -1, choice: -1, locational: true}
	m.text = d.s[m.start:m.end]
	r.ms = append(r.ms, m)
}

// demonymAt handles a capitalised adjective or noun of nationality at i ("Syrian", "Russians"): it is not a
// place name, but it votes for its country in the document's focus, and with Options.Demonyms a modifier
// use is reported. It reports whether token i was one.
func (r *run) demonymAt(i int) bool {
	d := r.d
	key := d.folded[i]
	c, ok := r.g.CountryByDemonym(key)
	if !ok {
		return false
	}
	if _, isName := r.g.CountryByName(key); isName {
		return false
	}
	r.demonyms = append(r.demonyms, c.Code)
	if r.p.opts.Demonyms && d.isWord(i+1) && !isPossessive(d.toks[i+1].Text) && !strings.HasSuffix(key, "s") {
		r.addDemonym(i, i+1, c)
	}
	return true
}

// elided reports whether a word is an elided article or preposition before a capitalised name, written as
// one token: "d'Ivoire", "l'Aquila", "d’Or".
func elided(w string) bool {
	if len(w) < 4 || (w[0] != 'd' && w[0] != 'l') {
		return false
	}
	rest := w[1:]
	for _, a := range []string{"'", "’"} {
		if strings.HasPrefix(rest, a) {
			r, _ := utf8.DecodeRuneInString(rest[len(a):])
			return unicode.IsUpper(r)
		}
	}
	return false
}
