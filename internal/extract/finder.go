package extract

import (
	"sitrep/internal/actors"
	"sitrep/internal/event"
	"sitrep/internal/text"
)

// The actor finder's role, claim and entity readers, as CONTRACTS.md names them. The engine looks them up on
// the finder it is given, so that it builds and runs while internal/actors is being written; without them
// it falls back on its own readings (fallbackRoles, fallbackClaims) and reports no entities.
type (
	roleReader interface {
		Roles(s text.Sentence, trigger event.Span, ms []actors.Mention) (actor1, actor2 []event.Actor)
	}
	claimReader interface {
		Claims(s text.Sentence, ms []actors.Mention) []event.Claim
	}
	entityReader interface {
		Entities(doc event.Document, sents []text.Sentence) []event.Entity
	}
)

// roles returns the finder's actor1 and actor2 for a cue, or the engine's own reading.
func (r *run) roles(s *sent, h hit) (a1, a2 []event.Actor) {
	if rr, ok := any(r.e.act).(roleReader); ok {
		a1, a2 = rr.Roles(s.Sentence, h.span(), s.mentions)
	}
	if len(a1) == 0 && len(a2) == 0 {
		a1, a2 = r.fallbackRoles(s, h)
	}
	return a1, a2
}

// finderClaims returns the finder's claims in s, nil when it has no claim reader.
func (r *run) finderClaims(s *sent) []event.Claim {
	if cr, ok := any(r.e.act).(claimReader); ok {
		return cr.Claims(s.Sentence, s.mentions)
	}
	return nil
}

// entities returns the finder's entities of the document, nil when it has no entity reader.
func (r *run) entities() []event.Entity {
	if er, ok := any(r.e.act).(entityReader); ok {
		return er.Entities(r.doc, r.sentences())
	}
	return nil
}
