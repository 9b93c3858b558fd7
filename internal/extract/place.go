package extract

import (
	"strings"

	"sitrep/internal/event"
	"sitrep/internal/gazetteer"
	"sitrep/internal/geoparse"
)

// placed is a toponym chosen as an event's location, with the rule that chose it.
type placed struct {
	t     geoparse.Toponym
	near  bool
	rule  string
	score int // how well it places the event: exactness, a preposition, closeness to the cue
}

// kindRank orders toponyms by how exactly they place an event. A region inside one country ("Puntland",
// "Darfur") places it as a division does; a region of several countries ("the Sahel") not at all.
func kindRank(t geoparse.Toponym) int {
	switch t.Kind {
	case geoparse.KindCity, geoparse.KindFeature:
		return 3
	case geoparse.KindAdmin, geoparse.KindAdmin1:
		return 2
	case geoparse.KindCountry:
		return 1
	case geoparse.KindRegion:
		if t.Country != "" {
			return 2
		}
	}
	return 0
}

// placeIn returns the best event place in s: a resolved, locational name, the most exact first, then one
// after a locative preposition, then the one nearest the cue (h may be nil).
func (r *run) placeIn(s *sent, h *hit, lo, hi int) *placed {
	var best *placed
	bestScore := -1 << 30
	for _, t := range r.toponymsIn(s) {
		if !t.Locational || !t.Resolved || t.Dateline || kindRank(t) == 0 || t.Start < lo || t.End > hi ||
			insideMention(s, t) {
			continue
		}
		i := s.tokenAt(t.Start)
		if s.speaker(s.tokenAt(t.End)) {
			continue // "The United States strongly condemns", "Moscow said"
		}
		if s.destination(i) {
			continue // "took the wounded to hospital in Lashio", "fled to Goma": where people went afterwards
		}
		score := kindRank(t) * 100
		rule := "toponym"
		if locPreps[s.word(i-1)] {
			score += 50
			rule = "toponym-after-preposition"
		}
		if h != nil {
			d := t.Start - h.End
			if d < 0 {
				d = h.Start - t.End
			}
			score -= min(d/8, 40)
		}
		if score > bestScore {
			bestScore = score
			best = &placed{t: t, near: s.nearCue(i), rule: rule, score: score}
		}
	}
	return best
}

// speaker reports a speech verb at token i or after one adverb: the name before it is a government speaking.
func (s *sent) speaker(i int) bool {
	if adverbs[s.word(i)] {
		i++
	}
	return speechVerbs[s.word(i)]
}

// insideMention reports a toponym inside an actor or organisation name ("Syrian Arab Red Crescent"), one that
// is a lexicon actor's name ("Hamas" is no place), or one the actor finder reads as a government speaking or
// acting ("blaming Washington").
func insideMention(s *sent, t geoparse.Toponym) bool {
	for _, m := range s.mentions {
		if m.Start <= t.Start && t.End <= m.End && (m.End-m.Start > t.End-t.Start || m.Metonym || m.Entry != nil) {
			return true
		}
	}
	return false
}

// nearCue reports "near", "outside", "north of", "20 km from" in the six tokens before token i.
func (s *sent) nearCue(i int) bool {
	for j := i - 1; j >= 0 && j >= i-6; j-- {
		if nearWords[s.word(j)] {
			return true
		}
		if s.word(j) == "in" || s.word(j) == "at" {
			return false
		}
	}
	return false
}

// samePlace reports whether two places can be the site of one incident: the same or close places, or one
// inside the other's country when one is only a country or a region.
func samePlace(a, b *placed) bool {
	if a == nil || b == nil {
		return true
	}
	if a.t.Country == "" || b.t.Country == "" {
		return true // a sea or a region of no one country ("the Black Sea") says nothing against
	}
	if a.t.Country != b.t.Country {
		return false
	}
	if kindRank(a.t) < 3 || kindRank(b.t) < 3 {
		return true
	}
	return gazetteer.DistanceKm(a.t.Lat, a.t.Lon, b.t.Lat, b.t.Lon) <= 30
}

