// Package geoparse finds place names in text and resolves them to gazetteer places.
//
// Recognition takes runs of capitalised tokens (and Arabic "al-"/"el-" names) that the gazetteer knows, with
// filters for person names, organisations and sentence-initial common words. Resolution scores every
// candidate place with evidence: a population and feature-class prior, the document's country focus, the
// closeness to the other places of the document, and hints written next to the name ("the northern city of X",
// "the Syrian port of X", "X, Texas"); a name followed by a division word ("Sagaing region", "Idlib
// governorate") reads as the division. In a document centred on one country, a small town abroad that nothing
// else in the document points at is not taken for a name of it: the name is placed by its neighbours, or at
// the division or country the document centres on; so is a place the name matches only as a transliteration
// variant ("Konna" for Konya) or another name of a foreign city ("Boni" for Bonn). A name owned by a place
// ("Sagaing region's Kani township", "the Hodan district of Mogadishu") is read inside it; "X district" and
// "X township" read as the seat town X at precision near, not as a first-order division X. Each Toponym
// carries the name of the rule that chose it, for --explain.
//
// Metonyms ("Moscow denies", "the Kremlin said") are reported with Locational false; demonyms ("Syrian") are
// adjectives of nationality, not place names, and are not reported.
package geoparse
