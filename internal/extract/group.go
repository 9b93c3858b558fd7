package extract

import (
	"slices"

	"sitrep/internal/event"
	"sitrep/internal/gazetteer"
	"sitrep/internal/lexicon"
)

// cluster is one incident of the document: the candidates and the other sentences that report it.
type cluster struct {
	cands   []*cand
	sents   []*sent
	best    *cand                   // the most specific candidate
	generic bool                    // every candidate's cue leaves the kind of violence open
	targets map[*lexicon.Entry]bool // targets named in the sentences
	place   *placed                 // the most exact place seen so far, for merging
	clause  map[*sent][2]int        // the part of a sentence that reports this incident, when not all of it
	joined  []joinedSent            // cue-less sentences that joined, for --explain
}

// joinedSent is a sentence without a cue of its own that joined a cluster, and why.
type joinedSent struct {
	s   *sent
	why string
}

// bounds returns the part of s that reports the cluster's incident.
func (c *cluster) bounds(s *sent) (int, int) {
	if b, ok := c.clause[s]; ok {
		return b[0], b[1]
	}
	return s.Start, s.End
}

// last is the index of the cluster's last sentence.
func (c *cluster) last() int { return c.sents[len(c.sents)-1].idx }

// addSent adds s as evidence once, keeping text order.
func (c *cluster) addSent(s *sent) {
	if n := len(c.sents); n > 0 && s.idx <= c.sents[n-1].idx {
		i, found := slices.BinarySearchFunc(c.sents, s.idx, func(a *sent, idx int) int { return a.idx - idx })
		if !found {
			c.sents = slices.Insert(c.sents, i, s)
		}
	} else {
		c.sents = append(c.sents, s)
	}
	if c.targets == nil {
		c.targets = map[*lexicon.Entry]bool{}
	}
	for _, t := range s.targets {
		c.targets[t.Entry] = true
	}
}

// addCand adds a candidate and its sentence.
func (c *cluster) addCand(k *cand) {
	if len(c.cands) == 0 {
		c.generic = true
	}
	c.cands = append(c.cands, k)
	c.generic = c.generic && k.generic()
	if c.best == nil || k.spec > c.best.spec && !c.aftermath(k) && !c.lootingInAttack(k) {
		c.best = k
	}
	c.addSent(k.s)
}

// aftermath reports a candidate that tells how an attack or explosion went on, the attackers fighting the
// forces that came ("the attackers later exchanged fire with police"): the incident stays what it began as.
func (c *cluster) aftermath(k *cand) bool {
	tc, _ := event.TypeOf(c.best.sub)
	return k.anaphoric && k.sub == subClash && (tc == event.TypeViolenceCivs || tc == event.TypeExplosions)
}

// lootingInAttack reports property destruction told with an attack or a battle: the houses the attackers
// burned are part of the attack ACLED codes, not an event of their own, and leave the incident an attack.
func (c *cluster) lootingInAttack(k *cand) bool {
	tc, _ := event.TypeOf(c.best.sub)
	return k.sub == subLooting && violent(tc)
}

// sameAttackers reports a first actor that k and a shares.
func sameAttackers(a, k *cand) bool {
	for _, x := range a.actor1 {
		for _, y := range k.actor1 {
			if sameParty(x, y) {
				return true
			}
		}
	}
	return false
}

// recent is how many of the latest clusters a sentence is compared with: an incident is reported again
// within a few paragraphs, and the bound keeps long documents linear.
const recent = 24

// group merges candidates that report the same incident and joins cue-less sentences that refer back to one.
func (r *run) group(cands []*cand) []*cluster {
	var out []*cluster
	next := 0
	for _, s := range r.sents {
		if next < len(cands) && cands[next].s == s {
			for next < len(cands) && cands[next].s == s {
				r.place(&out, cands[next])
				next++
			}
			continue
		}
		if len(out) > 0 {
			r.join(out, s)
		}
	}
	return out
}

