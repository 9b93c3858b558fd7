package lexicon

import (
	"iter"
	"strings"
)

// Category names a family of entries: the stem of the file they come from ("actors_groups", "weapons").
type Category string

// Entry is one row of a lexicon file.
type Entry struct {
	Category Category
	Name     string            // canonical name (the `name` column)
	Aliases  []string          // the `aliases` column split on |
	Attrs    map[string]string // every other column by header name (non-empty cells only)
	Source   string            // file and line the row came from, "actors_groups.tsv:42"

	seq  int       // load order, for stable preference between entries sharing an alias
	bit  uint64    // the category's bit in node masks (Lexicon.catBit)
	pats []pattern // name, aliases and former names compiled for matching
}

// matched yields the column and value of every string of e that is matched in text: the name, the aliases,
// and the values of the other matched columns (formerly).
func (e *Entry) matched() iter.Seq2[string, string] {
	return func(yield func(string, string) bool) {
		if !yield("name", e.Name) {
			return
		}
		for _, a := range e.Aliases {
			if !yield("aliases", a) {
				return
			}
		}
		for _, col := range matchedColumns[1:] {
			for _, v := range e.List(col) {
				if !yield(col, v) {
					return
				}
			}
		}
	}
}

// Attr returns the attribute key of e, "" when absent.
func (e *Entry) Attr(key string) string { return e.Attrs[key] }

// List returns the attribute key of e split on |, with blanks trimmed and empty values dropped.
func (e *Entry) List(key string) []string { return splitMulti(e.Attrs[key]) }

// splitMulti splits a multi-valued cell on |.
func splitMulti(cell string) []string {
	if cell == "" {
		return nil
	}
	var out []string
	for v := range strings.SplitSeq(cell, "|") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}
