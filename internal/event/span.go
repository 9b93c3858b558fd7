package event

// Span is a piece of a document's text: UTF-8 byte offsets, end exclusive, and the text itself.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// SpanOf returns the span [start, end) of text.
func SpanOf(text string, start, end int) Span {
	return Span{Start: start, End: end, Text: text[start:end]}
}

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies within s.
func (s Span) Contains(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }
