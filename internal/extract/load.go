package extract

import (
	"sort"
	"strings"

	"sitrep/internal/casualty"
	"sitrep/internal/event"
	"sitrep/internal/geoparse"
	"sitrep/internal/timex"
)

// maxSentence is the longest sentence whose counts and dates are read (bytes): natural sentences are far
// shorter, and the casualty reader is not linear on endless ones.
const maxSentence = 4096

// load fills the costly fields of s once: actor mentions now, and casualty counts and dates at their first
// reading (countsOf, datesOf): about half the sentences loaded make no event, and many of those never have
// their counts or dates read.
func (r *run) load(s *sent) {
	if s.loaded {
		return
	}
	s.loaded = true
	s.tokenize()
	if r.e.act != nil {
		r.places()
		focus := r.sentenceFocus(s)
		s.mentions = r.e.act.MentionsLower(s.Sentence, s.low, focus) // s.low is lower's fold of its text
		if f := r.sentenceFocus(s); f != focus {
			s.mentions = r.e.act.MentionsLower(s.Sentence, s.low, f) // the focus was a word of a named party's name
		}
	}
	r.dropPlaceTargets(s)
	s.dropConveyances()
	if len(s.Text) > maxSentence {
		return // not prose (a table, a list run together): counts and dates stay unread
	}
	s.due = r
}

// countsOf returns the casualty counts of s: none before s is loaded, else read at the first call.
func (s *sent) countsOf() []casualty.Mention {
	if s.due != nil && !s.countsRead {
		s.countsRead = true
		if digit, c := s.gates(); digit || c&wNumber != 0 || strings.Contains(s.Text, "no one") {
			s.counts = casualty.Find(s.Text, s.Start)
		}
	}
	return s.counts
}

// datesOf returns the date expressions of s, with offsets in the document: none before s is loaded, else
// read at the first call, resolved against the run's anchor.
func (s *sent) datesOf() []timex.Expr {
	if s.due != nil && !s.datesRead {
		s.datesRead = true
		if digit, c := s.gates(); digit || c&wDate != 0 { // no digit and no date word: no date to read
			for _, x := range timex.Find(s.Text, s.due.anchorOf()) {
				x.Start += s.Start
				x.End += s.Start
				s.dates = append(s.dates, x)
			}
		}
	}
	return s.dates
}

// gates returns gates(s.Text), read once.
func (s *sent) gates() (digit bool, c wordClass) {
	if !s.gated {
		s.gated = true
		s.digit, s.gateClass = gates(s.Text)
	}
	return s.digit, s.gateClass
}

// anchorOf returns the day relative dates resolve against (run.anchor), found at the first call: a document
// none of whose sentences has its dates read needs none.
func (r *run) anchorOf() *event.Date {
	if !r.anchored {
		r.anchored = true
		r.anchor = timex.Anchor(r.doc.Text[r.lo:r.hi], r.doc.Published)
	}
	return r.anchor
}

// claimsIn returns the claims of s, read once and only for sentences that report an event.
func (r *run) claimsIn(s *sent) []event.Claim {
	if s.claimsDone || r.e.act == nil {
		return s.claims
	}
	s.claimsDone = true
	r.load(s)
	s.claims = r.finderClaims(s)
	return s.claims
}

// places parses the place names of the run's window once (the whole text of a one-window document, for
// context; a window of a long document alone, as Parse would read a document of its own), with their offsets
// in the full text, and sets the focus country.
func (r *run) places() []geoparse.Toponym {
	if r.geoDone {
		return r.topos
	}
	r.geoDone = true
	if r.e.geo == nil {
		return nil
	}
	var sentences [][2]int // the window's sentence bounds, which scan found: the geoparser needs them too
	if len(r.sents) > 0 {
		sentences = make([][2]int, len(r.sents))
		for i, s := range r.sents {
			sentences[i] = [2]int{s.Start - r.lo, s.End - r.lo}
		}
	}
	if r.lo == 0 { // the window's tokens have the offsets the geoparser's would have
		r.topos = r.e.geo.ParseTokens(r.doc.Text[r.lo:r.hi], sentences, r.win.get())
	} else {
		r.topos = r.e.geo.ParseSentences(r.doc.Text[r.lo:r.hi], sentences)
	}
	for i := range r.topos {
		r.topos[i].Start += r.lo
		r.topos[i].End += r.lo
	}
	dropBases(r.doc.Text, r.topos)
	r.focus = focusCountry(r.topos)
	return r.topos
}

