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
		if sp == nil || c.place == nil || kindRank(sp.t.Kind) < 3 || samePlace(c.place, sp) {
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
	case gap <= 2 && tollWords(s.Text) && hasDigitOrNumberWord(s.Text) && !s.has(classNonConf):
		if r.load(s); s.background() {
			return ""
		}
		for _, m := range s.counts {
			if m.Rule == "toll" {
				return "toll"
			}
		}
	}
	return ""
}

// tollWords is the cheap gate before counting the dead in a sentence without a cue.
func tollWords(t string) bool {
	for _, w := range []string{"toll", "dead", "died", "killed", "wounded", "injur", "casualt", "bodies"} {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

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
		if h.info.class == c.top().sub && (s.anyWord(s.before(h.tok, 3), negWords) || s.deniedBefore(h.tok)) {
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
