// Package actors finds the parties of conflict reports in a sentence: state forces, armed groups and
// organisations from the lexicon, forces named by a demonym ("two Russian warplanes"), government and
// regime forces of the document's focus country, victims ("civilians", "protesters"), unidentified armed
// men, and capitals or countries standing for their governments ("Moscow denies"). It also assigns
// actor roles around an event trigger (active and passive voice, "X's attack on Y", "clashes between X and
// Y"), reads claims (who asserts, accuses, denies, questions or reports what) from the claim_verbs lexicon,
// and lists named entities (persons, organisations, places) of a document.
//
// Every offset is a UTF-8 byte offset into the document the sentence came from.
package actors
