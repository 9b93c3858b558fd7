package document

import (
	"errors"
	"fmt"
)

// Sentinel errors; test with errors.Is.
var (
	// ErrTooLarge is returned when one document (a file, standard input, a page or a JSON Lines line) exceeds
	// Options.MaxBytes.
	ErrTooLarge = errors.New("input too large")
	// ErrBinary is returned for data that is not text (NUL bytes or many control bytes).
	ErrBinary = errors.New("input looks binary, not text")
	// ErrNoArticle is returned for HTML in which no main content (article text) can be found.
	ErrNoArticle = errors.New("no article text found in the HTML")
	// ErrInvalidLine is wrapped by a *LineError for a JSON Lines record that cannot be used.
	ErrInvalidLine = errors.New("invalid JSON Lines record")
	// ErrEmpty is returned for input with no text.
	ErrEmpty = errors.New("input is empty")
	// ErrDirectory is returned when a file argument names a directory.
	ErrDirectory = errors.New("is a directory")
	// ErrFormat is returned for an unknown Options.Format.
	ErrFormat = errors.New("unknown input format")
)

// LineError is the problem of one JSON Lines record; the Source can go on with the next line.
type LineError struct {
	Line int   // 1-based line number
	Err  error // wraps ErrInvalidLine, ErrTooLarge, ErrBinary, ErrEmpty or ErrNoArticle
}

// Error names the line.
func (e *LineError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }

// Unwrap returns the line's error.
func (e *LineError) Unwrap() error { return e.Err }

// tooLarge describes a refused input, naming the limit and the flag that raises it.
func tooLarge(what string, limit int64) error {
	return fmt.Errorf("%w: %s is larger than the limit of %s (raise it with --max-bytes)", ErrTooLarge, what,
		humanBytes(limit))
}

// humanBytes writes n as "50 MB" style text (binary multiples, as the defaults are).
func humanBytes(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
