package eval

import (
	"strings"

	"sitrep/internal/event"
)

// scoreClaims scores each gold claim: correct when an unused predicted claim has the same stance and a
// claimant that names the same party (see sameClaimant), incorrect when the party is found with another
// stance, missing otherwise. Predicted claims left over are extra.
func scoreClaims(gold []GoldClaim, pred []event.Claim) []FieldScore {
	used := make([]bool, len(pred))
	var out []FieldScore
	for _, g := range gold {
		f := FieldScore{Field: "claims", Gold: g.Claimant + " " + g.Stance, Outcome: Missing}
		if i := findClaim(g, pred, used, true); i >= 0 {
			used[i] = true
			f.Outcome, f.Pred = Correct, claimStr(pred[i])
		} else if i := findClaim(g, pred, used, false); i >= 0 {
			used[i] = true
			f.Outcome, f.Pred = Incorrect, claimStr(pred[i])
		}
		out = append(out, f)
	}
	for i, c := range pred {
		if !used[i] {
			out = append(out, FieldScore{Field: "claims", Outcome: Extra, Pred: claimStr(c)})
		}
	}
	return out
}

func findClaim(g GoldClaim, pred []event.Claim, used []bool, sameStance bool) int {
	for i, c := range pred {
		if used[i] || (sameStance && c.Stance != g.Stance) || !sameClaimant(g, c.Claimant) {
			continue
		}
		return i
	}
	return -1
}

// sameClaimant: the predicted claimant's name or text, folded, equals or contains as whole words (or is
// contained in) the gold claimant or one of its mentions ("Russia" and "Military Forces of Russia").
func sameClaimant(g GoldClaim, c event.Claimant) bool {
	preds := []string{c.Name}
	if c.Span != nil {
		preds = append(preds, c.Span.Text)
	}
	golds := append([]string{g.Claimant}, g.ClaimantMentions...)
	for _, p := range preds {
		for _, q := range golds {
			if wordsWithin(p, q) || wordsWithin(q, p) {
				return true
			}
		}
	}
	return false
}

// wordsWithin reports whether the folded words of a occur, in order and adjacent, in b.
func wordsWithin(a, b string) bool {
	a, b = foldKey(a), foldKey(b)
	return a != "" && strings.Contains(" "+b+" ", " "+a+" ")
}

func claimStr(c event.Claim) string { return c.Claimant.Name + " " + c.Stance }
