package extract

import (
	"slices"
	"strings"

	"sitrep/internal/actors"
	"sitrep/internal/event"
)

// claimSet is what the claims of an incident say about its perpetrator.
type claimSet struct {
	accused   []event.Actor
	claimed   []event.Actor  // armed parties that claim the incident as theirs
	accusers  map[*sent]bool // sentences holding an accusation
	deniers   []event.Actor  // the parties that deny
	anyDenial bool
	// peopleDeniers deny targeting people ("denied targeting civilians"), not the deed; asserters say they
	// carried out a deed. A party that does both owns the strike uncontested.
	peopleDeniers, asserters []event.Actor
}

// claimsOf gathers the claims of the cluster's sentences into ev and reads accusations and denials.
func (r *run) claimsOf(c *cluster, ev *event.Event) claimSet {
	cs := claimSet{accusers: map[*sent]bool{}}
	for _, s := range c.sents {
		if i := s.firstWord(wAccuse); i >= 0 && !accusedOfOther(s, i) {
			for j := range s.mentions {
				if m := &s.mentions[j]; m.Start >= s.Tokens[i].End && armedKind(m.Actor.Kind) && !m.Metonym {
					cs.accusers[s] = true
					cs.accused = append(cs.accused, roleOf(m)) // "The United States blamed two Russian warplanes"
				}
			}
		}
		if m := s.namedBehind(); m != nil {
			cs.accusers[s] = true
			cs.accused = append(cs.accused, roleOf(m)) // "police said al-Shabaab was behind the attack"
		}
		if m := s.claimedBy(); m != nil {
			cs.claimed = append(cs.claimed, roleOf(m)) // "an ambush that was later claimed by ISSP"
		}
		if i := s.deedClaimed(); i >= 0 {
			for j := range s.mentions {
				if m := &s.mentions[j]; m.End <= s.Tokens[i].Start && armedKind(m.Actor.Kind) && !m.Metonym {
					cs.claimed = append(cs.claimed, roleOf(m)) // "al Shabaab claimed responsibility"
				}
			}
		}
		deniesPeople := false
		if i := s.firstWord(wDeny); i >= 0 && s.deniesTargetingPeople(i) {
			deniesPeople = true // "Russia denied targeting civilians and said it had struck a military facility"
			if m := s.denier(i); m != nil {
				cs.peopleDeniers = append(cs.peopleDeniers, m.Actor)
				if slices.ContainsFunc(s.hits, func(h hit) bool { return h.tok > i+4 && h.info.trigger() }) {
					cs.asserters = append(cs.asserters, m.Actor)
				}
			}
		} else if i >= 0 {
			cs.anyDenial = true
			if m := s.denier(i); m != nil {
				cs.deniers = append(cs.deniers, m.Actor) // "Moscow denied any involvement"
			}
		}
		for _, k := range r.claimsIn(s) {
			if slices.ContainsFunc(ev.Claims, func(o event.Claim) bool { return o.Span == k.Span && o.Stance == k.Stance }) {
				continue
			}
			ev.Claims = append(ev.Claims, k)
			if !slices.Contains(ev.Sources, k.Claimant.Name) {
				ev.Sources = append(ev.Sources, k.Claimant.Name)
			}
			switch k.Stance {
			case event.StanceAsserts:
				if a, ok := claimantActor(s, k); ok && armedKind(a.Kind) && s.deedClaimed() >= 0 {
					cs.claimed = append(cs.claimed, a)
				}
				if a, ok := claimantActor(s, k); ok && slices.ContainsFunc(s.hits, func(h hit) bool { return h.info.trigger() }) {
					cs.asserters = append(cs.asserters, a) // "Russia's defence ministry said its forces had carried out strikes"
				}
			case event.StanceAccuses:
				cs.accusers[s] = true
				cs.accused = append(cs.accused, accusedIn(s, k)...)
			case event.StanceDenies:
				if deniesPeople {
					break
				}
				cs.anyDenial = true
				if a, ok := claimantActor(s, k); ok {
					cs.deniers = append(cs.deniers, a)
				}
			}
		}
	}
	return cs
}

// deniesTargetingPeople reports a denial at token i whose object is targeting people, not the deed: "denied
// targeting civilians" disputes whom a strike was aimed at, while the side may own the strike itself.
func (s *sent) deniesTargetingPeople(i int) bool {
	j := i + 1
	if s.word(j) == "any" || s.word(j) == "deliberately" || s.word(j) == "intentionally" {
		j++
	}
	if !aimWords[s.word(j)] {
		return false
	}
	for k := j + 1; k <= j+3; k++ {
		if peopleWords[s.word(k)] {
			return true
		}
	}
	return false
}