// dropBases marks as not locational the place names of "X-based" modifiers ("a Britain-based monitor": where
// a source sits) and of a party's backer ("which is backed by Rwanda"), and the names the geoparser placed in such a country only for want of another.
func dropBases(text string, ts []geoparse.Toponym) {
	based := map[string]bool{}
	for i := range ts {
		if ts[i].Locational && (baseOf(text, ts[i].End) || backerAt(text, ts[i].Start)) {
			ts[i].Locational = false
			based[ts[i].Country] = true
		}
	}
	if len(based) == 0 {
		return
	}
	for _, t := range ts {
		if t.Locational && t.Resolved && !fallbackRule(t.Rule) {
			delete(based, t.Country) // the country is named as a place too
		}
	}
	for i := range ts {
		if based[ts[i].Country] && fallbackRule(ts[i].Rule) {
			ts[i].Locational = false
		}
	}
}

// fallbackRule reports a geoparser rule that placed a name in the document's country or division only.
func fallbackRule(rule string) bool { return rule == "document-country" || rule == "document-admin1" }

// focusCountry is the country most of the document's locational place names lie in ("" when none).
func focusCountry(ts []geoparse.Toponym) string {
	n := map[string]int{}
	best, bestN := "", 0
	for _, t := range ts {
		if !t.Locational || !t.Resolved || t.Country == "" {
			continue
		}
		n[t.Country]++
		if n[t.Country] > bestN {
			best, bestN = t.Country, n[t.Country]
		}
	}
	return best
}

// sentenceFocus is the country the sentence's parties belong to when it names none: a country the sentence
// names ("in Delmas, Haiti"), else the country of its first locational place, else the document's focus.
func (r *run) sentenceFocus(s *sent) string {
	ts := r.toponymsIn(s)
	for _, t := range ts {
		if t.Locational && t.Resolved && !t.Dateline && t.Country != "" && t.Kind == geoparse.KindCountry && !s.namesParty(t) {
			return t.Country
		}
	}
	for _, t := range ts {
		if t.Locational && t.Resolved && !t.Dateline && t.Country != "" && !s.namesParty(t) {
			return t.Country
		}
	}
	return r.focus
}

// namesParty reports a country's name that modifies the party after it ("the US military said", "UK
// officials"): whose forces, not where the sentence takes place; or a place name inside a named party's name
// ("Homeland" in "Volunteers for the Defence of the Homeland"), once the sentence's mentions are read.
func (s *sent) namesParty(t geoparse.Toponym) bool {
	for _, m := range s.mentions {
		if m.Entry != nil && m.Start <= t.Start && t.End <= m.End && m.End-m.Start > t.End-t.Start {
			return true
		}
	}
	if t.Kind != geoparse.KindCountry && t.Kind != geoparse.KindDemonym {
		return false
	}
	s.tokenize()
	i := s.tokenAt(t.End)
	if i < len(s.Tokens) && s.Tokens[i].Start == t.End && s.word(i) == "'s" {
		i++
		if i < len(s.Tokens) && s.Tokens[i].IsCap() {
			return true // "Russia's Africa Corps": a party of its own
		}
	}
	if i < len(s.Tokens) && s.Tokens[i].Start == t.End+1 && s.Tokens[i].IsCap() && !s.is(i, wDate) {
		return true // "the Saudi Hospital", "the Syrian Observatory": a word of a name
	}
	return partyNouns[s.word(i)]
}

// partyNouns after a country's name make it the party's, not a place.
var partyNouns = set("military", "army", "forces", "troops", "government", "officials", "navy", "air", "defence",
	"defense", "embassy", "envoy", "authorities", "soldiers", "warplanes", "jets", "drones", "police", "president",
	"ministry", "administration", "central", "special", "intelligence", "coalition")

// toponymsIn returns the toponyms inside s (Parse orders them by Start).
func (r *run) toponymsIn(s *sent) []geoparse.Toponym {
	ts := r.places()
	i := sort.Search(len(ts), func(i int) bool { return ts[i].Start >= s.Start })
	j := i
	for j < len(ts) && ts[j].End <= s.End {
		j++
	}
	return ts[i:j]
}

// dropPlaceTargets drops the targets that are words of a settlement's, division's or country's name, or of
// the dateline: "port" in "PORT SUDAN —", "Port Harcourt". A named site (a feature: "Kabul airport") keeps
// its target.
func (r *run) dropPlaceTargets(s *sent) {
	if len(s.targets) == 0 {
		return
	}
	ts := r.toponymsIn(s)
	if len(ts) == 0 {
		return
	}
	kept := s.targets[:0]
	for _, m := range s.targets {
		inside := false
		for _, t := range ts {
			if m.Start >= t.Start && m.End <= t.End && (t.Dateline || settlementKinds[t.Kind]) {
				inside = true
				break
			}
		}
		if !inside {
			kept = append(kept, m)
		}
	}
	s.targets = kept
}

// settlementKinds are the kinds of place whose names hold no target.
var settlementKinds = map[string]bool{geoparse.KindCity: true, geoparse.KindAdmin1: true, geoparse.KindAdmin: true,
	geoparse.KindCountry: true, geoparse.KindRegion: true}
