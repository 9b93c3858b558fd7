package fetch

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"syscall"
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

// HostError says the host of a URL cannot be reached at all: its name does not resolve, or it refuses or cannot
// route the connection. Err is the network error, still visible to errors.As (a *net.DNSError, say).
type HostError struct {
	Host   string // host[:port] as in the URL
	Reason string // "no such host", "connection refused"...
	Err    error
}

// Error names the host and the reason, without the transport's "Get ...: dial tcp ..." chain.
func (e *HostError) Error() string { return fmt.Sprintf("host %s: %s", e.Host, e.Reason) }

// Unwrap returns the network error.
func (e *HostError) Unwrap() error { return e.Err }

// hostError returns err as a *HostError when it says host does not resolve or cannot be connected to, and err
// unchanged otherwise (cancellation, timeouts, TLS, refused private addresses...).
func hostError(host string, err error) error {
	if err == nil || errors.Is(err, ErrPrivateAddress) {
		return err
	}
	var he *HostError
	if errors.As(err, &he) {
		return err
	}
	// After a redirect the host that failed is the one in the transport's *url.Error, not the first URL's.
	var ue *url.Error
	if errors.As(err, &ue) {
		if u, perr := url.Parse(ue.URL); perr == nil && u.Host != "" {
			host = u.Host
		}
	}
	var dns *net.DNSError
	if errors.As(err, &dns) {
		reason := dns.Err
		if dns.IsNotFound || reason == "" {
			reason = "no such host"
		}
		return &HostError{Host: host, Reason: reason, Err: err}
	}
	for _, errno := range []syscall.Errno{syscall.ECONNREFUSED, syscall.EHOSTUNREACH, syscall.ENETUNREACH} {
		if errors.Is(err, errno) {
			return &HostError{Host: host, Reason: errno.Error(), Err: err}
		}
	}
	return err
}
