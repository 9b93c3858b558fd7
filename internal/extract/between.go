package extract

import (
	"sitrep/internal/actors"
	"sitrep/internal/event"
)

// betweenParties reads the two sides of a clash written "fighting between A and B" ("clashes broke out on
// Thursday between A and B"): the first armed party after "between" is actor1, the next one after "and" is
// actor2. It returns nil, nil when the cue is no clash or the sentence does not name both sides.
func (r *run) betweenParties(s *sent, h hit) (a1, a2 []event.Actor) {
	if h.info.class != subClash {
		return nil, nil
	}
	end := s.tokenAt(h.End)
	at := -1
	for i := end; i < len(s.Tokens) && i <= end+6; i++ {
		if w := s.word(i); w == "between" {
			at = i
			break
		} else if w == ";" || w == "." || w == "which" || w == "who" {
			break
		}
	}
	if at < 0 {
		return nil, nil
	}
	first := s.armedAfter(s.Tokens[at].End, 8)
	if first == nil {
		return nil, nil
	}
	and := -1
	for i := s.tokenAt(first.End); i < len(s.Tokens) && i <= s.tokenAt(first.End)+8; i++ {
		if s.word(i) == "and" {
			and = i
			break
		}
	}
	if and < 0 {
		return nil, nil
	}
	second := s.armedAfter(s.Tokens[and].End, 8)
	if second == nil || second.Actor.Name == first.Actor.Name {
		return nil, nil
	}
	return []event.Actor{first.Actor}, []event.Actor{second.Actor}
}

// armedAfter returns the first armed, non-metonymic mention that starts at or after off, within reach tokens
// of it, or nil.
func (s *sent) armedAfter(off, reach int) *actors.Mention {
	lim := s.tokenAt(off) + reach
	for i := range s.mentions {
		m := &s.mentions[i]
		if m.Start < off || m.Metonym || !armedKind(m.Actor.Kind) {
			continue
		}
		if s.tokenAt(m.Start) >= lim {
			return nil
		}
		return m
	}
	return nil
}
