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

// entities returns the actor finder's entities of the document.
func (r *run) entities() []event.Entity {
	return r.e.act.Entities(r.doc, r.sentences())
}
