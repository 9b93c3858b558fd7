package extract

import "testing"

// TestRelativeClauseDescribesParty: a cue inside a relative clause set off by commas describes a party, not an
// incident; a day inside the clause, a trailing clause, or a cue outside it still report one.
func TestRelativeClauseDescribesParty(t *testing.T) {
	runQuality(t, []qualityCase{
		{name: "habitual description",
			in:   "The group, which has bombed markets and bus stations across the region, said on Tuesday it would take part in talks.",
			subs: ""},
		{name: "past deed with a year",
			in:   "The militia, which killed dozens of soldiers in an assault on a base in 2023, said on Monday it opposed the plan.",
			subs: ""},
		{name: "blamed for a massacre",
			in:   "The militia, which is blamed for the massacre of villagers last year, issued a statement on Sunday rejecting the accusations.",
			subs: ""},
		{name: "a day inside the clause keeps it",
			in:   "The army, which shelled rebel positions near Kidal on Monday, said the operation would continue.",
			subs: "Shelling/artillery/missile attack"},
		{name: "trailing clause keeps it",
			in:   "Gunmen stormed the village of Ogossagou on Monday, which they then burned to the ground.",
			subs: "Attack"},
		{name: "cue outside the clause",
			in:   "Rebels, who are active in the area, killed five villagers near Beni on Monday.",
			subs: "Attack"},
	})
}