// eventPlace turns a chosen toponym into the event's location.
func (p *placed) eventPlace() *event.Place {
	pl := p.t.EventPlace()
	if p.t.Text == "" {
		pl.Span = nil // a country read from an actor's name, not from the text
	}
	if p.near && pl.Precision == event.LocExact {
		pl.Precision = event.LocNear
	}
	if pl.Precision == "" {
		pl.Precision = event.LocExact
	}
	return &pl
}

// countryPlace is the fallback location, of country precision: the country of the event's actors, those acted
// upon first (named in the document, else read from its name), then the document's focus country when the
// document names it.
func (r *run) countryPlace(actors []event.Actor) *placed {
	for _, a := range byVictimFirst(actors) {
		if a.Country == "" {
			continue
		}
		if p := r.namedCountry(a.Country); p != nil {
			p.rule = "actor-country"
			return p
		}
		if name := r.e.countries[a.Country]; name != "" && r.e.geo != nil {
			for _, t := range r.e.geo.Parse(name) {
				if t.Resolved && t.Kind == geoparse.KindCountry && t.Country == a.Country {
					t.Start, t.End, t.Text = 0, 0, "" // not in the document: no span
					return &placed{t: t, rule: "actor-country"}
				}
			}
		}
	}
	if p := r.namedCountry(r.focus); p != nil {
		p.rule = "document-country"
		return p
	}
	return nil
}

// byVictimFirst orders the actors acted upon before the others: a strike abroad ("Russian missiles hit a
// hospital") happened in the country of those it hit, not of the force that fired.
func byVictimFirst(as []event.Actor) []event.Actor {
	out := make([]event.Actor, 0, len(as))
	for _, role := range []string{event.RoleActor2, event.RoleActor1, event.RoleAssociated} {
		for _, a := range as {
			if a.Role == role {
				out = append(out, a)
			}
		}
	}
	return out
}

// namedCountry is a locational mention of the country code in the document, or nil.
func (r *run) namedCountry(code string) *placed {
	for _, t := range r.places() {
		if code != "" && t.Locational && t.Resolved && t.Kind == geoparse.KindCountry && t.Country == code {
			return &placed{t: t}
		}
	}
	return nil
}

// baseOf reports a place name ending at byte offset end of text that is the first half of an "X-based"
// modifier ("a Britain-based monitor", "the London-based Syrian Observatory"): the seat of a speaker or an
// organisation, never where the event happened.
func baseOf(text string, end int) bool {
	if end < 0 || end > len(text) {
		return false
	}
	rest := text[end:]
	for _, dash := range []string{"-", "\u2010", "\u2011", "\u2013", "\u2014"} {
		if after, ok := strings.CutPrefix(rest, dash); ok {
			for _, w := range modifierHeads {
				if len(after) >= len(w) && strings.EqualFold(after[:len(w)], w) &&
					(len(after) == len(w) || !isLetter(after[len(w)])) {
					return true
				}
			}
			return false
		}
	}
	return false
}

// modifierHeads end an "X-based", "X-backed" modifier: the place names a party's seat or backer.
var modifierHeads = []string{"based", "backed", "sponsored", "supported", "funded", "allied", "aligned",
	"headquartered", "registered", "owned"}

