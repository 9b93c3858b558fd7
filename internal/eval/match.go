package eval

import (
	"cmp"
	"slices"
)

// Interval is a half-open byte range [Start, End).
type Interval struct{ Start, End int }

// overlap is the number of bytes a and b share.
func overlap(a, b Interval) int {
	return max(0, min(a.End, b.End)-max(a.Start, b.Start))
}

// Pair is one match: indexes into the gold and predicted slices.
type Pair struct{ Gold, Pred int }

// MatchMode selects when a prediction may match a gold span.
type MatchMode int

// Match modes.
const (
	Overlap MatchMode = iota // at least one shared byte
	Exact                    // same start and end
)

// MatchSpans pairs gold and predicted intervals one-to-one, greedily by overlap (see the package doc).
// The pairs come back ordered by gold index.
func MatchSpans(gold, pred []Interval, mode MatchMode) []Pair {
	type cand struct{ g, p, ov, diff int }
	var cs []cand
	for gi, g := range gold {
		for pi, p := range pred {
			ov := overlap(g, p)
			if (mode == Exact && g != p) || (mode == Overlap && ov == 0) {
				continue
			}
			cs = append(cs, cand{gi, pi, ov, absInt(g.Start-p.Start) + absInt(g.End-p.End)})
		}
	}
	slices.SortFunc(cs, func(a, b cand) int {
		return cmp.Or(cmp.Compare(b.ov, a.ov), cmp.Compare(a.diff, b.diff), cmp.Compare(a.g, b.g), cmp.Compare(a.p, b.p))
	})
	gTaken, pTaken := make([]bool, len(gold)), make([]bool, len(pred))
	var pairs []Pair
	for _, c := range cs {
		if gTaken[c.g] || pTaken[c.p] {
			continue
		}
		gTaken[c.g], pTaken[c.p] = true, true
		pairs = append(pairs, Pair{c.g, c.p})
	}
	slices.SortFunc(pairs, func(a, b Pair) int { return cmp.Compare(a.Gold, b.Gold) })
	return pairs
}

// CountMatches scores predicted against gold intervals with MatchSpans.
func CountMatches(gold, pred []Interval, mode MatchMode) PRF {
	n := len(MatchSpans(gold, pred, mode))
	return PRF{TP: n, FP: len(pred) - n, FN: len(gold) - n}
}

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
