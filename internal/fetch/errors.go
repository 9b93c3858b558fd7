package fetch

import (
	"errors"
	"fmt"
)

// Sentinel errors; test with errors.Is.
var (
	// ErrPrivateAddress is returned when a request would reach a private, loopback, link-local or otherwise
	// non-public address and Options.AllowPrivate is false.
	ErrPrivateAddress = errors.New("refusing to connect to a non-public address")
	// ErrTooLarge is returned when a body exceeds Options.MaxBytes, before or after decompression.
	ErrTooLarge = errors.New("response body too large")
	// ErrTooManyRedirects is returned when a redirect chain is longer than Options.MaxRedirects.
	ErrTooManyRedirects = errors.New("too many redirects")
	// ErrStatus is matched by every *StatusError (an HTTP status other than 2xx or 304).
	ErrStatus = errors.New("unexpected http status")
	// ErrScheme is returned for URLs whose scheme is not http or https (also on a redirect).
	ErrScheme = errors.New("unsupported url scheme")
	// ErrRobots is returned when the host's robots.txt disallows the URL for our user agent.
	ErrRobots = errors.New("disallowed by robots.txt")
	// ErrEncoding is returned for a Content-Encoding the client cannot decode.
	ErrEncoding = errors.New("unsupported content encoding")
)

// StatusError is an HTTP answer with a status other than 2xx or 304. It matches ErrStatus.
type StatusError struct {
	Code int    // the HTTP status code
	URL  string // the URL that answered
}

// Error describes the status.
func (e *StatusError) Error() string { return fmt.Sprintf("%s: http status %d", e.URL, e.Code) }

// Is reports whether target is ErrStatus.
func (e *StatusError) Is(target error) bool { return target == ErrStatus }

// tooLarge wraps ErrTooLarge with the limit that was hit.
func tooLarge(limit int64, what string) error {
	return fmt.Errorf("%w: %s exceeds the limit of %d bytes", ErrTooLarge, what, limit)
}
