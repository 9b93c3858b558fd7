package lexicon

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// ErrFormat is wrapped by every error about the content of a lexicon file.
var ErrFormat = errors.New("lexicon format error")

// FormatError is a problem at one line of a lexicon file; it unwraps to ErrFormat.
type FormatError struct {
	File string // file name or path as given
	Line int    // 1-based line number
	Msg  string
}

// Error returns "file:line: message".
func (e *FormatError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// Unwrap returns ErrFormat.
func (e *FormatError) Unwrap() error { return ErrFormat }

// matchedColumns are the columns whose values are matched in text besides `name`. `formerly` (former names of
// a group) is also an attribute, so callers can tell a renaming.
var matchedColumns = []string{"aliases", "formerly"}

// parseTSV reads one lexicon file of category cat. src names the file in errors and Entry.Source.
func parseTSV(cat Category, src string, data []byte) ([]*Entry, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	var header []string
	var out []*Entry
	for n, line := range splitLines(data) {
		lineNo := n + 1
		ferr := func(format string, args ...any) error {
			return &FormatError{File: src, Line: lineNo, Msg: fmt.Sprintf(format, args...)}
		}
		if !utf8.ValidString(line) {
			return nil, ferr("invalid UTF-8")
		}
		if isBlankOrComment(line) {
			continue
		}
		cells := strings.Split(line, "\t")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		if header == nil {
			h, err := parseHeader(cells)
			if err != nil {
				return nil, ferr("header: %s", err)
			}
			header = h
			continue
		}
		e, msg := parseRow(header, cells)
		if msg != "" {
			return nil, ferr("%s", msg)
		}
		e.Category, e.Source = cat, fmt.Sprintf("%s:%d", src, lineNo)
		out = append(out, e)
	}
	if header == nil {
		return nil, &FormatError{File: src, Line: 1, Msg: "no header line"}
	}
	return out, nil
}

// splitLines splits data on \n, dropping a \r before it.
func splitLines(data []byte) []string {
	s := string(data)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return lines
}

func isBlankOrComment(line string) bool {
	t := strings.TrimSpace(line)
	return t == "" || t[0] == '#'
}

// parseHeader checks the column names: non-empty, unique, one of them `name`.
func parseHeader(cells []string) ([]string, error) {
	for len(cells) > 0 && cells[len(cells)-1] == "" {
		cells = cells[:len(cells)-1]
	}
	seen := map[string]bool{}
	for i, c := range cells {
		switch {
		case c == "":
			return nil, fmt.Errorf("column %d has no name", i+1)
		case seen[c]:
			return nil, fmt.Errorf("column %q repeated", c)
		}
		seen[c] = true
	}
	if !seen["name"] {
		return nil, errors.New("no `name` column")
	}
	return cells, nil
}

// parseRow builds an entry from the cells of one row; msg is non-empty when the row is bad.
func parseRow(header, cells []string) (e *Entry, msg string) {
	for len(cells) > len(header) && cells[len(cells)-1] == "" {
		cells = cells[:len(cells)-1]
	}
	if len(cells) > len(header) {
		return nil, fmt.Sprintf("%d cells, header has %d columns", len(cells), len(header))
	}
	e = &Entry{Attrs: map[string]string{}}
	for i, col := range header {
		v := ""
		if i < len(cells) {
			v = cells[i]
		}
		switch col {
		case "name":
			e.Name = v
		case "aliases":
			e.Aliases = splitMulti(v)
		default:
			if v != "" {
				e.Attrs[col] = v
			}
		}
	}
	if e.Name == "" {
		return nil, "empty name"
	}
	if strings.Contains(e.Name, "|") {
		return nil, "name contains |"
	}
	for col, alias := range e.matched() {
		p, err := compilePattern(alias)
		if err != nil {
			return nil, fmt.Sprintf("%s %q: %s", col, alias, err)
		}
		p.column = col
		e.pats = append(e.pats, p)
	}
	return e, ""
}
