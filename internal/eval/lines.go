package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// ErrMalformed marks a gold record that cannot be used; it comes wrapped in a *LineError.
var ErrMalformed = errors.New("malformed gold record")

// maxLine is the longest gold line accepted (a news article with its annotations fits many times over).
const maxLine = 64 << 20

// LineError is a problem with one line of a gold file.
type LineError struct {
	File string // the file's name as given to the reader
	Line int    // 1-based
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }
func (e *LineError) Unwrap() error { return e.Err }

// lineReader yields the non-blank lines of a JSON Lines stream with their numbers.
type lineReader struct {
	r    *bufio.Reader
	name string
	line int
}

func newLineReader(r io.Reader, name string) *lineReader {
	return &lineReader{r: bufio.NewReaderSize(r, 1<<16), name: name}
}

// next returns the next non-blank line, or io.EOF.
func (l *lineReader) next() ([]byte, error) {
	for {
		b, err := l.readLine()
		if err != nil {
			return nil, err
		}
		if b = bytes.TrimSpace(b); len(b) > 0 {
			return b, nil
		}
	}
}

func (l *lineReader) readLine() ([]byte, error) {
	var buf []byte
	for {
		chunk, err := l.r.ReadSlice('\n')
		buf = append(buf, chunk...)
		if len(buf) > maxLine {
			l.line++
			return nil, l.errorf("line longer than %d bytes", maxLine)
		}
		switch {
		case err == nil:
			l.line++
			return buf, nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF) && len(buf) > 0:
			l.line++
			return buf, nil
		case errors.Is(err, io.EOF):
			return nil, io.EOF
		default:
			return nil, fmt.Errorf("read %s: %w", l.name, err)
		}
	}
}

// errorf builds a LineError for the current line, wrapping ErrMalformed.
func (l *lineReader) errorf(format string, a ...any) error {
	return &LineError{File: l.name, Line: l.line, Err: fmt.Errorf("%w: %s", ErrMalformed, fmt.Sprintf(format, a...))}
}

// jsonlReader decodes one T per non-blank line and validates it with check.
type jsonlReader[T any] struct {
	lr    *lineReader
	check func(T) error
}

func (j *jsonlReader[T]) next() (T, error) {
	var v T
	b, err := j.lr.next()
	if err != nil {
		return v, err
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return v, j.lr.errorf("%v", err)
	}
	if err := j.check(v); err != nil {
		return v, j.lr.errorf("%v", err)
	}
	return v, nil
}
