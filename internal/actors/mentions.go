package actors

import (
	"slices"
	"strings"

	"sitrep/internal/event"
	"sitrep/internal/lexicon"
	"sitrep/internal/scratch"
	"sitrep/internal/text"
)

// Mentions returns the actor mentions of s, ordered by Start and never overlapping. focus is the ISO2 code
// of the document's main country ("" when unknown); it names the country of "government forces",
// "civilians" and the like when the sentence names none. s's text and tokens must not change while the
// Finder is in use (Mentions, Roles and Claims share the words of a sentence they recognise by the address of
// its text and token slice), so never pass a string made over a reused byte buffer.
func (f *Finder) Mentions(s text.Sentence, focus string) []Mention {
	return f.MentionsLower(s, "", focus)
}

// MentionsLower is Mentions for a caller that holds the sentence's text lower-cased already: lower is s.Text
// with its ASCII upper-case letters lower-cased and every other byte left as it is (the same length), or ""
// when the caller has none. Mentions would otherwise make that copy of the text for the words' keys.
func (f *Finder) MentionsLower(s text.Sentence, lower, focus string) []Mention {
	if len(s.Tokens) == 0 {
		return nil
	}
	keys, bits := f.wordsOf(s, lower)
	var coveredArr [128]bool // on the stack: most sentences have fewer tokens
	covered := coveredArr[:0]
	if len(s.Tokens) <= len(coveredArr) {
		covered = coveredArr[:len(s.Tokens)]
	} else {
		covered = make([]bool, len(s.Tokens))
	}
	sp := mentionScratch.Get()
	out := (*sp)[:0]
	if f.lex != nil {
		for _, m := range f.lex.Find(s.Text, s.Start, catState, catGroups, catOrgs) {
			if inCompound(s, m) {
				continue
			}
			mt := f.lexMention(s, keys, m, focus)
			markCovered(s.Tokens, covered, mt.Start, mt.End)
			if associate(s.Tokens, keys, mt.Start, mt.End) {
				continue // "the al Qaeda-linked al Shabaab", "a group loyal to the Islamic State"
			}
			out = append(out, mt)
		}
	}
	for i := 0; i < len(s.Tokens); i++ {
		if covered[i] {
			continue
		}
		if m, end, ok := f.ruleAt(s, keys, bits, covered, i, focus); ok {
			markCovered(s.Tokens, covered, m.Start, m.End)
			if !associate(s.Tokens, keys, m.Start, m.End) { // not "militiamen backed by the army"
				out = append(out, m)
			}
			i = end - 1
		}
	}
	slices.SortFunc(out, func(a, b Mention) int { return a.Start - b.Start })
	var res []Mention // nil when none, as before
	if len(out) > 0 {
		res = make([]Mention, len(out))
		copy(res, out)
	}
	mentionScratch.Put(sp, out)
	return res
}

// mentionScratch recycles the slices MentionsLower collects a sentence's mentions in before it copies them into
// one of their number: grown by doubling, a sentence's slice of mentions left about as many unused as used.
var mentionScratch = scratch.New[Mention](maxScratchMentions)

const maxScratchMentions = 256

// markCovered marks the tokens inside [start, end).
func markCovered(toks []text.Token, covered []bool, start, end int) {
	for i := tokenAt(toks, start); i < len(toks) && toks[i].End <= end; i++ {
		covered[i] = true
	}
}

// free reports whether no token in [i, j) is covered.
func free(covered []bool, i, j int) bool {
	for k := i; k < j && k < len(covered); k++ {
		if covered[k] {
			return false
		}
	}
	return true
}

// lexMention turns a lexicon match into a mention, taking in a following member noun ("Houthi rebels") or
// body ("the ELN rebel group"), which would otherwise read as a second, generic party.
func (f *Finder) lexMention(s text.Sentence, keys []string, m lexicon.Match, focus string) Mention {
	e := m.Entry
	end := m.End
	if j := tokenAt(s.Tokens, m.End); j < len(s.Tokens) && e.Category != catOrgs {
		switch {
		case groupMembers[keys[j]] || groupBodies[keys[j]]: // "Houthi rebels", "the Islamic State group"
			end = s.Tokens[j].End
		case j+1 < len(s.Tokens) && groupKinds[keys[j]] && groupBodies[keys[j+1]]: // "the ELN rebel group"
			end = s.Tokens[j+1].End
		}
	}
	country := e.Attr("country")
	if country == "" && e.Category == catGroups {
		country = focus
	}
	kind := e.Attr("kind")
	if kind == "" {
		kind = event.KindUnknown
	}
	rule := "lexicon"
	for _, old := range e.List("formerly") {
		if text.Fold(old) == text.Fold(m.Alias) {
			rule = "lexicon-formerly"
		}
	}
	mt := f.mention(s, m.Start, end, e.Name, kind, country, rule)
	mt.Entry = e
	mt.Metonym = e.Category == catOrgs && e.Attr("role") == "government" && isSeat(e.Name)
	return mt
}