// aimWords aim a deed at someone; peopleWords are the people it would be aimed at.
var (
	aimWords    = set("targeting", "targetting", "targeted", "attacking", "hitting", "aiming")
	peopleWords = set("civilians", "civilian", "people", "residents", "non-combatants", "noncombatants", "children",
		"women", "patients", "worshippers", "journalists", "aid")
)

// denier is the party that denies at the denial word at token i: the last mention ending at most four tokens
// before it ("Moscow on Tuesday denied", "a charge the army denied", "a claim Kyiv rejected"), else the one
// after "by" ("was denied by Moscow"); nil when neither. Other parties of the sentence (the one whose claim is
// rejected) do not deny.
func (s *sent) denier(i int) *actors.Mention {
	start := s.Tokens[i].Start
	var best *actors.Mention
	for j := range s.mentions {
		m := &s.mentions[j]
		if m.End <= start && i-s.tokenAt(m.End) <= 4 {
			best = m
		}
		if s.word(i+1) == "by" && s.tokenAt(m.Start) == i+2 {
			return m
		}
	}
	return best
}

// attribution is stated (the narrative says so), alleged (the actor comes from an accusation or its own claim)
// or contested (alleged and denied, or stated and denied by the actor's side).
func (cs claimSet) attribution(a event.Actor, from *cand) string {
	alleged := from == nil || cs.accusers[from.s] || from.s.accusedBefore(from.h) ||
		slices.ContainsFunc(cs.claimed, func(b event.Actor) bool { return sameParty(a, b) })
	same := func(b event.Actor) bool { return sameParty(a, b) }
	denied := slices.ContainsFunc(cs.deniers, same) ||
		slices.ContainsFunc(cs.peopleDeniers, same) && !slices.ContainsFunc(cs.asserters, same)
	switch {
	case alleged && (denied || cs.anyDenial && len(cs.deniers) == 0):
		// a denial by a named other party ("a claim Kyiv rejected as false") does not contest the actor
		return event.AttrContested
	case denied:
		return event.AttrContested
	case alleged:
		return event.AttrAlleged
	}
	return event.AttrStated
}

// sameParty reports whether two actors are one party, or belong to one country's state.
func sameParty(a, b event.Actor) bool {
	return a.Name == b.Name || a.Country != "" && a.Country == b.Country &&
		(a.Kind == event.KindStateForces || b.Kind == event.KindStateForces)
}

// accusedIn returns the armed parties of s other than the claimant of k.
func accusedIn(s *sent, k event.Claim) []event.Actor {
	var out []event.Actor
	for _, m := range s.mentions {
		if !armedKind(m.Actor.Kind) || k.Claimant.Span != nil && m.Start < k.Claimant.Span.End && k.Claimant.Span.Start < m.End {
			continue
		}
		if k.Claimant.Name == m.Actor.Name {
			continue
		}
		a := m.Actor
		if a.Span == nil {
			a.Span = &event.Span{Start: m.Start, End: m.End, Text: m.Text}
		}
		out = append(out, a)
	}
	return out
}

// Words of accusation and denial, for texts where the claim finder sees none.
var (
	accuseWords = set("accused", "accuses", "accusing", "blamed", "blames", "blaming", "alleged", "allegedly")
	denyWords   = set("denied", "denies", "deny", "denying", "rejected", "rejects", "dismissed")
)

// accusedOfOther reports an accusation word at token i that qualifies a noun before it ("a man accused of
// blasphemy", "a group blamed for past attacks"): what someone is accused of, not who did the incident.
func accusedOfOther(s *sent, i int) bool {
	if next := s.word(i + 1); next != "of" && next != "for" {
		return false
	}
	switch s.word(i - 1) {
	case "", "is", "was", "were", "are", "been", "being", "be", "has", "have", "had", ",":
		return false
	}
	return true
}

// roleOf is a mention's actor with its span.
func roleOf(m *actors.Mention) event.Actor {
	a := m.Actor
	if a.Span == nil {
		a.Span = &event.Span{Start: m.Start, End: m.End, Text: m.Text}
	}
	return a
}

// accusedBefore reports an accusation word before the cue ("accused two Russian warplanes of carrying out the
// attack"): who did it is then alleged.
func (s *sent) accusedBefore(h hit) bool {
	for i := 0; i < h.tok; i++ {
		if s.is(i, wAccuse) {
			return true
		}
	}
	return false
}

// responsibilityWords and claimWords mark a claim of one's own deed.
var (
	responsibilityWords = set("responsibility")
	claimWords          = set("claimed", "claims", "claim", "claiming")
)

