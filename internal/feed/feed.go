package feed

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"

	"golang.org/x/net/html/charset"
)

// Item is one entry of a feed.
type Item struct {
	ID        string    // guid, Atom id or JSON Feed id; "" when the feed gives none
	URL       string    // the article's link as the feed gives it (may be relative)
	Title     string    // plain text
	Content   string    // the fullest body the feed carries (content:encoded, Atom content, content_html...), often HTML
	Published time.Time // zero when absent or unreadable
}

// Feed is a parsed feed.
type Feed struct {
	Title string
	Items []Item
}

// formatError is the type of ErrFormat: its Reason groups feed failures in summaries (pipeline.Reasoner).
type formatError string

func (e formatError) Error() string  { return string(e) }
func (e formatError) Reason() string { return "malformed feed" }

// ErrFormat is returned by Parse for data that is not a feed it can read, or a feed too broken to parse.
var ErrFormat error = formatError("not a readable RSS, Atom or JSON feed")

// Parse reads an RSS 2.0, RSS 1.0 (RDF), Atom 1.0 or JSON Feed document. XML in another encoding than UTF-8 is
// decoded by its declaration; HTML entities common in real feeds are accepted.
func Parse(data []byte) (Feed, error) {
	data = bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")), " \t\r\n")
	switch {
	case len(data) == 0:
		return Feed{}, fmt.Errorf("%w: empty", ErrFormat)
	case data[0] == '{':
		return parseJSON(data)
	case data[0] == '<':
		return parseXML(data)
	}
	return Feed{}, fmt.Errorf("%w: starts with neither < nor {", ErrFormat)
}

// parseXML finds the root element and decodes the feed it names.
func parseXML(data []byte) (Feed, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	d.CharsetReader = func(label string, r io.Reader) (io.Reader, error) { return charset.NewReaderLabel(label, r) }
	for {
		tok, err := d.Token()
		if err != nil {
			return Feed{}, fmt.Errorf("%w: no root element: %v", ErrFormat, err)
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch strings.ToLower(start.Name.Local) {
		case "rss":
			return decodeRSS(d, start)
		case "rdf":
			return decodeRDF(d, start)
		case "feed":
			return decodeAtom(d, start)
		}
		return Feed{}, fmt.Errorf("%w: root element <%s>", ErrFormat, start.Name.Local)
	}
}

// Detect reports whether a fetched body is a feed rather than a page, from its media type and its first bytes.
func Detect(mediaType string, body []byte) bool {
	switch mediaType {
	case "application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml":
		return true
	case "text/html", "application/xhtml+xml", "text/plain":
		return false
	}
	head := bytes.TrimLeft(bytes.TrimPrefix(body, []byte("\xEF\xBB\xBF")), " \t\r\n")
	head = head[:min(len(head), 1024)]
	if bytes.HasPrefix(head, []byte("{")) {
		return bytes.Contains(head, []byte("jsonfeed.org/version"))
	}
	lower := bytes.ToLower(head)
	return bytes.Contains(lower, []byte("<rss")) || bytes.Contains(lower, []byte("<feed")) ||
		bytes.Contains(lower, []byte("<rdf:rdf"))
}
