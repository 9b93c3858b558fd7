package extract

import (
	"sitrep/internal/event"
)

// roles returns the actor finder's actor1 and actor2 for a cue.
func (r *run) roles(s *sent, h hit) (a1, a2 []event.Actor) {
	return r.e.act.Roles(s.Sentence, h.span(), s.mentions)
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
