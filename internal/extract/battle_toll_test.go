package extract

import "testing"

// TestBattleToll: a toll of fighters after a battle that ended with ground taken is that battle's toll, not
// a second clash.
func TestBattleToll(t *testing.T) {
	runQuality(t, []qualityCase{
		{name: "toll after a capture",
			in: "Fierce fighting broke out on Tuesday between rebels and militias near Rutshuru in North Kivu. " +
				"A militia spokesman said the militias had retaken two villages, a claim the rebels denied. " +
				"At least six fighters were killed on both sides, local sources said.",
			subs: "Non-state actor overtakes territory", killed: 6},
	})
}
