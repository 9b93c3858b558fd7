package fetch

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"time"
)

// Defaults used when an Options field is zero.
const (
	DefaultMaxBytes     = 10 << 20 // 10 MiB
	DefaultTimeout      = 30 * time.Second
	DefaultMaxRedirects = 5
	DefaultUserAgent    = "sitrep/1 (+https://github.com/sitrep)"
)

// Options configure a Client. The zero value is safe: public addresses only, robots.txt honoured, the defaults
// above for sizes and times.
type Options struct {
	MaxBytes     int64         // body limit before and after decompression; DefaultMaxBytes when 0
	Timeout      time.Duration // whole request including the body; DefaultTimeout when 0
	MaxRedirects int           // DefaultMaxRedirects when 0; negative means no redirect is followed
	AllowPrivate bool          // allow loopback, private and link-local addresses (tests, intranet use)
	UserAgent    string        // DefaultUserAgent when ""; its first word is the robots.txt product token
	IgnoreRobots bool          // do not fetch or honour robots.txt
	HostInterval time.Duration // least time between the starts of two requests to one host; 0: no limit
	Logger       *slog.Logger  // nil: discard
}

// Client fetches URLs under the guard described in the package doc. It is safe for concurrent use.
type Client struct {
	opts   Options
	http   *http.Client
	robots *robotsCache
	limit  *hostLimiter
	log    *slog.Logger
}

// New returns a Client with opts, defaults filled in.
func New(opts Options) *Client {
	if opts.AllowPrivate {
		return newClient(opts, nil)
	}
	return newClient(opts, publicOnly)
}

// newClient builds a Client whose dialler accepts only addresses permit allows (every address when nil).
func newClient(opts Options, permit func(netip.AddrPort) bool) *Client {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.MaxRedirects == 0 {
		opts.MaxRedirects = DefaultMaxRedirects
	}
	if opts.UserAgent == "" {
		opts.UserAgent = DefaultUserAgent
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	c := &Client{opts: opts, log: log.With("component", "fetch"), robots: newRobotsCache(256, time.Hour)}
	if opts.HostInterval > 0 {
		c.limit = newHostLimiter(opts.HostInterval)
	}
	c.http = &http.Client{Transport: newTransport(opts, permit), Timeout: opts.Timeout, CheckRedirect: c.checkRedirect}
	return c
}

// newTransport is an http.Transport without proxies (a proxy would hide the real destination from the guard)
// and without transparent decompression (the client decodes itself, under the size limit).
func newTransport(opts Options, permit func(netip.AddrPort) bool) *http.Transport {
	d := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if permit != nil {
		d.Control = control(permit)
	}
	return &http.Transport{
		Proxy:                  nil,
		DialContext:            d.DialContext,
		DisableCompression:     true,
		ForceAttemptHTTP2:      true,
		MaxIdleConns:           64,
		MaxIdleConnsPerHost:    4,
		IdleConnTimeout:        90 * time.Second,
		TLSHandshakeTimeout:    10 * time.Second,
		ResponseHeaderTimeout:  opts.Timeout,
		MaxResponseHeaderBytes: 1 << 20,
	}
}

// checkRedirect limits the chain, re-checks the scheme and robots.txt of every hop; the dialler re-checks the IP.
func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if c.opts.MaxRedirects < 0 || len(via) > c.opts.MaxRedirects {
		return fmt.Errorf("%w: more than %d", ErrTooManyRedirects, max(c.opts.MaxRedirects, 0))
	}
	if err := checkScheme(req.URL); err != nil {
		return err
	}
	return c.allowed(req.Context(), req.URL)
}

// checkScheme accepts http and https URLs with a host.
func checkScheme(u *url.URL) error {
	s := strings.ToLower(u.Scheme)
	if s != "http" && s != "https" {
		return fmt.Errorf("%w: %q", ErrScheme, u.Scheme)
	}
	if u.Host == "" {
		return fmt.Errorf("%w: no host in %q", ErrScheme, u.String())
	}
	return nil
}

// Get fetches rawURL and returns its body decoded to UTF-8. Statuses other than 2xx are a *StatusError.
func (c *Client) Get(ctx context.Context, rawURL string) (*Response, error) {
	return c.Do(ctx, Request{URL: rawURL})
}

// AllowsPrivate reports whether the client was built with Options.AllowPrivate, so a caller can refuse a URL on
// a non-public address when it is given rather than when it is fetched.
func (c *Client) AllowsPrivate() bool { return c.opts.AllowPrivate }
