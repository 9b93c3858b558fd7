package extract

import (
	"iter"
	"strings"
	"unicode/utf8"

	"sitrep/internal/event"
	"sitrep/internal/text"
)

// windowBytes is the size of the windows a long document is read in: far above a news article (a few KiB to a
// few tens of KiB), so that articles are read whole, and small enough that the state of one window (tokens,
// matches, place names) stays a few tens of MB whatever the size of the document.
const windowBytes = 256 << 10

// windowSize is the engine's window size in bytes.
func (e *Engine) windowSize() int {
	if e.window > 0 {
		return e.window
	}
	return windowBytes
}

// windows cuts text into [start, end) windows of at most size bytes that cover it: a text up to size bytes is
// one window. Each cut falls in the second half of the window: after its last paragraph break, else at the start
// of its last sentence, else after its last space, else at a rune boundary.
func windows(s string, size int) [][2]int {
	if len(s) <= size {
		return [][2]int{{0, len(s)}}
	}
	var out [][2]int
	for lo := 0; lo < len(s); {
		hi := len(s)
		if len(s)-lo > size {
			hi = cut(s, lo, lo+size)
		}
		out = append(out, [2]int{lo, hi})
		lo = hi
	}
	return out
}

// cut returns where the window [lo, hi) of s ends, lo < result <= hi.
func cut(s string, lo, hi int) int {
	mid := lo + (hi-lo)/2
	region := s[mid:hi]
	if i := strings.LastIndex(region, "\n\n"); i >= 0 {
		return mid + i + 2
	}
	if b := text.SentenceBounds(region); len(b) > 1 {
		return mid + b[len(b)-1][0]
	}
	if i := strings.LastIndexAny(region, " \t\n"); i >= 0 {
		return mid + i + 1
	}
	for hi > lo+1 && !utf8.RuneStart(s[hi]) {
		hi--
	}
	return hi
}

// Entities are the entities of a document: one per kind and name, in the order of first mention, with the
// mentions of every window in text order. They are kept compact (a mention is two offsets into the text) and
// made into event.Entity values one at a time, as they are asked for, so that the entities of a long document
// cost a fraction of their spans.
type Entities struct {
	text  string
	plain []event.Entity // a one-window document's entities, as the finder gave them (list is empty)
	list  []entityMentions
	index map[string]int // kind NUL name -> position in list
}

// entityMentions is one entity and the [start, end) of each of its mentions.
type entityMentions struct {
	kind, name string
	at         [][2]int
}

// add merges the entities of the next window.
func (m *Entities) add(ents []event.Entity) {
	if m.index == nil {
		m.index = map[string]int{}
	}
	for _, e := range ents {
		key := e.Kind + "\x00" + e.Name
		i, ok := m.index[key]
		if !ok {
			i = len(m.list)
			m.index[key] = i
			m.list = append(m.list, entityMentions{kind: e.Kind, name: e.Name, at: make([][2]int, 0, len(e.Mentions))})
		}
		for _, sp := range e.Mentions {
			m.list[i].at = append(m.list[i].at, [2]int{sp.Start, sp.End})
		}
	}
}

// Len is the number of entities.
func (m *Entities) Len() int {
	if m == nil {
		return 0
	}
	return len(m.plain) + len(m.list)
}

// All yields each entity in turn, its mentions' spans cut from the document's text.
func (m *Entities) All() iter.Seq[event.Entity] {
	return func(yield func(event.Entity) bool) {
		for i := range m.Len() {
			if !yield(m.entity(i)) {
				return
			}
		}
	}
}

// List returns the entities (nil when there are none).
func (m *Entities) List() []event.Entity {
	if m.Len() == 0 {
		return nil
	}
	if m.plain != nil {
		return m.plain
	}
	out := make([]event.Entity, m.Len())
	for i := range out {
		out[i] = m.entity(i)
	}
	return out
}

// entity makes entity i.
func (m *Entities) entity(i int) event.Entity {
	if m.plain != nil {
		return m.plain[i]
	}
	e := m.list[i]
	ent := event.Entity{Kind: e.kind, Name: e.name, Mentions: make([]event.Span, len(e.at))}
	for j, at := range e.at {
		ent.Mentions[j] = event.SpanOf(m.text, at[0], at[1])
	}
	return ent
}
