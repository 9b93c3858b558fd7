package extract

import "testing"

// TestBurningInAttack: houses burned by attackers in the attack they killed in, in the same sentence or the
// next, are part of the attack, and the vehicles they came on are not targets.
func TestBurningInAttack(t *testing.T) {
	runQuality(t, []qualityCase{
		{name: "killing and burning in one sentence",
			in: "Armed men arrived on motorcycles in a village near Djibo on Thursday, shot dead six people and " +
				"burned down shops and grain stores, a local official said.",
			subs: "Attack", killed: 6, targets: "village|shop|farm"},
		{name: "burning in the next sentence by the same attackers",
			in: "Gunmen attacked a village near Djibo on Thursday, killing six civilians, a local official said. " +
				"The attackers came in pickup trucks and set fire to about twenty houses.",
			subs: "Attack", killed: 6},
		{name: "attackers on motorbikes",
			in:   "Gunmen on motorbikes opened fire on a market near Djibo on Friday, killing four.",
			subs: "Attack", killed: 4, targets: "market"},
		{name: "a vehicle hit stays a target",
			in:   "Gunmen opened fire on two buses near Djibo on Friday, killing four passengers.",
			subs: "Attack", killed: 4, targets: "bus"},
		{name: "burning on its own stays property destruction",
			in:   "Unidentified men set fire to a police station near Djibo on Friday night, residents said.",
			subs: "Looting/property destruction"},
	})
}
