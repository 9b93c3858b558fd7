package document

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"

	"sitrep/internal/event"
)

// Source yields the documents of one input. Text and HTML inputs hold one document; JSON Lines inputs are read
// line by line as Next is called, so a stream of any length never sits in memory. A Source is not safe for
// concurrent use.
type Source struct {
	name      string
	published *event.Date
	// single converts a one-document input; nil once used.
	single func(ctx context.Context) (event.Document, error)
	// lines is the JSON Lines stream; nil for one-document inputs.
	lines   *jsonlReader
	closer  io.Closer
	records int // records and line errors seen, to report an empty stream
}

// Name is what the source reads: a file name, a URL or "-".
func (s *Source) Name() string { return s.name }

// Next returns the next document, io.EOF after the last one. A problem with one JSON Lines record is a
// *LineError; the caller may log it and call Next again for the following line. Any other error ends the source.
func (s *Source) Next(ctx context.Context) (event.Document, error) {
	if err := ctx.Err(); err != nil {
		return event.Document{}, err
	}
	var doc event.Document
	var err error
	switch {
	case s.single != nil:
		f := s.single
		s.single = nil
		doc, err = f(ctx)
	case s.lines != nil:
		doc, err = s.lines.next(ctx)
		if err == io.EOF && s.records == 0 {
			s.records = -1 // report empty once, then io.EOF
			return doc, fmt.Errorf("%s: %w: no JSON Lines record", s.name, ErrEmpty)
		}
	default:
		return event.Document{}, io.EOF
	}
	var le *LineError
	if errors.As(err, &le) {
		s.records++
	}
	if err != nil {
		return event.Document{}, err
	}
	s.records++
	if s.published != nil {
		d := *s.published
		doc.Published = &d
	}
	return doc, nil
}

// Stream reports whether the source is a JSON Lines stream of documents rather than one article.
func (s *Source) Stream() bool { return s.lines != nil }

// Close releases the underlying file, if any.
func (s *Source) Close() error {
	if s.closer == nil {
		return nil
	}
	c := s.closer
	s.closer = nil
	return c.Close()
}

// newLineSource streams JSON Lines from r.
func newLineSource(name string, r io.Reader, closer io.Closer, opts Options) *Source {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(r, 64<<10)
	}
	return &Source{name: name, published: opts.Published, closer: closer,
		lines: &jsonlReader{r: br, limit: opts.maxBytes()}}
}

// newSingleSource holds one document made by f.
func newSingleSource(name string, closer io.Closer, opts Options, f func(context.Context) (event.Document, error)) *Source {
	return &Source{name: name, published: opts.Published, closer: closer, single: f}
}
