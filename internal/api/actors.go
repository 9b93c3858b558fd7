package api

import (
	"log/slog"
	"strings"
	"sync"

	"sitrep/internal/lexicon"
)

// actorCategories are the lexicon categories an actor filter is resolved through, in order of preference.
var actorCategories = []lexicon.Category{"actors_state", "actors_groups", "organizations"}

// loadLexicon loads the lexicon an actor filter is resolved through when Options.Lexicon is nil (a variable so
// that a test can count the loads).
var loadLexicon = lexicon.Default

// actorLexicon returns lex, or a loader of the embedded lexicon run once on first use (nil, logged, when it
// cannot be loaded: actor filters are then matched as given). Only a request with an actor filter calls it, so
// a server that is never asked for an actor does not parse the lexicon.
func actorLexicon(lex *lexicon.Lexicon, log *slog.Logger) func() *lexicon.Lexicon {
	if lex != nil {
		return func() *lexicon.Lexicon { return lex }
	}
	return sync.OnceValue(func() *lexicon.Lexicon {
		lex, err := loadLexicon()
		if err != nil {
			log.Error("actor filter: no lexicon to resolve aliases", "err", err)
			return nil
		}
		return lex
	})
}

// ActorQuery turns the actor filter q (the actor= parameter, sitrep export --actor) into the text the store
// looks for in actor names. Stored actors carry the lexicon's canonical names, so an alias or abbreviation
// ("RSF", "FARDC", "Vagner") that names a lexicon entry becomes that entry's canonical name ("Rapid Support
// Forces"). q is kept as it is when lex is nil, when it names no entry, or when it is already part of the
// canonical name ("Wagner" in "Wagner Group"), where the substring search finds the canonical name and more.
//
// An alias of entries in more than one category ("SNA": the Somali National Army, a state force, and the
// Syrian National Army, a group) means the entry of country (the country filter's ISO code, "" for none) when
// one of them is of that country, else the entry of the first category in actorCategories.
func ActorQuery(lex *lexicon.Lexicon, q, country string) string {
	t := strings.TrimSpace(q)
	if lex == nil || t == "" {
		return q
	}
	var first *lexicon.Entry
	for _, cat := range actorCategories {
		e := lex.Get(cat, t)
		if e == nil {
			continue
		}
		if first == nil {
			first = e
		}
		if country == "" || strings.EqualFold(e.Attr("country"), country) {
			first = e
			break
		}
	}
	if first == nil {
		return q
	}
	// The store compares lower-cased text, so the same comparison decides.
	if strings.Contains(strings.ToLower(first.Name), strings.ToLower(t)) {
		return q
	}
	return first.Name
}
