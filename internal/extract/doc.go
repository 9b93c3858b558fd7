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
// Actors follow ACLED's conventions. actor1 is who acted, from the cue sentences, else a claim of
// responsibility ("claimed the attack", "said it was behind", "claimed by"), an accusation ("blamed", "X was
// behind", "accused"), the owner of the aircraft another sentence names ("the jets were Russian") or the state's
// forces that deny the strike; a speaker that tells of its own act ("the air force said it shot down") is
// actor1 too. An armed incident no one is named for (an air or drone strike, a bomb, a suicide or grenade
// attack, killings, a kidnapping, sexual violence, an attack on soldiers) gets "Unidentified Armed Group
// (Country)", the country struck, as internal/actors names gunmen; shelling and chemical attacks do not. People
// acted upon whom the text names only as persons ("arrested two men", "killed 11 members of one family") are
// "Civilians (Country)", unless described as a force's or a group's men.
//
// Costly steps (casualty counts, dates, places, actors) run only on sentences that carry a cue or join an
// event, so text without events passes at the speed of the lexicon scan.
package extract
