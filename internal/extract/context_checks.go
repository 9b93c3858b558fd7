package extract

import (
	"strconv"
	"strings"

	"sitrep/internal/event"
)

// contextRejects reports a cue under a modal or a negation, inside an accusation of a pattern of conduct,
// modifying a background noun, or a device that is the object of its capture or destruction ("destroyed a
// VBIED": the event is the strike, or the seizure).
func (s *sent) contextRejects(h hit) bool {
	return s.anyWord(s.before(h.tok, 5), wModal) || s.anyWord(s.before(h.tok, 3), wNeg) || s.intent(h.tok) ||
		!h.info.noun && s.word(h.tok-1) == "to" || // "to protest", "to send troops": purpose, not an event
		s.accusedPattern(h.tok) || s.modifiesBackground(h) || device(h) && s.object(h) || s.deniedBefore(h.tok)
}

// deniedBefore reports a denial that governs the cue ("Damascus denied that its forces had used barrel
// bombs"): up to ten tokens back, within the clause's semicolons.
func (s *sent) deniedBefore(i int) bool {
	for j := i - 1; j >= 0 && j >= i-10; j-- {
		switch w := s.word(j); w {
		case ";", ":":
			return false
		case "denied", "denies", "deny", "denying", "rejected", "dismissed":
			return true
		}
	}
	return false
}

// aggregate reports a toll or a count of operations too large for one incident: thousands of dead without a
// date, or fifty and more of the cue itself ("265 bombing raids").
func (s *sent) aggregate(h hit) bool {
	for idx, k := s.before(h.tok, 2), 0; k < idx.n; k++ {
		if n, ok := wordNumber(s.word(idx.at(k))); ok && n >= 50 {
			return true
		}
	}
	if h.info.strong || len(s.datesOf()) > 0 {
		return false
	}
	for _, m := range s.countsOf() {
		if v, ok := m.Count.Value(); ok && v >= 1000 || strings.Contains(m.Count.Qualifier, "thousand") ||
			strings.Contains(m.Count.Qualifier, "million") {
			return true
		}
	}
	return false
}

// wordNumber reads a token of digits ("265", "1,200").
func wordNumber(w string) (int, bool) {
	if w == "" || w[0] < '0' || w[0] > '9' {
		return 0, false // a word: not worth an error value from Atoi
	}
	n, err := strconv.Atoi(strings.ReplaceAll(w, ",", ""))
	return n, err == nil
}

// intent reports "committed to", "determined to" before token i in its clause ("remains committed to carrying
// out attacks"); "we determined it was an air strike" is a finding, not an intent.
func (s *sent) intent(i int) bool {
	for idx, k := s.before(i, 6), 0; k < idx.n; k++ {
		if j := idx.at(k); (s.word(j) == "committed" || s.word(j) == "determined") && s.word(j+1) == "to" {
			return true
		}
	}
	return false
}

// object reports a hit that is the object of destruction or capture ("destroyed a VBIED and two mortars").
func (s *sent) object(h hit) bool { return s.anyWord(s.before(h.tok, 12), wObject) }

// firstAgent returns the first hit of class that is not the object of destruction or capture, or nil.
func (s *sent) firstAgent(class string) *hit {
	for i := range s.hits {
		if h := &s.hits[i]; h.info.class == class && !s.object(*h) && !s.speaker(s.tokenAt(h.End)) {
			return h
		}
	}
	return nil
}

// device reports a cue that names an explosive device or weapon rather than an act.
func device(h hit) bool {
	switch h.info.class {
	case classExplosion, "Remote explosive/landmine/IED", "Grenade", "Suicide bomb", "Chemical weapon":
		return h.info.noun
	}
	return false
}

// insideName reports a cue inside the name of an actor from the lexicon.
func (s *sent) insideName(h hit) bool {
	for _, m := range s.mentions {
		if m.Entry != nil && m.Start <= h.Start && h.End <= m.End && m.End-m.Start > h.End-h.Start {
			return true
		}
	}
	return false
}

// accusedPattern reports a trigger after "has been accused of" or "have been blamed for": an accusation about
// a pattern of conduct, not one dated incident. In a relative clause (", which has been accused of attacking
// Aleppo,") the accusation covers only that clause.
func (s *sent) accusedPattern(tok int) bool {
	if !s.hasPhrase(subAccusedOf) && !s.hasPhrase(subBlamedFor) {
		return false
	}
	for i := 1; i < tok && i+1 < len(s.Tokens); i++ {
		w := s.word(i)
		if !(w == "accused" && s.word(i+1) == "of" || w == "blamed" && s.word(i+1) == "for") || s.word(i-1) != "been" {
			continue
		}
		if !s.inRelative(i) {
			return true
		}
		for j := i + 2; j < tok; j++ {
			if s.word(j) == "," {
				return false
			}
		}
		return true
	}
	return false
}

// inRelative reports whether token i is in a relative clause opened by ", which" or ", who".
func (s *sent) inRelative(i int) bool {
	for j := i - 1; j > 0; j-- {
		switch s.word(j) {
		case "which", "who":
			return s.word(j-1) == ","
		case ",", ";", ":":
			return false
		}
	}
	return false
}

// modifiesBackground reports a background noun right after the cue ("bombing campaign") or just before it in
// the same clause ("the war has killed").
func (s *sent) modifiesBackground(h hit) bool {
	if !s.has(classBack) {
		return false
	}
	end := s.tokenAt(h.End)
	for _, o := range s.hits {
		if o.info.class != classBack {
			continue
		}
		if o.tok >= end && o.tok <= end+1 {
			return true
		}
		if o.tok < h.tok && h.tok-o.tok <= 3 && s.before(h.tok, h.tok-o.tok).n == h.tok-o.tok {
			return true
		}
	}
	return false
}

// history reports a trigger whose nearest date lies more than 90 days before publication or is only a year
// ("fighting earlier this year": reports date their incident by the day or the week), or one right after an
// earlier year ("a 2008 raid"): background.
func (r *run) history(s *sent, h hit) bool {
	if r.pub == nil {
		return false
	}
	for idx, k := s.before(h.tok, 3), 0; k < idx.n; k++ {
		if w := s.word(idx.at(k)); w == "" || w[0] < '0' || w[0] > '9' {
			continue // not a year: no error value from Atoi
		} else if y, err := strconv.Atoi(w); err == nil && y > 1900 && y < r.pub.Year() {
			return true
		}
	}
	d := nearestDate(s, h, s.Start, s.End)
	if d == nil {
		return false
	}
	return d.To.Before(r.pub.AddDays(-90).Time) ||
		d.Precision == event.PrecisionYear && !s.anyWord(s.before(s.tokenAt(d.Start), 3), wRank) // not "the deadliest attack this year"
}

// lasting reports a trigger followed by a span of years ("has fought the government for nearly two
// decades", "have clashed for years"): an ongoing conflict, background.
func (s *sent) lasting(h hit) bool {
	end := s.tokenAt(h.End)
	for i := end; i < len(s.Tokens) && i < end+10; i++ {
		if s.word(i) != "for" {
			continue
		}
		for j := i + 1; j < len(s.Tokens) && j <= i+4; j++ {
			switch s.word(j) {
			case "years", "decades", "decade", "generations":
				return true
			}
		}
	}
	return false
}
