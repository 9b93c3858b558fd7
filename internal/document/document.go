package document

import (
	"strings"
	"time"

	"sitrep/internal/event"
	"sitrep/internal/fetch"
)

// DefaultMaxBytes limits one document when Options.MaxBytes is 0.
const DefaultMaxBytes = 50 << 20

// Formats accepted by Options.Format.
const (
	FormatAuto  = "auto"
	FormatText  = "text"
	FormatHTML  = "html"
	FormatJSONL = "jsonl"
)

// Options configure Load.
type Options struct {
	Format    string        // auto (or ""), text, html, jsonl
	MaxBytes  int64         // limit of one document; DefaultMaxBytes when 0
	Published *event.Date   // overrides every publication date found in the input
	Fetch     *fetch.Client // the client for URL arguments; a default guarded client when nil
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// FromText makes a Document from plain text; name (a file name, "-") only labels errors. The id is the hash of
// the normalised text.
func FromText(text []byte, name string) (event.Document, error) {
	return FromString(string(text), name)
}

// FromString is FromText for text already in a string: the document's text is text itself, not a copy, unless
// UTF-16 had to be decoded or invalid UTF-8 or CR line ends repaired.
func FromString(text, name string) (event.Document, error) {
	s, err := normalizeString(text)
	if s, err = named(s, err, name); err != nil {
		return event.Document{}, err
	}
	return event.Document{ID: ID("", s), Text: s, Language: DetectLanguage(s)}, nil
}

// parsePublished reads a publication date: "YYYY-MM-DD", or an RFC 3339 / ISO 8601 timestamp whose calendar
// day (in its own offset) is kept.
func parsePublished(s string) (*event.Date, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, true
	}
	if d, err := event.ParseDate(s); err == nil {
		return &d, true
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			d := event.DateOf(t)
			return &d, true
		}
	}
	return nil, false
}
