package extract

import (
	"strings"

	"sitrep/internal/actors"
	"sitrep/internal/event"
	"sitrep/internal/lexicon"
)

// fallbackRoles reads actor1 and actor2 around a cue when the actor finder gives none: in the passive ("hit by
// missiles fired from Israeli jets") the armed party after "by"; in the active the nearest armed party before
// the cue in its clause acted and the first party after it was acted upon.
func (r *run) fallbackRoles(s *sent, h hit) (a1, a2 []event.Actor) {
	end := s.tokenAt(h.End)
	for i := end; i < len(s.Tokens) && i <= end+2; i++ {
		if s.word(i) == "by" {
			if m := mentionIn(s, s.Tokens[i].End, s.tokenEnd(i+8), true); m != nil {
				return []event.Actor{r.roleActor(m, event.RoleActor1)}, nil
			}
		}
	}
	lo := s.Start
	if back := s.before(h.tok, 12); len(back) > 0 {
		lo = s.Tokens[back[len(back)-1]].Start
	}
	if m := lastMentionIn(s, lo, h.Start); m != nil {
		a1 = []event.Actor{r.roleActor(m, event.RoleActor1)}
	}
	if m := mentionIn(s, h.End, s.tokenEnd(end+6), false); m != nil && !s.speaker(s.tokenAt(m.End)) &&
		(a1 == nil || m.Actor.Name != a1[0].Name) {
		a2 = []event.Actor{r.roleActor(m, event.RoleActor2)}
	}
	return a1, a2
}

// militaryNames maps each country code to the name of its military forces in actors_state.
func militaryNames(lex *lexicon.Lexicon) map[string]string {
	out := map[string]string{}
	for _, e := range lex.Entries("actors_state") {
		if c := e.Attr("country"); c != "" && strings.HasPrefix(e.Name, "Military Forces of ") {
			out[c] = e.Name
		}
	}
	return out
}

// tokenEnd is the end offset of token i, or of the sentence when i is past it.
func (s *sent) tokenEnd(i int) int {
	if i >= len(s.Tokens) {
		return s.End
	}
	return s.Tokens[i].End
}

// mentionIn returns the first actor mention in [lo, hi), armed only if asked; metonyms and organisations are
// speakers, not parties.
func mentionIn(s *sent, lo, hi int, armed bool) *actors.Mention {
	for i := range s.mentions {
		m := &s.mentions[i]
		if m.Start >= lo && m.End <= hi && party(m) && (!armed || armedKind(m.Actor.Kind)) {
			return m
		}
	}
	return nil
}

// lastMentionIn returns the last armed mention in [lo, hi).
func lastMentionIn(s *sent, lo, hi int) *actors.Mention {
	var out *actors.Mention
	for i := range s.mentions {
		m := &s.mentions[i]
		if m.Start >= lo && m.End <= hi && (party(m) || m.Metonym) && armedKind(m.Actor.Kind) {
			out = m
		}
	}
	return out
}

// party reports a mention that can take part in an event.
func party(m *actors.Mention) bool {
	return !m.Metonym && m.Actor.Kind != event.KindOrganization && m.Actor.Kind != ""
}

// roleActor is the mention's actor in a role, stated, with its span. A country or capital acting ("Russia
// deployed", "Moscow sent") is its military.
func (r *run) roleActor(m *actors.Mention, role string) event.Actor {
	a := m.Actor
	if name := r.e.military[a.Country]; m.Metonym && name != "" {
		a.Name, a.Kind = name, event.KindStateForces
	}
	a.Role, a.Attribution = role, event.AttrStated
	if a.Span == nil {
		a.Span = &event.Span{Start: m.Start, End: m.End, Text: m.Text}
	}
	return a
}
