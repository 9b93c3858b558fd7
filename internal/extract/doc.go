// Package extract is sitrep's engine: it reads one document and returns the events it reports, in the ACLED
// taxonomy, each value tied to the span of text it came from.
//
// The steps, per document: sentences; event cues from the lexicon (cues.tsv) with the weapons and targets
// around them; a candidate event per sentence whose best cue survives the context checks (modality, negation,
// generic statements, background nouns, history); the sub-type from the cue, the weapons and the victims;
// candidates and cue-less sentences that refer back ("the attack", "the incident", the toll, a denial) merged
// into one event per incident; then the fields: date (timex against the publication date), place (geoparse),
// actors and claims (actors), fatalities and injuries (casualty), weapons and targets (lexicon), evidence and,
// with Options.Explain, the rule and lexicon entry behind every value.
//
// Costly steps (casualty counts, dates, places, actors) run only on sentences that carry a cue or join an
// event, so text without events passes at the speed of the lexicon scan.
package extract