// place puts candidate k into the best matching cluster, or a new one.
func (r *run) place(out *[]*cluster, k *cand) {
	kp := r.placeIn(k.s, &k.h, k.lo, k.hi)
	var best *cluster
	bestScore := 0
	for _, c := range (*out)[max(0, len(*out)-recent):] {
		if sc := r.score(c, k, kp); sc >= 2 && sc >= bestScore {
			best, bestScore = c, sc
		}
	}
	if best == nil {
		best = &cluster{}
		*out = append(*out, best)
	}
	best.addCand(k)
	if k.lo != k.s.Start || k.hi != k.s.End {
		if best.clause == nil {
			best.clause = map[*sent][2]int{}
		}
		best.clause[k.s] = [2]int{k.lo, k.hi}
	}
	if kp != nil && (best.place == nil || kindRank(kp.t) > kindRank(best.place.t)) && !r.stray(best, kp) {
		best.place = kp
	}
}

// score rates how likely candidate k reports the incident of cluster c; below 0 means it cannot, 2 or more
// merges. The same sub-type, or a cue that leaves the kind of violence open, makes them compatible; then an
// anaphor ("the attack"), a shared target, the same town, closeness in the text, or a vague first mention (a
// headline or lede without place or date) that a later sentence makes precise, are the evidence.
func (r *run) score(c *cluster, k *cand, kp *placed) int {
	top := c.top()
	if k.fresh || c.last() == k.s.idx {
		return -1
	}
	if !samePlace(c.place, kp) && !c.headlineNear(kp) && !r.strayAnaphor(c, k, kp) || !sameTime(c, k) ||
		!k.anaphoric && victimsDiffer(c, k) {
		return -1
	}
	score := 0
	tc, _ := event.TypeOf(top.sub)
	tk, _ := event.TypeOf(k.sub)
	switch {
	case top.sub == k.sub:
		score++
	case violent(tc) && violent(tk) && (k.generic() || c.generic || c.aftermath(k)):
		if tc == event.TypeBattles && tk == event.TypeBattles && k.generic() && len(k.s.countsOf()) > 0 {
			score++ // "nine fighters were killed" after a battle: its toll, whichever side took ground
		}
	case tc == tk && tc == event.TypeBattles:
	case crowd(tc) && crowd(tk):
	case c.lootingInAttack(k) && k.s.idx-c.last() <= 1 && (k.anaphoric || sameAttackers(top, k)):
	case tc == event.TypeExplosions && k.sub == "Disrupted weapons use" && k.s.idx-c.last() == 1 && k.s.partOfThem(k.h):
		score++ // "Hamas fired rockets at Tel Aviv. The army said most were intercepted": the same barrage
	default:
		return -1
	}
	if k.anaphoric {
		score += 2
	}
	if sharesTarget(c, k.s) {
		score += 2
	}
	if sharesWeapon(c, k.s) {
		score++ // "Russian missiles struck..." then "The cruise missiles were fired from..."
	}
	if c.place != nil && kp != nil && kindRank(kp.t) == 3 && kindRank(c.place.t) == 3 {
		score += 2
	}
	if k.s.idx-c.last() <= 2 {
		score++
	}
	if c.vague() {
		score++
	}
	if kp == nil && !k.h.info.strong && len(k.s.countsOf()) == 0 && nearestDate(k.s, k.h, k.lo, k.hi) == nil {
		score++ // a weak report with no place, date or toll of its own ("its forces had hit a building")
	}
	return score
}

// partOfThem reports a passive cue whose subject is a part of what the text named before: "most were
// intercepted", "all of them were shot down", "some were downed".
func (s *sent) partOfThem(h hit) bool {
	i := h.tok - 1
	if s.word(i) == "were" || s.word(i) == "was" {
		i--
	} else {
		return false
	}
	if s.word(i) == "them" && s.word(i-1) == "of" {
		i -= 2
	}
	return partWords[s.word(i)]
}

// partWords stand for a part of weapons named before.
var partWords = set("most", "all", "some", "many", "both", "none", "they", "rest", "majority", "several", "few")

// vague reports a cluster that began in a headline or lede and has neither place nor date yet.
func (c *cluster) vague() bool {
	if c.place != nil || !(c.sents[0].idx <= 1 || c.sents[0].headline()) {
		return false
	}
	for _, k := range c.cands[:min(len(c.cands), 4)] {
		if nearestDate(k.s, k.h, k.lo, k.hi) != nil {
			return false
		}
	}
	return true
}

