package extract

import "testing"

// TestSourceBase: "X-based" names where a source or an organisation sits, never an event nor its place.
func TestSourceBase(t *testing.T) {
	runQuality(t, []qualityCase{
		{name: "monitor base joins the toll",
			in: "A roadside bomb killed four soldiers near Maarat al-Numan in Idlib province on Tuesday. " +
				"Two of the dead were officers, according to a Britain-based monitor, which said a driver was among those killed.",
			subs: "Remote explosive/landmine/IED", place: "Ma‘arrat an Nu‘mān"},
		{name: "london-based observatory",
			in:   "Gunmen killed three farmers in the village of Kafr Nabl on Monday, the London-based Syrian Observatory for Human Rights said.",
			subs: "Attack", place: "Kafranbel"},
		{name: "group base",
			in:   "Shelling killed two civilians in Idlib on Friday, a Paris-based rights group reported.",
			subs: "Shelling/artillery/missile attack", place: "Idlib"},
	})
}
