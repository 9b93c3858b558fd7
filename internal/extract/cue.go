package extract

import (
	"strings"

	"sitrep/internal/event"
	"sitrep/internal/lexicon"
)

// Lexicon categories the engine reads.
const (
	catCues    lexicon.Category = "cues"
	catWeapons lexicon.Category = "weapons"
	catTargets lexicon.Category = "targets"
)

// Cue classes of cues.tsv that are resolved from context, and the word classes that never start an event.
const (
	classViolence  = "violence"
	classExplosion = "explosion"
	classStrike    = "strike"
	classProtest   = "protest"
	classForce     = "force"
	classTerritory = "territory"
	classAnaphor   = "anaphor"
	classBack      = "background"
	classNonConf   = "nonconflict"
	classCrowd     = "crowd"
	classDecree    = "decree"
	modPrefix      = "mod:"
)

// cueInfo is one row of cues.tsv as the engine reads it.
type cueInfo struct {
	class  string // a sub-event type or one of the classes above
	noun   bool   // pos noun: "the attack" refers back
	strong bool
	needs  string // what must also be in the sentence (force, territory, decree...: cues.tsv), or ""
}

// trigger reports whether the cue can start an event.
func (c *cueInfo) trigger() bool {
	switch c.class {
	case classForce, classTerritory, classAnaphor, classBack, classNonConf, classCrowd, classDecree:
		return false
	}
	return !strings.HasPrefix(c.class, modPrefix)
}

// forceLike reports armed people, aircraft or artillery: what needs=force asks for.
func (c *cueInfo) forceLike() bool {
	return c.class == classForce || c.class == "mod:air" || c.class == "mod:fire"
}

// literal reports whether the cue names an ACLED sub-type itself.
func (c *cueInfo) literal() bool {
	_, ok := event.TypeOf(c.class)
	return ok
}

// cueTable maps each cues.tsv entry to its reading.
type cueTable map[*lexicon.Entry]*cueInfo

// readCues reads the cue entries of lex; rows with an unknown class are skipped and returned as names.
func readCues(lex *lexicon.Lexicon) (cueTable, []string) {
	t := cueTable{}
	var bad []string
	for _, e := range lex.Entries(catCues) {
		c := &cueInfo{
			class:  e.Attr("sub_event_type"),
			noun:   e.Attr("pos") == "noun",
			strong: e.Attr("strength") == "strong",
			needs:  e.Attr("needs"),
		}
		if !knownClass(c.class) {
			bad = append(bad, e.Source)
			continue
		}
		t[e] = c
	}
	return t, bad
}

// knownClass reports whether class is a sub-event type or a class the engine knows.
func knownClass(class string) bool {
	if _, ok := event.TypeOf(class); ok {
		return true
	}
	switch class {
	case classViolence, classExplosion, classStrike, classProtest, classForce, classTerritory, classAnaphor,
		classBack, classNonConf, classCrowd, classDecree, "mod:intervention", "mod:excessive", "mod:violent", "mod:suicide", "mod:air", "mod:fire":
		return true
	}
	return false
}
