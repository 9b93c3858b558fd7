package extract

import (
	"hash/fnv"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"sitrep/internal/event"
	"sitrep/internal/geoparse"
	"sitrep/internal/lexicon"
)

// build turns a cluster into an event with every field and its evidence.
func (r *run) build(c *cluster) (event.Event, bool) {
	top := c.top()
	sub, rule, entry := top.sub, top.rule, top.entry
	if top.h.info.class == classProtest {
		sub, rule, entry = protestOutcome(c, top)
	}
	typ, ok := event.TypeOf(sub)
	if !ok {
		return event.Event{}, false
	}
	x := &explainer{on: r.e.opts.Explain}
	ev := event.Event{
		ID: r.eventID(c), EventType: typ, SubEventType: sub, Summary: summary(c.lede().Text),
		Actors: []event.Actor{}, Weapons: []event.Thing{}, Targets: []event.Thing{}, Claims: []event.Claim{},
		Sources: []string{},
	}
	ev.Evidence = make([]event.Span, 0, len(c.sents))
	for _, s := range c.sents {
		ev.Evidence = append(ev.Evidence, event.SpanOf(r.doc.Text, s.Start, s.End))
	}
	if x.on { // the reasons' strings and spans are built only when asked for
		span := top.h.span()
		x.add("sub_event_type", sub, rule, entry, &span)
		for _, k := range c.cands {
			sp := k.h.span()
			x.add("trigger", k.h.Text, "cue:"+k.h.info.class+"/"+k.rule, k.h.Entry.Source, &sp)
		}
		for _, j := range c.joined {
			sp := event.SpanOf(r.doc.Text, j.s.Start, j.s.End)
			x.add("evidence", strconv.Itoa(j.s.idx), "joined-"+j.why, "", &sp)
		}
	}
	var dateRule string
	ev.Date, dateRule = r.dateOf(c)
	if ev.Date != nil && x.on {
		x.add("date", ev.Date.Start.String()+".."+ev.Date.End.String(), dateRule, "", ev.Date.Span)
	}
	r.actorsOf(c, &ev, x)
	if p := r.location(c, ev.Actors); p != nil {
		ev.Location = p.eventPlace()
		if x.on {
			x.add("location", ev.Location.Name, p.rule+"/"+p.t.Rule, "", ev.Location.Span)
		}
	}
	unowned := r.unownedStrike(c, &ev, x)
	r.civilianTarget(c, &ev, x)
	r.shapeRoles(c, &ev, x)
	ev.Fatalities = r.count(c, "killed", x, "fatalities")
	ev.Injuries = r.count(c, "injured", x, "injuries")
	ev.Weapons = things(c, func(s *sent) []lexicon.Match { return s.weapons }, x, "weapons")
	ev.Targets = things(c, func(s *sent) []lexicon.Match { return notActor1(s.targets, ev.Actors) }, x, "targets")
	ev.Confidence = confidence(c, &ev, unowned)
	ev.Explain = x.reasons
	return ev, true
}

// protestOutcome is how the protest went over all the cluster's sentences: the strongest modifier of any.
func protestOutcome(c *cluster, top *cand) (sub, rule, entry string) {
	rank := func(sub string) int {
		for i, p := range protestModifiers {
			if p.sub == sub {
				return len(protestModifiers) - i
			}
		}
		return 0
	}
	sub, rule, entry = top.sub, top.rule, top.entry
	for _, s := range c.sents {
		if m, r, e, ok := protestMod(s); ok && rank(m) > rank(sub) {
			sub, rule, entry = m, r, e
		}
	}
	if sub != subViolentDem && sub != subExcessive && lethalForce(c) {
		sub, rule = subExcessive, "protest-deaths-by-force"
	}
	return sub, rule, entry
}

// lethalForce reports a sentence of the protest where state forces fire or strike and people are killed
// ("two people were shot dead when police opened fire on a protest").
func lethalForce(c *cluster) bool {
	for _, s := range c.sents {
		if !s.has(classStrike, classViolence) {
			continue
		}
		dead := false
		for _, m := range s.countsOf() {
			if v, ok := m.Count.Value(); ok && v > 0 && m.Kind == "killed" {
				dead = true
			}
		}
		for _, m := range s.mentions {
			if dead && m.Actor.Kind == event.KindStateForces && !m.Metonym {
				return true
			}
		}
	}
	return false
}

// lede is the first cue sentence that is not a headline, or the first cue sentence.
func (c *cluster) lede() *sent {
	for _, k := range c.cands {
		if !k.s.headline() {
			return k.s
		}
	}
	return c.cands[0].s
}

// location is the most exact place of the cluster's sentences, cue sentences first, or the document's country.
func (r *run) location(c *cluster, actors []event.Actor) *placed {
	var best *placed
	for _, headlines := range []bool{false, true} { // a headline's place is vaguer than the report's
		for _, k := range c.cands {
			if k.s.headline() != headlines {
				continue
			}
			if p := r.placeIn(k.s, &k.h, k.lo, k.hi); p != nil && (best == nil || p.score > best.score) && !r.stray(c, p) {
				best = p
			}
		}
		if best != nil {
			break
		}
	}
	for _, s := range c.sents {
		if best != nil && kindRank(best.t) == 3 {
			break
		}
		if s.sentenceHas(wModal) {
			continue
		}
		lo, hi := c.bounds(s)
		p := r.placeIn(s, nil, lo, hi)
		if p != nil && (best == nil || kindRank(p.t) > kindRank(best.t) && samePlace(best, p)) {
			p.rule = "evidence-" + p.rule
			best = p
		}
	}
	if best == nil || kindRank(best.t) < 2 {
		if p := r.datelineCity(c); p != nil && (best == nil || best.t.Country == p.t.Country) {
			best = p
		}
	}
	if best == nil {
		best = r.countryPlace(actors)
	}
	return best
}

