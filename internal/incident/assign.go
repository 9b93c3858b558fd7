package incident

import "sitrep/internal/event"

// Assign scores r against every candidate and returns the best one that matches at the Merger's minimum score,
// as a pointer into candidates. Ties go to the earlier-created incident, then to the smaller id, so the result
// does not depend on the candidates' order. ok is false when none matches; the returned Match is then a rejected one (the highest
// scored, for logging), or the zero Match when there were no candidates. Candidates that surely fail (another
// sub-type, dates or places too far apart) are skipped without scoring.
func (m *Merger) Assign(candidates []event.Incident, r event.Report) (best *event.Incident, match Match, ok bool) {
	o := m.Options.filled()
	var rejected Match
	for i := range candidates {
		c := &candidates[i]
		if implausible(o, *c, r) && len(rejected.Reasons) > 0 {
			continue
		}
		s := m.Score(*c, r)
		if !s.OK(o.MinScore) {
			if s.Score > rejected.Score || len(rejected.Reasons) == 0 {
				rejected = s
			}
			continue
		}
		if best == nil || better(s, c, match, best) {
			best, match = c, s
		}
	}
	if best == nil {
		return nil, rejected, false
	}
	return best, match, true
}

// better reports whether candidate c with match s beats the current best b with match bm.
func better(s Match, c *event.Incident, bm Match, b *event.Incident) bool {
	switch {
	case s.Score != bm.Score:
		return s.Score > bm.Score
	case !c.Created.Equal(b.Created):
		return c.Created.Before(b.Created)
	}
	return c.ID < b.ID
}