// violent reports the event types of armed violence.
func violent(t string) bool {
	return t == event.TypeBattles || t == event.TypeExplosions || t == event.TypeViolenceCivs
}

// crowd reports the event types of crowds.
func crowd(t string) bool { return t == event.TypeProtests || t == event.TypeRiots }

// sameTime reports whether k's own date can fall in the dates of c's candidates. A sentence that refers back
// may be dated later than the incident ("the toll from the shelling rose to six on Tuesday").
func sameTime(c *cluster, k *cand) bool {
	x := nearestDate(k.s, k.h, k.lo, k.hi)
	if x == nil || tollDated(k) {
		return true
	}
	for _, o := range c.cands[:min(len(c.cands), 8)] {
		if tollDated(o) {
			continue // "the toll rose to 23 on Wednesday": the date of the report, not of the incident
		}
		y := nearestDate(o.s, o.h, o.lo, o.hi)
		if y != nil && (x.To.Before(y.From.Time) || y.To.Before(x.From.Time)) && !(k.anaphoric && y.To.Before(x.From.Time)) {
			return false
		}
	}
	return true
}

// sharesTarget reports a target named both in s and in the cluster's sentences.
func sharesTarget(c *cluster, s *sent) bool {
	for _, t := range s.targets {
		if c.targets[t.Entry] {
			return true
		}
	}
	return false
}

// top is the cluster's most specific candidate.
func (c *cluster) top() *cand { return c.best }

// victimsDiffer reports that k counts dead of another kind than the cluster's candidates do (civilians
// against soldiers): two incidents, whatever else they share.
func victimsDiffer(c *cluster, k *cand) bool {
	kv := victimClass(k.s, k.lo, k.hi)
	if kv == "" {
		return false
	}
	for _, o := range c.cands {
		if v := victimClass(o.s, o.lo, o.hi); v != "" && v != kv {
			return true
		}
	}
	return false
}

// victimClass is "civilian" or "armed" by the victims noun of the first count in [lo, hi) of s, "" when
// no count names them ("people" says nothing).
func victimClass(s *sent, lo, hi int) string {
	for _, m := range s.countsOf() {
		if m.Start < lo || m.End > hi {
			continue
		}
		switch w := lastWord(m.Who); {
		case w == "people" || w == "persons":
		case civilianWho[w]:
			return "civilian"
		case armedWho[w]:
			return "armed"
		}
	}
	return ""
}

// sharesWeapon reports a weapon, or one of the same class (missile, cruise missile), named both in s and in
// the cluster's candidate sentences.
func sharesWeapon(c *cluster, s *sent) bool {
	for _, w := range s.weapons {
		for _, k := range c.cands {
			for _, o := range k.s.weapons {
				if o.Entry == w.Entry || o.Entry.Attr("class") != "" && o.Entry.Attr("class") == w.Entry.Attr("class") {
					return true
				}
			}
		}
	}
	return false
}

// headlineNear reports a cluster that is only a headline placing its incident "near" a town, and a place
// within 60 km of it: the body names the village the headline rounds to the town.
func (c *cluster) headlineNear(kp *placed) bool {
	if c.place == nil || kp == nil || !c.place.near || c.place.t.Country != kp.t.Country {
		return false
	}
	for _, k := range c.cands {
		if !k.s.headline() {
			return false
		}
	}
	return gazetteer.DistanceKm(c.place.t.Lat, c.place.t.Lon, kp.t.Lat, kp.t.Lon) <= 60
}

// tollDated reports a candidate whose date is that of a toll update ("the toll rose to 23 on Wednesday"):
// the day the figure was given, not the day of the incident ("the toll from Sunday's bombing rose to 23"
// keeps its date, which comes before the figure).
func tollDated(k *cand) bool {
	x := nearestDate(k.s, k.h, k.lo, k.hi)
	if x == nil {
		return false
	}
	return k.s.afterToll(*x)
}
