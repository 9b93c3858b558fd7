package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"sitrep/internal/geoparse"
)

// geoDoc is one jsonl input line.
type geoDoc struct {
	ID   json.RawMessage `json:"id"`
	Text *string         `json:"text"`
	line int
	err  error
}

// geoparseStream parses jsonl documents in parallel and writes their results in input order.
func geoparseStream(ctx context.Context, e *env, in io.Reader, p *geoparse.Parser, w *bufio.Writer,
	o geoparseOpts, workers int) error {
	r := bufio.NewReaderSize(in, 1<<20)
	line, bad := 0, 0
	next := func() (geoDoc, bool, error) {
		for {
			raw, err := readLine(r)
			if err == io.EOF && len(raw) == 0 {
				return geoDoc{}, false, nil
			}
			line++
			if err != nil && err != io.EOF {
				return geoDoc{}, false, fmt.Errorf("geoparse: line %d: %w", line, err)
			}
			if len(bytes.TrimSpace(raw)) == 0 {
				continue
			}
			return parseGeoLine(raw, line), true, nil
		}
	}
	parse := func(_ context.Context, d geoDoc) ([]geoparse.Toponym, error) {
		if d.err != nil {
			return nil, d.err
		}
		return p.Parse(*d.Text), nil
	}
	emit := func(d geoDoc, ts []geoparse.Toponym, err error) error {
		if err != nil {
			bad++
			fmt.Fprintf(e.stderr, "sitrep geoparse: line %d: %v (skipped)\n", d.line, err)
			return nil
		}
		if err := writeGeoparse(w, d, ts, o); err != nil {
			return err
		}
		return w.Flush()
	}
	if err := orderedMap(ctx, workers, next, parse, emit); err != nil {
		return err
	}
	if bad > 0 {
		return inputError{fmt.Errorf("geoparse: %d of %d lines: %w", bad, line, errBadLines)}
	}
	return nil
}

// readLine reads one line of at most geoparseMaxLine bytes, without its line break.
func readLine(r *bufio.Reader) ([]byte, error) {
	var buf []byte
	for {
		chunk, err := r.ReadSlice('\n')
		buf = append(buf, chunk...)
		if len(buf) > geoparseMaxLine {
			for errors.Is(err, bufio.ErrBufferFull) { // drop the rest of the line
				_, err = r.ReadSlice('\n')
			}
			return []byte("{}"), errLineTooLong
		}
		if !errors.Is(err, bufio.ErrBufferFull) {
			return bytes.TrimRight(buf, "\r\n"), err
		}
	}
}

// errLineTooLong marks a jsonl line over the size limit.
var errLineTooLong = errors.New("line too long")

// parseGeoLine decodes one input line; problems are kept in the document's err.
func parseGeoLine(raw []byte, line int) geoDoc {
	d := geoDoc{line: line}
	switch {
	case !utf8.Valid(raw):
		d.err = errors.New("invalid UTF-8")
	case json.Unmarshal(raw, &d) != nil:
		d.err = errors.New("invalid JSON")
	case d.Text == nil:
		d.err = errors.New(`no "text" field`)
	case len(d.ID) == 0:
		d.ID = json.RawMessage("null")
	}
	d.line = line
	return d
}

// geoOut is one output toponym in the jsonl interface.
type geoOut struct {
	Start      int     `json:"start"`
	End        int     `json:"end"`
	Text       string  `json:"text"`
	Lat        float64 `json:"lat"`
	Lon        float64 `json:"lon"`
	GeonameID  *int64  `json:"geonameid"`
	Country    string  `json:"country"`
	Locational bool    `json:"locational"`
	Name       string  `json:"name,omitempty"`
	Kind       string  `json:"kind,omitempty"`
	Precision  string  `json:"precision,omitempty"`
	Rule       string  `json:"rule,omitempty"`
	Dateline   bool    `json:"dateline,omitempty"`
}

// writeGeoparse writes the toponyms of one document in the chosen format.
func writeGeoparse(w *bufio.Writer, d geoDoc, ts []geoparse.Toponym, o geoparseOpts) error {
	if o.format == "text" {
		return writeGeoTable(w, d, ts, o.explain)
	}
	out := struct {
		ID       json.RawMessage `json:"id"`
		Toponyms []geoOut        `json:"toponyms"`
	}{ID: d.ID, Toponyms: make([]geoOut, 0, len(ts))}
	for _, t := range ts {
		g := geoOut{Start: t.Start, End: t.End, Text: t.Text, Lat: t.Lat, Lon: t.Lon, Country: t.Country,
			Locational: t.Locational}
		if t.GeonameID != 0 {
			id := t.GeonameID
			g.GeonameID = &id
		}
		if o.explain {
			g.Name, g.Kind, g.Precision, g.Rule, g.Dateline = t.Name, t.Kind, t.Precision, t.Rule, t.Dateline
		}
		out.Toponyms = append(out.Toponyms, g)
	}
	b, err := json.Marshal(out)
	if err != nil {
		return fmt.Errorf("geoparse: encode: %w", err)
	}
	w.Write(b)
	return w.WriteByte('\n')
}

// writeGeoTable writes a readable table of the toponyms of one document.
func writeGeoTable(w *bufio.Writer, d geoDoc, ts []geoparse.Toponym, explain bool) error {
	fmt.Fprintf(w, "# %s: %d toponyms\n", strings.Trim(string(d.ID), `"`), len(ts))
	for _, t := range ts {
		loc := ""
		if !t.Locational {
			loc = " (not locational)"
		}
		if t.Dateline {
			loc += " (dateline)"
		}
		fmt.Fprintf(w, "%6d-%-6d %-24q -> %-22s %-2s %9.4f %10.4f  %-8s %-7s%s", t.Start, t.End, t.Text, t.Name,
			t.Country, t.Lat, t.Lon, t.Kind, t.Precision, loc)
		if explain {
			fmt.Fprintf(w, "  [%s]", t.Rule)
		}
		if err := w.WriteByte('\n'); err != nil {
			return err
		}
	}
	return nil
}