// deedClaimed returns the token that claims a deed as the claimant's own, -1 when none: "responsibility" in
// "claimed responsibility", or the claim verb of "claimed the attack", "claims the killings" (an event noun
// right after it, not the subject of a that-clause: "claimed the attack was staged").
func (s *sent) deedClaimed() int {
	if i := s.firstWord(wResponsibility); i >= 0 && s.sentenceHas(wClaim) {
		return i
	}
	if i := s.saidBehind(); i >= 0 {
		return i
	}
	for i := range s.Tokens {
		if !s.is(i, wClaim) || s.is(i+1, wClaimNoun) {
			continue // "rejected claims of drone attacks": the noun, what others say
		}
		for _, h := range s.hits {
			if h.tok <= i || h.tok > i+3 || !(h.info.trigger() && h.info.noun || h.info.class == classAnaphor) {
				continue
			}
			if after := s.word(s.tokenAt(h.End)); clauseVerbs[after] || len(after) > 4 && strings.HasSuffix(after, "ed") {
				continue // "claimed the attack was staged", "claimed the strike targeted fighters"
			}
			return i
		}
	}
	return -1
}

// saidBehind returns the token "behind" of a speaker that says it was behind the incident ("al-Shabaab said in
// a statement that it was behind the attack"), -1 when none. "Police said al-Shabaab was behind the attack" is
// an accusation, not a claim: the one behind must be "it" or "they", the speaker.
func (s *sent) saidBehind() int {
	if !s.hasPhrase(subBehind) {
		return -1
	}
	for i := 2; i < len(s.Tokens); i++ {
		if s.word(i) != "behind" || s.word(i-1) != "was" && s.word(i-1) != "were" || s.word(i-2) != "it" && s.word(i-2) != "they" {
			continue
		}
		for _, h := range s.hits {
			if h.tok > i && h.tok <= i+3 && (h.info.trigger() && h.info.noun || h.info.class == classAnaphor) {
				return i
			}
		}
	}
	return -1
}

// namedBehind returns the armed party another says was behind the incident ("Police said al-Shabaab was
// behind the attack"), nil when none: an accusation, where "it was behind" is the speaker's own claim.
func (s *sent) namedBehind() *actors.Mention {
	if !s.hasPhrase(subBehind) {
		return nil
	}
	for i := 2; i < len(s.Tokens); i++ {
		if s.word(i) != "behind" || s.word(i-1) != "was" && s.word(i-1) != "were" {
			continue
		}
		for j := range s.mentions {
			if m := &s.mentions[j]; m.End == s.Tokens[i-2].End && armedKind(m.Actor.Kind) && !m.Metonym {
				return m
			}
		}
	}
	return nil
}

// claimedBy returns the armed party that an incident was claimed by ("an ambush that was later claimed by the
// Islamic State Sahel Province", "the attack, claimed by JNIM"), nil when none.
func (s *sent) claimedBy() *actors.Mention {
	if !s.hasPhrase(subClaimedBy) {
		return nil
	}
	for i := 1; i+1 < len(s.Tokens); i++ {
		if s.word(i) != "by" || s.word(i-1) != "claimed" {
			continue
		}
		for j := range s.mentions {
			m := &s.mentions[j]
			if k := s.tokenAt(m.Start); k > i && k <= i+2 && armedKind(m.Actor.Kind) && !m.Metonym {
				return m
			}
		}
	}
	return nil
}

// claimNounNext follow "claim(s)" as a noun ("claims of", "the claim that"), never the verb that owns a deed.
var claimNounNext = set("of", "that", "about", "over")

// clauseVerbs after "claimed the attack" make the attack the subject of what is claimed.
var clauseVerbs = set("was", "were", "is", "are", "had", "has", "have", "did", "would", "could", "will", "hit",
	"struck", "hits", "targets", "came")

// unidentified reports an actor the text leaves unnamed ("gunmen", "armed men").
func unidentified(a event.Actor) bool {
	return strings.HasPrefix(a.Name, "Unidentified") || a.Kind == event.KindUnknown
}

// claimantActor returns the actor mention that makes the claim (Moscow for Russia).
func claimantActor(s *sent, k event.Claim) (event.Actor, bool) {
	for _, m := range s.mentions {
		if k.Claimant.Span != nil && m.Start < k.Claimant.Span.End && k.Claimant.Span.Start < m.End {
			a := m.Actor
			if a.Span == nil {
				a.Span = &event.Span{Start: m.Start, End: m.End, Text: m.Text}
			}
			return a, true
		}
	}
	return event.Actor{Name: k.Claimant.Name}, k.Claimant.Name != ""
}
