package geoparse

import (
	"strings"

	"sitrep/internal/gazetteer"
)

// listGap reports whether the text between two mentions joins the items of a list: ", ", " and ", ", and ",
// " or ", "/".
func listGap(g string) bool {
	switch strings.TrimSpace(g) {
	case ",", "and", ", and", "or", ", or", "/", "&":
		return true
	}
	return false
}

// linkSiblings records, for each mention, the mentions listed next to it.
func (r *run) linkSiblings() {
	for k := 0; k+1 < len(r.ms); k++ {
		a, b := &r.ms[k], &r.ms[k+1]
		if a.end <= b.start && listGap(r.d.s[a.end:b.start]) {
			a.siblings = append(a.siblings, k+1)
			b.siblings = append(b.siblings, k)
		}
	}
}

// inList reports whether mention k and the next one sit inside a longer list ("Texas, Georgia, Ohio"),
// where a comma separates items rather than a place from its region.
func (r *run) inList(k int) bool {
	return len(r.ms[k].siblings) > 1 || k+1 < len(r.ms) && len(r.ms[k+1].siblings) > 1
}

// siblingBonus favours a candidate of the same kind and country as the places listed with it: the states of
// "Arizona, Georgia and Ohio", the provinces of "Alberta, Manitoba, Ontario".
func (r *run) siblingBonus(k int, p gazetteer.Place) float64 {
	best := 0.0
	for _, j := range r.ms[k].siblings {
		s := &r.ms[j]
		if s.choice < 0 {
			continue
		}
		q := s.cands[s.choice].p
		switch {
		case kindOf(q) == kindOf(p) && q.Country == p.Country && q.Country != "":
			best = max(best, 1.5)
		case kindOf(q) == kindOf(p):
			best = max(best, 0.5)
		}
	}
	return best
}
