package queue

import (
	"errors"

	"sitrep/internal/document"
	"sitrep/internal/extract"
	"sitrep/internal/pipeline"
)

// Errors callers branch on.
var (
	// ErrPermanent marks a failure that no retry can fix (bad JSON, unsupported input); such a document goes to
	// the dead-letter stream at once. Wrap an error with Permanent to mark it.
	ErrPermanent = errors.New("permanent failure")
	// ErrNoDocument means a document has neither an id nor text to derive one from.
	ErrNoDocument = errors.New("document has no id and no text")
)

// permanentError wraps an error with ErrPermanent while keeping the original in the chain.
type permanentError struct{ err error }

func (p permanentError) Error() string { return p.err.Error() }

// Unwrap returns the wrapped error and ErrPermanent.
func (p permanentError) Unwrap() []error { return []error{p.err, ErrPermanent} }

// Permanent marks err as not worth retrying; nil stays nil.
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return permanentError{err}
}

// IsPermanent reports whether err cannot be fixed by retrying: it wraps ErrPermanent, the input is unusable
// (unsupported language, empty, binary or too large text) or the engine failed on it (pipeline.ErrExtract).
// Everything else (pipeline.ErrStore, timeouts) is retried.
func IsPermanent(err error) bool {
	for _, target := range []error{ErrPermanent, extract.ErrUnsupportedLanguage, document.ErrEmpty,
		document.ErrBinary, document.ErrTooLarge, document.ErrNoArticle, pipeline.ErrExtract} {
		if errors.Is(err, target) {
			return true
		}
	}
	return false
}
