// Package lexicon holds sitrep's domain knowledge as data: tab-separated lexicons of actors, organisations,
// weapons, targets, event cues and claim verbs, one category per file stem, plus a list of given names. The
// files in data/ are embedded; users add or override entries with files of their own (Load). A token trie finds
// every name and alias in a text, leftmost-longest, with byte offsets into the original text (Find).
//
// The file format is described in docs/lexicon.md.
package lexicon
