package lexicon

import (
	"iter"
	"slices"
	"strings"
)

// Lexicon is a set of loaded lexicon files with their matcher. It is read-only once built and safe for
// concurrent use.
type Lexicon struct {
	cats       []Category                       // categories in load order
	entries    map[Category][]*Entry            // rows by category, in load order (overrides in place)
	byKey      map[Category]map[string][]*Entry // folded name or alias -> entries
	root       *node
	filter     *rootFilter         // cheap test of a token before root is asked
	terms      []term              // every pattern in the trie, by id
	firstNames map[string]struct{} // folded given names
}

// builder collects entries, file by file, before the matcher is built.
type builder struct {
	lex    *Lexicon
	byName map[Category]map[string]int // folded name -> index in entries
	seq    int
}

func newBuilder() *builder {
	return &builder{
		lex: &Lexicon{
			entries:    map[Category][]*Entry{},
			byKey:      map[Category]map[string][]*Entry{},
			firstNames: map[string]struct{}{},
		},
		byName: map[Category]map[string]int{},
	}
}

// add appends the rows of one file of category cat; a row naming an existing entry replaces it.
func (b *builder) add(cat Category, rows []*Entry) {
	if _, ok := b.byName[cat]; !ok {
		b.byName[cat] = map[string]int{}
		b.lex.cats = append(b.lex.cats, cat)
	}
	names := b.byName[cat]
	for _, e := range rows {
		b.seq++
		e.seq = b.seq
		k := key(e.Name)
		if i, ok := names[k]; ok {
			b.lex.entries[cat][i] = e
			continue
		}
		names[k] = len(b.lex.entries[cat])
		b.lex.entries[cat] = append(b.lex.entries[cat], e)
	}
}

// addFirstNames adds one given name per line; # starts a comment line.
func (b *builder) addFirstNames(data string) {
	for line := range strings.Lines(data) {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		b.lex.firstNames[key(line)] = struct{}{}
	}
}

// build indexes every entry for Get and Find.
func (b *builder) build() *Lexicon {
	l := b.lex
	l.root = &node{}
	for _, es := range l.entries {
		for _, e := range es {
			e.bit = l.catBit(e.Category) // before the terms are made: each keeps a copy
		}
	}
	for _, cat := range l.cats {
		idx := map[string][]*Entry{}
		for _, e := range l.entries[cat] {
			for i := range e.pats {
				p := &e.pats[i]
				k := strings.Join(p.keys, " ")
				if p.wild {
					k += " *"
				}
				if !slices.Contains(idx[k], e) {
					idx[k] = append(idx[k], e)
				}
				l.root.insert(e, p, &l.terms)
			}
		}
		l.byKey[cat] = idx
	}
	l.root.index(l.catBit)
	l.filter = newRootFilter(l.root)
	return l
}

// catBit is the bit of cat in node masks: its load position, with the 64th and later categories sharing the
// last bit (a shared bit only walks more of the trie; Find still checks the category of each term).
func (l *Lexicon) catBit(cat Category) uint64 {
	i := slices.Index(l.cats, cat)
	switch {
	case i < 0:
		return 0
	case i >= 63:
		return overflowBit
	}
	return 1 << i
}

// overflowBit is the category bit shared by the 64th and later categories.
const overflowBit = 1 << 63

// catMask is the union of the bits of cats, every bit when cats is empty.
func (l *Lexicon) catMask(cats []Category) uint64 {
	if len(cats) == 0 {
		return ^uint64(0)
	}
	var m uint64
	for _, c := range cats {
		m |= l.catBit(c)
	}
	return m
}

// Get returns the entry of cat whose canonical name or alias folds like name (case, diacritics, hyphens and
// typographic quotes ignored), preferring a canonical name; nil when there is none.
func (l *Lexicon) Get(cat Category, name string) *Entry {
	es := l.byKey[cat][key(name)]
	if len(es) == 0 {
		return nil
	}
	k := key(name)
	for _, e := range es {
		if key(e.Name) == k {
			return e
		}
	}
	return es[0]
}

// Entries returns the entries of cat in load order (nil for an unknown category). The slice is shared: do
// not modify it.
func (l *Lexicon) Entries(cat Category) []*Entry { return l.entries[cat] }

// Categories returns the loaded categories in load order.
func (l *Lexicon) Categories() []Category { return slices.Clone(l.cats) }

// IsFirstName reports whether word is a known given name (folded: "josé" matches "José").
func (l *Lexicon) IsFirstName(word string) bool {
	var buf [24]byte
	if k, ok := asciiWordKey(buf[:0], word); ok {
		_, ok = l.firstNames[string(k)]
		return ok
	}
	_, ok := l.firstNames[key(word)]
	return ok
}

// FirstNames yields the folded keys of the known given names (what IsFirstName looks a word up by), in no
// particular order.
func (l *Lexicon) FirstNames() iter.Seq[string] {
	return func(yield func(string) bool) {
		for k := range l.firstNames {
			if !yield(k) {
				return
			}
		}
	}
}

// asciiWordKey appends key(w) to buf when w is one word of ASCII letters and digits (its key is then w in
// lower case); ok is false for anything else.
func asciiWordKey(buf []byte, w string) (k []byte, ok bool) {
	if w == "" {
		return buf, false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
		default:
			return buf, false
		}
		buf = append(buf, c)
	}
	return buf, true
}
