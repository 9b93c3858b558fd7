package actors

import (
	"strings"

	"sitrep/internal/event"
	"sitrep/internal/text"
)

// Entities lists the named entities of a document: organisations and armed groups from the lexicon
// (kind organization or group), persons (a known given name followed by capitalised words), and places
// (countries and capitalised names after a locative preposition that the gazetteer knows). Mentions of one
// name are gathered under one entity.
func (f *Finder) Entities(doc event.Document, sents []text.Sentence) []event.Entity {
	var out []event.Entity
	type entityKey struct{ kind, name string }
	index := map[entityKey]int{}
	add := func(kind, name string, sp event.Span) {
		key := entityKey{kind, name}
		i, ok := index[key]
		if !ok {
			i = len(out)
			index[key] = i
			out = append(out, event.Entity{Kind: kind, Name: name})
		}
		out[i].Mentions = append(out[i].Mentions, sp)
	}
	surnames := map[string]bool{}                  // last words of persons already named: "Ellwood" after "Tobias Ellwood"
	known := f.knownPlaces.Get().(map[string]bool) // gazetteer answers by name, for names met again
	defer f.knownPlaces.Put(known)
	for _, s := range sents {
		keys, bits := f.wordsOf(s, "")
		covered := make([]bool, len(s.Tokens))
		if f.lex != nil {
			for _, m := range f.lex.Find(s.Text, s.Start, catState, catGroups, catOrgs, catWeapon) {
				if inCompound(s, m) {
					continue
				}
				kind := event.EntityOrganization
				switch m.Entry.Category {
				case catGroups:
					kind = event.EntityGroup
				case catWeapon:
					kind = event.EntityWeapon
				}
				markCovered(s.Tokens, covered, m.Start, m.End)
				add(kind, m.Entry.Name, event.Span{Start: m.Start, End: m.End, Text: m.Text})
			}
		}
		for i := 0; i < len(s.Tokens); i++ {
			if covered[i] || bits[i]&(wCap|wTitle) == 0 || bits[i]&wArticle != 0 { // not a capitalised word or title, or an article
				continue
			}
			kind, end := f.entityAt(s, keys, bits, covered, i, known)
			if k2, e2 := f.namedAt(s, keys, bits, covered, i, surnames); e2 > end {
				kind, end = k2, e2 // "Sudan Revolutionary Front" is one name, not a place and a name
			}
			if end > i {
				sp := event.Span{Start: s.Tokens[i].Start, End: s.Tokens[end-1].End}
				sp.Text = doc.Text[sp.Start:sp.End]
				add(kind, sp.Text, sp)
				if kind == event.EntityPerson && end-i > 1 {
					surnames[keys[end-1]] = true
				}
				i = end - 1
			}
		}
	}
	return out
}

// entityAt reads a person or place name at token i and returns its kind and end token (end <= i: none).
// known memoises the gazetteer's answers within one document.
func (f *Finder) entityAt(s text.Sentence, keys []string, bits []wordBits, covered []bool, i int, known map[string]bool) (string, int) {
	toks := s.Tokens
	if f.isFirstName(toks[i], bits[i]) {
		j := i + 1
		for j < len(toks) && !covered[j] && (bits[j]&wCap != 0 || nameParticle(keys, j)) {
			j++
		}
		if j > i+1 && bits[j-1]&wCap != 0 {
			return event.EntityPerson, j
		}
	}
	if pl, end, ok := f.places.match(keys, bits, i, pkCountry, pkCapital); ok && free(covered, i, end) && pl.country != "" {
		return event.EntityPlace, end
	}
	if i > 0 && bits[i-1]&wLocative != 0 && f.gaz != nil {
		j := i + 1
		for j < len(toks) && j-i < 4 && !covered[j] && (bits[j]&wCap != 0 || nameParticle(keys, j)) {
			j++
		}
		for ; j > i; j-- {
			if bits[j-1]&wCap != 0 && f.isPlace(known, s.Text[toks[i].Start-s.Start:toks[j-1].End-s.Start]) {
				return event.EntityPlace, j
			}
		}
	}
	return "", i
}

// isFirstName reports whether token t, with bits b, is a known given name (Lexicon.IsFirstName).
func (f *Finder) isFirstName(t text.Token, b wordBits) bool {
	if f.lex == nil {
		return false
	}
	if isAlnum(t.Text) { // its key is the lexicon's: the vocabulary knows
		return b&wFirstName != 0
	}
	return f.lex.IsFirstName(t.Text)
}

// isPlace reports whether the gazetteer knows name, asking it once per name while memo holds the answer
// (memo is one of f.knownPlaces: it lasts across documents and is emptied when it holds maxKnownPlaces
// names).
func (f *Finder) isPlace(memo map[string]bool, name string) bool {
	ok, seen := memo[name]
	if !seen {
		ok = f.gaz.Has(name)
		if len(memo) >= maxKnownPlaces {
			clear(memo)
		}
		memo[strings.Clone(name)] = ok // not a slice of the document, which the memo would keep alive
	}
	return ok
}

// maxKnownPlaces bounds a memo of isPlace.
const maxKnownPlaces = 4096

// nameParticle reports whether token j joins the parts of a name: "al-Abadi", "bin", "de".
func nameParticle(keys []string, j int) bool {
	if j+1 >= len(keys) {
		return false
	}
	switch keys[j] {
	case "-", "al", "el", "bin", "ibn", "abu", "de", "van", "von", "da", "del", "ben":
		return true
	}
	return false
}

// articles never start a name ("The Sudan Revolutionary Front" names "Sudan Revolutionary Front").
var articles = map[string]bool{"the": true, "a": true, "an": true, "this": true, "these": true}
