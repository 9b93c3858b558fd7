// Package casualty finds reports of people killed and injured in one sentence: "some 20 people were killed",
// "killed at least five civilians and wounded 10", "the death toll rose to 31", "left 12 dead", "no one was
// hurt". Counts are read by sitrep/internal/numbers; a sub-group ("killing four, among them two children") is
// not added to the total, while a list of victim groups ("three soldiers and two civilians were killed") is
// summed. Counts of animals or things ("killed 20 goats") are not casualties. A negation ("no one was
// killed") is a count of zero with rule "none", since zero fatalities is information.
//
// Follow-up reports update a toll: "the death toll from Monday's strike has risen to 16", "the number of dead
// reached 41", "bringing the toll to 16". Such mentions have rule "toll" and Revised set, and their figure
// replaces earlier ones; a figure the sentence gives as replaced ("raising the toll from 12 to 27" gives 12,
// "officials had initially put the toll at 18") has rule "toll-earlier" and Superseded set. One victim named
// with an article ("a child was killed", "killing a civilian") is a count of one with rule "single".
//
// A toll given only as a vague plural takes ACLED's figure, one unit of the plural, as its low and best
// ("dozens" 12, "scores" 20, "hundreds" 100, "thousands" 1,000), the plural's reach as its high ("hundreds":
// 999); see vagueFigures.
package casualty
