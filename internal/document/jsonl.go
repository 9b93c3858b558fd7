package document

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"sitrep/internal/event"
)

// record is one JSON Lines input line. Unknown fields are ignored.
type record struct {
	ID        string `json:"id"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
	Published string `json:"published"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Publisher string `json:"publisher"`
	Source    string `json:"source"` // another name for the outlet, as many news datasets call it
	Language  string `json:"language"`
}

// jsonlReader reads records one line at a time, each line limited to limit bytes.
type jsonlReader struct {
	r     *bufio.Reader
	limit int64
	line  int
	buf   []byte
}

// next returns the next record's document, skipping blank lines.
func (j *jsonlReader) next(ctx context.Context) (event.Document, error) {
	for {
		line, err := j.readLine()
		if err != nil {
			return event.Document{}, err
		}
		if j.line == 1 {
			line = bytes.TrimPrefix(line, []byte(utf8BOM)) // a byte order mark, which sniffing skips too
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		doc, err := ParseLine(ctx, line)
		if err != nil {
			return event.Document{}, &LineError{Line: j.line, Err: err}
		}
		return doc, nil
	}
}

// readLine returns the next line without its end. A line over the limit is skipped to its end and reported as a
// *LineError; the buffer is reused, so memory stays at the longest accepted line.
func (j *jsonlReader) readLine() ([]byte, error) {
	j.line++
	j.buf = j.buf[:0]
	tooLong := false
	for {
		chunk, err := j.r.ReadSlice('\n')
		if !tooLong {
			if int64(len(j.buf)+len(chunk)) > j.limit+1 {
				tooLong, j.buf = true, j.buf[:0]
			} else {
				j.buf = append(j.buf, chunk...)
			}
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF && len(j.buf) == 0 && !tooLong:
			return nil, io.EOF
		case err != nil && err != io.EOF:
			return nil, fmt.Errorf("line %d: %w", j.line, err)
		}
		break
	}
	if cap(j.buf) > 4<<20 && !tooLong {
		defer func() { j.buf = nil }() // do not keep a huge buffer after one huge line
	}
	if tooLong {
		return nil, &LineError{Line: j.line, Err: tooLarge("the line", j.limit)}
	}
	return trimEOL(j.buf), nil
}

// trimEOL drops a final "\n" or "\r\n".
func trimEOL(b []byte) []byte {
	if n := len(b); n > 0 && b[n-1] == '\n' {
		b = b[:n-1]
	}
	if n := len(b); n > 0 && b[n-1] == '\r' {
		b = b[:n-1]
	}
	return b
}

// ParseLine makes a Document from one JSON Lines record {"id","text"|"html","published","url","title"}. Errors
// wrap ErrInvalidLine (bad JSON, no text, a bad date), or come from FromText/FromHTML (ErrBinary, ErrEmpty,
// ErrNoArticle).
func ParseLine(ctx context.Context, line []byte) (event.Document, error) {
	var rec record
	if !parseRecord(line, &rec) {
		rec = record{}
		if err := json.Unmarshal(line, &rec); err != nil {
			return event.Document{}, fmt.Errorf("%w: %v", ErrInvalidLine, err)
		}
	}
	published, ok := parsePublished(rec.Published)
	if !ok {
		return event.Document{}, fmt.Errorf("%w: published %q: want YYYY-MM-DD or an RFC 3339 time", ErrInvalidLine,
			rec.Published)
	}
	doc, err := recordDocument(ctx, rec)
	if err != nil {
		return event.Document{}, err
	}
	if published != nil {
		doc.Published = published
	}
	if rec.ID != "" {
		doc.ID = rec.ID
	}
	return doc, nil
}

// recordDocument converts the text or HTML of rec, with its metadata over what the HTML says.
func recordDocument(ctx context.Context, rec record) (event.Document, error) {
	var doc event.Document
	var err error
	switch {
	case strings.TrimSpace(rec.Text) != "":
		var s string
		if s, err = normalizeString(rec.Text); err == nil {
			doc = event.Document{ID: ID(rec.URL, s), Text: s, Language: DetectLanguage(s)}
		}
	case strings.TrimSpace(rec.HTML) != "":
		doc, err = FromHTML(ctx, []byte(rec.HTML), rec.URL)
	default:
		return doc, fmt.Errorf("%w: no \"text\" or \"html\"", ErrInvalidLine)
	}
	if err != nil {
		return doc, err
	}
	doc.URL = firstNonEmpty(rec.URL, doc.URL)
	doc.Title = firstNonEmpty(rec.Title, doc.Title)
	doc.Publisher = firstNonEmpty(rec.Publisher, firstNonEmpty(rec.Source, doc.Publisher))
	doc.Language = firstNonEmpty(rec.Language, doc.Language)
	return doc, nil
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
