package extract

import (
	"strings"

	"sitrep/internal/event"
)

// join adds a sentence without a candidate to a cluster when it refers back to one: an anaphor ("the
// incident", "the shelling"), a cue of the same sub-type, a toll, a target or weapon of the incident. The most
// recent cluster the reference fits wins.
func (r *run) join(out []*cluster, s *sent) {
	var best *cluster
	why := ""
	var sp *placed
	loaded := false
	for _, c := range out[max(0, len(out)-recent):] {
		if best != nil && c.last() < best.last() {
			continue
		}
		w := r.refers(c, s)
		if w == "" {
			continue
		}
		if !loaded {
			r.load(s)
			sp, loaded = r.placeIn(s, nil, s.Start, s.End), true
		}
		if sp == nil || c.place == nil || kindRank(sp.t) < 3 || samePlace(c.place, sp) {
			best, why = c, w
		}
	}
	if best == nil {
		return
	}
	best.addSent(s)
	best.joined = append(best.joined, joinedSent{s: s, why: why})
}

// refers tells why s refers to cluster c, or "".
func (r *run) refers(c *cluster, s *sent) string {
	gap := s.idx - c.last()
	switch {
	case gap <= 0:
		return ""
	case gap <= 8 && r.anaphorFits(c, s):
		return "anaphor"
	case gap <= 3 && sameCue(c, s):
		return "same-cue"
	case gap <= 2 && c.top().h.info.class == classProtest && s.has(protestMods...):
		return "protest-modifier"
	case gap <= 3 && sharesTarget(c, s):
		return "same-target"
	case gap <= 2 && weaponFits(c, s):
		return "same-weapon"
	case gap <= 2 && sameAct(c, s):
		return "same-act"
	case gap == 1 && r.blamesParty(c, s):
		return "accusation"
	case gap == 1 && r.deniesIt(c, s):
		return "denial"
	case gap <= 2 && tollWords(s.Text) && hasDigitOrNumberWord(s.Text) && !s.has(classNonConf):
		if r.load(s); s.background() {
			return ""
		}
		for _, m := range s.countsOf() {
			if m.Rule == "toll" {
				return "toll"
			}
		}
	}
	return ""
}

// tollWords is the cheap gate before counting the dead in a sentence without a cue: whether t contains one of
// "toll", "dead", "died", "killed", "wounded", "injur", "casualt", "bodies" (as written: case matters). One
// pass over t, each byte that starts one of them tried, instead of a strings.Contains per word.
func tollWords(t string) bool {
	for i := 0; i+4 <= len(t); i++ { // every word has at least four bytes
		if !tollFirst[t[i]] {
			continue // most bytes: one load of a table instead of the switch (0.14 s of a 9.6 s profile)
		}
		var ok bool
		switch t[i] {
		case 't':
			ok = strings.HasPrefix(t[i:], "toll")
		case 'd':
			ok = strings.HasPrefix(t[i:], "dead") || strings.HasPrefix(t[i:], "died")
		case 'k':
			ok = strings.HasPrefix(t[i:], "killed")
		case 'w':
			ok = strings.HasPrefix(t[i:], "wounded")
		case 'i':
			ok = strings.HasPrefix(t[i:], "injur")
		case 'c':
			ok = strings.HasPrefix(t[i:], "casualt")
		case 'b':
			ok = strings.HasPrefix(t[i:], "bodies")
		}
		if ok {
			return true
		}
	}
	return false
}

// tollFirst marks the first bytes of tollWords' words.
var tollFirst = [256]bool{'t': true, 'd': true, 'k': true, 'w': true, 'i': true, 'c': true, 'b': true}

// anaphorFits reports an anaphor in s that can name c's incident: "the incident" any, "the shelling" only
// a violent one.
func (r *run) anaphorFits(c *cluster, s *sent) bool {
	for _, h := range s.hits {
		if h.info.class != classAnaphor {
			continue
		}
		noun := r.anaphorNoun(s, h)
		if noun == nil || noun.class == c.top().sub {
			return true
		}
		t, lit := event.TypeOf(noun.class)
		ct, _ := event.TypeOf(c.top().sub)
		if lit && t == ct || !lit && violent(ct) {
			return true
		}
	}
	return false
}

