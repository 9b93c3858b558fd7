package extract

import (
	"sitrep/internal/event"
)

// roles returns the actor finder's actor1 and actor2 for a cue, read once per cue of a loaded sentence: the
// candidate, another cue's otherAgent and otherSide, and accept ask for the same cue's roles (a fifth of the
// calls were repeats). Callers only read the slices.
func (r *run) roles(s *sent, h hit) (a1, a2 []event.Actor) {
	if !s.loaded {
		return r.e.act.Roles(s.Sentence, h.span(), s.mentions)
	}
	for _, m := range s.roles {
		if m.start == h.Start && m.end == h.End {
			return m.a1, m.a2
		}
	}
	a1, a2 = r.e.act.Roles(s.Sentence, h.span(), s.mentions)
	s.roles = append(s.roles, readRoles{start: h.Start, end: h.End, a1: a1, a2: a2})
	return a1, a2
}

// readRoles are the roles the actor finder read for the cue at [start, end) of a sentence.
type readRoles struct {
	start, end int
	a1, a2     []event.Actor
}

// finderClaims returns the actor finder's claims in s.
func (r *run) finderClaims(s *sent) []event.Claim {
	return r.e.act.Claims(s.Sentence, s.mentions)
}

// entities returns the actor finder's entities of the document, with the place parser's toponyms as the
// places when there is a parser (it knows far more places than the finder's own rules).
func (r *run) entities() []event.Entity {
	ents := r.e.act.Entities(r.doc, r.sentences())
	if r.e.geo == nil {
		return ents
	}
	out := ents[:0]
	for _, e := range ents {
		if e.Kind != event.EntityPlace {
			out = append(out, e)
		}
	}
	index := map[string]int{}
	for _, t := range r.places() {
		if !t.Locational {
			continue
		}
		name := t.Name
		if name == "" {
			name = t.Text
		}
		i, ok := index[name]
		if !ok {
			i = len(out)
			index[name] = i
			out = append(out, event.Entity{Kind: event.EntityPlace, Name: name})
		}
		out[i].Mentions = append(out[i].Mentions, event.Span{Start: t.Start, End: t.End, Text: t.Text})
	}
	return out
}