// isSeat reports whether an organisation's name is a building or street standing for a government.
func isSeat(name string) bool {
	for _, w := range []string{"Kremlin", "White House", "Palace", "Downing Street", "Elysee"} {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// mention builds a mention over [start, end) of the document.
func (f *Finder) mention(s text.Sentence, start, end int, name, kind, country, rule string) Mention {
	sp := event.Span{Start: start, End: end, Text: s.Text[start-s.Start : end-s.Start]}
	return Mention{Start: start, End: end, Text: sp.Text, Rule: rule,
		Actor: event.Actor{Name: name, Kind: kind, Country: country, Span: &sp}}
}

// inCompound reports a short capitalised match that is part of a hyphenated name ("AU" in
// "PORT-AU-PRINCE"): not a mention of the acronym.
func inCompound(s text.Sentence, m lexicon.Match) bool {
	if m.End-m.Start > 5 || strings.ToUpper(m.Text) != m.Text {
		return false
	}
	i, j := m.Start-s.Start, m.End-s.Start
	return i > 0 && s.Text[i-1] == '-' || j < len(s.Text) && s.Text[j] == '-'
}

// associate reports a named party that the sentence gives as the associate of another, not as a party to
// what it tells: "the al Qaeda-linked al Shabaab", "an IS-affiliated group", "JNIM, the al Qaeda affiliate",
// "al Qaeda's branch", "a militia loyal to the Islamic State", "fighters affiliated with ISIS", "an
// affiliate of al Qaeda". The name is kept out of the mentions so that neither roles nor claims read it.
func associate(toks []text.Token, keys []string, start, end int) bool {
	i, j := tokenAt(toks, start), tokenAt(toks, end)
	at := func(k int) string {
		if k < 0 || k >= len(keys) {
			return ""
		}
		return keys[k]
	}
	if at(j) == "-" && associateAdjectives[at(j+1)] {
		return !deedNouns[at(j+2)] // not "Boko Haram-linked attacks": the deed is the party's own
	}
	if associateNouns[at(j)] || at(j) == "'s" && associateNouns[at(j+1)] {
		return true
	}
	k := i - 1
	if at(k) == "the" || at(k) == "an" || at(k) == "a" {
		k--
	}
	if !associatePreps[at(k)] {
		return false
	}
	if deedNouns[at(k-2)] || deedNouns[at(k-1)] {
		return false // "attacks linked to Boko Haram", "violence tied to ISWAP": the deed is the party's own
	}
	return associateAdjectives[at(k-1)] || associateNouns[at(k-1)] || at(k) == "to" && at(k-1) == "allegiance"
}

// deedNouns are deeds a party is tied to ("attacks linked to"): the party did them.
var deedNouns = map[string]bool{
	"attack": true, "attacks": true, "bombing": true, "bombings": true, "killing": true, "killings": true,
	"violence": true, "incident": true, "incidents": true, "blast": true, "blasts": true, "explosion": true,
	"explosions": true, "raid": true, "raids": true, "kidnapping": true, "kidnappings": true, "abduction": true,
	"abductions": true, "shooting": true, "shootings": true, "ambush": true, "ambushes": true, "assault": true,
	"assaults": true, "massacre": true, "massacres": true, "plot": true, "plots": true, "operations": true,
	"operation": true, "insurgency": true, "unrest": true, "clashes": true, "fighting": true, "deaths": true,
	"strike": true, "strikes": true, "violations": true, "crimes": true, "atrocities": true, "offensive": true,
	"offensives": true, "counteroffensive": true, "campaign": true, "push": true, "advance": true,
}

// associateAdjectives tie a party to another: "-linked", "affiliated with", "loyal to".
var associateAdjectives = map[string]bool{
	"linked": true, "affiliated": true, "allied": true, "aligned": true, "backed": true, "inspired": true,
	"loyal": true, "supported": true, "sponsored": true, "funded": true, "connected": true, "tied": true,
}

// associateNouns name a party's associate: "the al Qaeda affiliate", "an ally of Hezbollah".
var associateNouns = map[string]bool{
	"affiliate": true, "affiliates": true, "franchise": true, "offshoot": true, "offshoots": true, "ally": true,
	"allies": true, "proxy": true, "proxies": true, "splinter": true,
}

// associatePreps follow an associate word before the party it names ("linked to", "backed by", "ally of").
var associatePreps = map[string]bool{"to": true, "with": true, "by": true, "of": true}
