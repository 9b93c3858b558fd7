package extract

import "testing"

// TestMovementNeedsItsForce: a movement cue ("sent", "deployed") counts only with a force, weapon or armed
// party in its own statement, not one named in another reported clause of the sentence.
func TestMovementNeedsItsForce(t *testing.T) {
	runQuality(t, []qualityCase{
		{name: "samples sent, soldiers in another statement",
			in:   "Three soldiers were treated for burns, the spokesman said, and samples had been sent for laboratory tests.",
			subs: ""},
		{name: "troops sent",
			in:   "The army said it had sent troops to the border district of Kalaw on Monday.",
			subs: "Change to group/activity"},
		{name: "force before the cue past a comma",
			in:   "Troops, backed by tanks, were sent to the border on Monday, the ministry said.",
			subs: "Change to group/activity"},
	})
}