// isLetter reports an ASCII letter.
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// backerAt reports a place name starting at byte offset start of text that names a party's backer or ally:
// "backed by Rwanda", "supported by the United States", "allied with Russia".
func backerAt(text string, start int) bool {
	if start < 0 || start > len(text) {
		return false
	}
	before := text[max(0, start-40):start]
	var last [3]string // the last three words before start, folded, the last first
	n := 0
	if isASCIIText(before) { // the words as strings.Fields and ToLower would give them, without their copies
		i := len(before)
		for n < len(last) {
			for i > 0 && asciiSpace(before[i-1]) {
				i--
			}
			if i == 0 {
				break
			}
			j := i
			for j > 0 && !asciiSpace(before[j-1]) {
				j--
			}
			last[n], n, i = backerWord(before[j:i]), n+1, j
		}
	} else {
		ws := strings.Fields(strings.ToLower(before))
		for n < len(last) && n < len(ws) {
			last[n], n = ws[len(ws)-1-n], n+1
		}
	}
	ws := last[:n]
	if n > 0 && ws[0] == "the" {
		ws = ws[1:]
	}
	if len(ws) < 2 {
		return false
	}
	switch ws[0] {
	case "by":
		return supportVerbs[ws[1]] || backVerbs[ws[1]]
	case "with", "to":
		return allyWords[ws[1]]
	}
	return false
}

// isASCIIText reports whether s has only ASCII bytes.
func isASCIIText(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// asciiSpace reports the ASCII bytes unicode.IsSpace accepts.
func asciiSpace(c byte) bool { return c == ' ' || '\t' <= c && c <= '\r' }

// backerWord is the word w of backerAt, folded as lower folds it, or noWord, which equals no word, for a word
// with upper case that backerAt cannot match (so that the word is not copied to be folded).
func backerWord(w string) string {
	i := 0
	for i < len(w) && (w[i] < 'A' || w[i] > 'Z') {
		i++
	}
	if i == len(w) {
		return w // lower(w) is w
	}
	var buf [16]byte // longer than any of backerWords (TestBackerWord)
	if len(w) > len(buf) {
		return noWord
	}
	b := buf[:len(w)]
	for k := range b {
		c := w[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[k] = c
	}
	if c, ok := backerWords[string(b)]; ok {
		return c
	}
	return noWord
}

// noWord stands for a word backerAt cannot match: it is none of the words it compares.
const noWord = "\x00"

// backerWords holds each word backerAt compares a word with, as its own key.
var backerWords = func() map[string]string {
	m := map[string]string{}
	for _, s := range []map[string]bool{supportVerbs, backVerbs, allyWords, set("the", "by", "with", "to")} {
		for w := range s {
			m[w] = w
		}
	}
	return m
}()

// backVerbs and allyWords put the name after them as a party's backer or ally.
var (
	backVerbs = set("sponsored", "funded", "armed", "financed", "trained", "equipped")
	allyWords = set("allied", "aligned", "loyal")
)

// destination reports a place name at token i that is where people went after the incident: "taken to
// hospital in X", "fled to X", "evacuated to X", "displaced to X".
func (s *sent) destination(i int) bool {
	j := i - 1
	if s.word(j) == "the" {
		j--
	}
	switch s.word(j) {
	case "in", "at":
		return careWords[s.word(j-1)] && s.takenTo(j-1) // not "hit a children's hospital in Kyiv": the target
	case "to", "towards", "into":
		return careWords[s.word(j-1)] || movedWords[s.word(j-1)]
	}
	return false
}

// takenTo reports a place of care at token k that people were taken to: "to hospital", "in hospital", or a
// verb of moving in the five tokens before ("were rushed to a hospital").
func (s *sent) takenTo(k int) bool {
	switch s.word(k - 1) {
	case "to", "in", "at":
		return true
	}
	for j := k - 1; j >= 0 && j >= k-5; j-- {
		if movedWords[s.word(j)] {
			return true
		}
	}
	return false
}

// careWords are places the wounded are taken to; movedWords are verbs of going away from an incident.
var (
	careWords  = set("hospital", "hospitals", "clinic", "clinics", "morgue", "mortuary")
	movedWords = set("fled", "flee", "fleeing", "taken", "rushed", "evacuated", "airlifted", "transferred",
		"displaced", "relocated", "moved", "escaped", "brought", "sent")
)