// anaphorNoun is the cue inside an anaphor ("shelling" in "the shelling"), or nil for a bare one ("the
// incident").
func (r *run) anaphorNoun(s *sent, h hit) *cueInfo {
	for _, o := range s.hits {
		if o.inner && o.Start >= h.Start && o.End <= h.End {
			return o.info
		}
	}
	return nil
}

// sameCue reports a cue in s naming the cluster's sub-type right after a denial or negation ("denied using
// chemical weapons"): no event of its own, it speaks of the cluster's incident.
func sameCue(c *cluster, s *sent) bool {
	for _, h := range s.hits {
		if h.info.class == c.top().sub && (s.anyWord(s.before(h.tok, 3), wNeg) || s.deniedBefore(h.tok)) {
			return true
		}
	}
	return false
}

// weaponFits reports a weapon in s whose hint is the sub-type of the cluster's first candidate.
func weaponFits(c *cluster, s *sent) bool {
	for _, w := range s.weapons {
		if w.Entry.Attr("sub_event_hint") == c.top().sub {
			return true
		}
	}
	return false
}

// sameAct reports a sentence that tells the cluster's act again with the same verb and a weapon or an armed
// force: "accused Russian forces of dropping grenades ..." then "drones had dropped several munitions on
// trenches on Monday", the detail that often carries the incident's own date.
func sameAct(c *cluster, s *sent) bool {
	if len(s.weapons) == 0 && !hasForceHit(s) {
		return false
	}
	k := c.top()
	i := k.h.tok - 1
	for k.s.is(i, wDeterminer|wNumber) || k.s.word(i) == "a" || k.s.word(i) == "an" {
		i--
	}
	v := verbStem(k.s.word(i))
	if v == "" {
		return false
	}
	s.tokenize()
	for j := range s.Tokens {
		if verbStem(s.word(j)) == v {
			return true
		}
	}
	return false
}

// hasForceHit reports a force, aircraft or artillery cue in s.
func hasForceHit(s *sent) bool {
	for _, h := range s.hits {
		if h.info.forceLike() {
			return true
		}
	}
	return false
}

// verbStem is the stem of an -ing or -ed verb form ("dropping", "dropped": "drop"), "" for other words.
func verbStem(w string) string {
	var st string
	switch {
	case len(w) > 5 && strings.HasSuffix(w, "ing"):
		st = w[:len(w)-3]
	case len(w) > 4 && strings.HasSuffix(w, "ed"):
		st = w[:len(w)-2]
	default:
		return ""
	}
	if n := len(st); n >= 2 && st[n-1] == st[n-2] {
		st = st[:n-1]
	}
	if len(st) < 3 {
		return ""
	}
	return st
}

// blamesParty reports a sentence right after the incident that lays it on an armed party without naming it
// again: "The Sudanese army blamed the Rapid Support Forces." It has no cue of its own (it would be a candidate
// then) and the incident no perpetrator yet.
func (r *run) blamesParty(c *cluster, s *sent) bool {
	if !s.hasPhrase(subBlame) && !s.hasPhrase(subAccus) {
		return false
	}
	for _, k := range c.cands {
		if len(k.actor1) > 0 && !unidentified(k.actor1[0]) {
			return false
		}
	}
	s.tokenize()
	i := s.firstWord(wAccuse)
	if i < 0 || accusedOfOther(s, i) || s.sentenceHas(wNewIncident|wPattern) {
		return false
	}
	r.load(s)
	for _, m := range s.mentions {
		if m.Start >= s.Tokens[i].End && armedKind(m.Actor.Kind) && !m.Metonym {
			return true
		}
	}
	return false
}

// deniesIt reports a sentence right after an armed incident in which a party denies or dismisses what was
// reported without naming the incident again: "Moscow dismissed the reports as fake." The denier is an armed
// party or a government, named before the denial word.
func (r *run) deniesIt(c *cluster, s *sent) bool {
	if t, _ := event.TypeOf(c.top().sub); !violent(t) {
		return false
	}
	if !s.hasPhrase(subDeni) && !s.hasPhrase(subDeny) && !s.hasPhrase(subReject) && !s.hasPhrase(subDismiss) {
		return false
	}
	s.tokenize()
	i := s.firstWord(wDeny)
	if i < 0 || s.sentenceHas(wNewIncident|wPattern) {
		return false
	}
	r.load(s)
	for _, m := range s.mentions {
		if m.End <= s.Tokens[i].Start && (armedKind(m.Actor.Kind) || m.Metonym) {
			return true
		}
	}
	return false
}
