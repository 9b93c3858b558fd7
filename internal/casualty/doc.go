// Package casualty finds reports of people killed and injured in one sentence: "some 20 people were killed",
// "killed at least five civilians and wounded 10", "the death toll rose to 31", "left 12 dead", "no one was
// hurt". Counts are read by sitrep/internal/numbers; a sub-group ("killing four, among them two children") is
// not added to the total, while a list of victim groups ("three soldiers and two civilians were killed") is
// summed. Counts of animals or things ("killed 20 goats") are not casualties. A negation ("no one was
// killed") is a count of zero with rule "none", since zero fatalities is information.
package casualty