// datelineCity is the dateline's town when the incident's sentences name no town or division of their own
// but speak of "the city" or "the town": "PORT SUDAN — A drone struck a fuel depot in the city on Sunday".
// A town the text names without the gazetteer knowing it ("the town of Adan Yabaal") is not the dateline's.
func (r *run) datelineCity(c *cluster) *placed {
	var dl *geoparse.Toponym
	ts := r.places()
	for i := range ts {
		if t := &ts[i]; t.Dateline && t.Resolved && t.Kind == geoparse.KindCity {
			dl = t // read only: placed copies it
			break
		}
	}
	if dl == nil {
		return nil
	}
	for _, s := range c.sents {
		for i := range s.Tokens {
			if s.is(i, wCity) && s.word(i+1) == "of" {
				return nil // "the town of Adan Yabaal"
			}
		}
	}
	for _, s := range c.sents {
		lo, hi := c.bounds(s)
		for i := range s.Tokens {
			if s.Tokens[i].Start < lo || s.Tokens[i].End > hi || s.word(i) != "the" {
				continue
			}
			j := i + 1
			if s.word(j) == "port" || s.word(j) == "coastal" || s.word(j) == "northern" || s.word(j) == "southern" ||
				s.word(j) == "eastern" || s.word(j) == "western" {
				j++
			}
			if s.is(j, wCity) && s.word(j+1) != "of" && s.word(j+1) != "'s" {
				return &placed{t: *dl, rule: "dateline-the-city"}
			}
		}
	}
	return nil
}

// cityNouns stand for a town the text has named.
var cityNouns = set("city", "town", "capital")

// things collects the distinct entries that get finds in the cluster's sentences.
func things(c *cluster, get func(*sent) []lexicon.Match, x *explainer, field string) []event.Thing {
	out := []event.Thing{}
	seen := map[*lexicon.Entry]bool{}
	for _, s := range c.sents {
		lo, hi := c.bounds(s)
		for _, m := range get(s) {
			if seen[m.Entry] || m.Start < lo || m.End > hi {
				continue
			}
			seen[m.Entry] = true
			sp := event.Span{Start: m.Start, End: m.End, Text: m.Text}
			out = append(out, event.Thing{Name: m.Entry.Name, Span: &sp})
			x.add(field, m.Entry.Name, "lexicon", m.Entry.Source, &sp)
		}
	}
	return out
}

// notActor1 drops the target finds that overlap an armed actor1: "police officers" who fire on a crowd are the
// event's actor, not what it hit. When it drops none it returns ms itself, not a copy (its caller, things, only
// reads the finds).
func notActor1(ms []lexicon.Match, actors []event.Actor) []lexicon.Match {
	for i := range ms {
		if !armedActor1Over(ms[i], actors) {
			continue
		}
		out := slices.Clone(ms[:i])
		for _, m := range ms[i+1:] {
			if !armedActor1Over(m, actors) {
				out = append(out, m)
			}
		}
		return out
	}
	return ms
}

// armedActor1Over reports whether m overlaps the span of an armed actor1 of actors.
func armedActor1Over(m lexicon.Match, actors []event.Actor) bool {
	for _, a := range actors {
		if a.Role == event.RoleActor1 && armedKind(a.Kind) && a.Span != nil && a.Span.Start < m.End && m.Start < a.Span.End {
			return true
		}
	}
	return false
}

// eventID is stable for a document: a hash of the document id and the first evidence span.
func (r *run) eventID(c *cluster) string {
	h := fnv.New64a()
	s := c.sents[0]
	h.Write([]byte(r.doc.ID + "\x00" + strconv.Itoa(s.Start) + ":" + strconv.Itoa(s.End)))
	return "ev-" + strconv.FormatUint(h.Sum64(), 16)
}

// summary is the sentence, cut at a word boundary to at most 240 bytes.
func summary(s string) string {
	if !plainSpaced(s) {
		s = strings.Join(strings.Fields(s), " ")
	}
	if len(s) <= 240 {
		return s
	}
	cut := strings.LastIndexByte(s[:240], ' ')
	if cut < 0 {
		cut = 240
	}
	return s[:cut] + "…"
}

// plainSpaced reports an ASCII text whose words are already joined by single spaces, with none at either end:
// strings.Fields and Join would give it back unchanged.
func plainSpaced(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !plainBytes[c] && (c != ' ' || i == 0 || i == len(s)-1 || s[i+1] == ' ') {
			return false // a rune Fields may read as a space (U+00A0, U+2028...), another space, or a space not single
		}
	}
	return true
}

// plainBytes are the ASCII bytes that are not spaces to strings.Fields.
var plainBytes = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = !strings.ContainsRune(" \t\n\v\f\r", rune(c))
	}
	return t
}()

// confidence grows with the evidence: a strong cue, several reports, a place, a perpetrator, a date. unowned
// is the name of the unidentified armed group unownedStrike supplied as actor1, which is no evidence.
func confidence(c *cluster, ev *event.Event, unowned string) float64 {
	v := 0.35
	for _, k := range c.cands {
		if k.h.info.strong {
			v += 0.15
			break
		}
	}
	v += 0.05 * float64(min(len(c.sents)-1, 3))
	if ev.Location != nil {
		v += 0.1
	}
	if slices.ContainsFunc(ev.Actors, func(a event.Actor) bool { return a.Role != event.RoleActor1 || a.Name != unowned }) {
		v += 0.1
	}
	if ev.Date != nil && ev.Date.Span != nil {
		v += 0.1
	}
	return math.Round(min(v, 0.95)*100) / 100
}
