package actors

import (
	"strings"
	"sync"

	"sitrep/internal/event"
	"sitrep/internal/gazetteer"
	"sitrep/internal/lexicon"
)

// Lexicon categories the finder reads.
const (
	catState  lexicon.Category = "actors_state"
	catGroups lexicon.Category = "actors_groups"
	catOrgs   lexicon.Category = "organizations"
	catClaims lexicon.Category = "claim_verbs"
	catWeapon lexicon.Category = "weapons"
)

// Mention is one actor mention in a sentence.
type Mention struct {
	Start, End int    // UTF-8 byte offsets in the document
	Text       string // the mention as written
	// Actor carries the canonical name (ACLED style), kind, country and span; Role and Attribution are empty.
	Actor event.Actor
	// Entry is the lexicon row behind the mention; nil for rule-built actors (demonym + force noun, victims...).
	Entry *lexicon.Entry
	// Rule names the rule that found the mention (for --explain), e.g. "lexicon", "demonym-force".
	Rule string
	// Metonym is true when a capital, a country name or a seat of government stands for its government
	// ("Moscow denies", "the Kremlin said").
	Metonym bool
}

// Finder finds actor mentions, roles, claims and entities. It is read-only after New and safe for concurrent
// use.
type Finder struct {
	lex    *lexicon.Lexicon
	gaz    *gazetteer.Gazetteer
	places placeIndex              // country names, capitals and demonyms by folded first word
	forces map[string]stateEntries // ISO2 -> military and police rows
	verbs  map[string]bool         // single-word claim verbs, folded
	vocab  wordVocab               // the bits of the keys that have any
	// knownPlaces recycles the memos of isPlace (map[string]bool), the gazetteer's answers by name: news
	// names the same places in document after document.
	knownPlaces sync.Pool
}

// stateEntries are a country's state-force lexicon rows.
type stateEntries struct {
	military, police *lexicon.Entry
}

// New returns a Finder over a lexicon and a gazetteer; either may be nil (the rules that need it are then
// skipped).
func New(lex *lexicon.Lexicon, gaz *gazetteer.Gazetteer) *Finder {
	f := &Finder{lex: lex, gaz: gaz, forces: map[string]stateEntries{}, verbs: map[string]bool{}}
	f.knownPlaces.New = func() any { return map[string]bool{} }
	f.places = buildPlaceIndex(gaz, lex)
	if lex == nil {
		f.vocab = buildVocab(f.places, nil)
		return f
	}
	f.vocab = buildVocab(f.places, lex.FirstNames())
	for _, e := range lex.Entries(catState) {
		c := e.Attr("country")
		se := f.forces[c]
		switch {
		case hasPrefixFold(e.Name, "Military Forces of") && f.national(se.military, e, c):
			se.military = e
		case hasPrefixFold(e.Name, "Police Forces of") && f.national(se.police, e, c):
			se.police = e
		}
		f.forces[c] = se
	}
	for _, e := range lex.Entries(catClaims) {
		if e.Attr("claimant") == "mod" {
			continue
		}
		for _, form := range append([]string{e.Name}, e.Aliases...) {
			if !containsByte(form, ' ') {
				f.verbs[lowerASCII(form)] = true
			}
		}
	}
	return f
}

// national reports whether row e should stand for country c's forces instead of old: a country may have
// regional forces too ("Military Forces of Puntland" is in SO), and the row naming the country wins.
func (f *Finder) national(old, e *lexicon.Entry, c string) bool {
	if old == nil {
		return true
	}
	n := f.countryName(c)
	return n != "" && strings.Contains(e.Name, n) && !strings.Contains(old.Name, n)
}
