package api

import (
	"errors"
	"fmt"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"time"

	"sitrep/internal/document"
	"sitrep/internal/fetch"
	"sitrep/internal/store"
)

// sourceRequest is the body of POST /api/sources.
type sourceRequest struct {
	URL string `json:"url"`
}

// listSources answers GET /api/sources: every feed with its polling state and last error.
func (s *Server) listSources(r *http.Request) (any, error) {
	if err := checkParams(r.URL.Query()); err != nil {
		return nil, err
	}
	srcs, err := s.st.ListSources(r.Context())
	if err != nil {
		return nil, fmt.Errorf("list sources: %w", err)
	}
	if srcs == nil {
		srcs = []store.Source{}
	}
	for i := range srcs {
		srcs[i] = withNextPoll(srcs[i])
	}
	return map[string][]store.Source{"sources": srcs}, nil
}

// postSource answers POST /api/sources: adds a feed (201), or returns the existing one unchanged (200).
func (s *Server) postSource(r *http.Request) (any, error) {
	var req sourceRequest
	if err := decodeBody(r, &req); err != nil {
		return nil, err
	}
	if document.CanonicalURL(req.URL) == "" {
		return nil, badRequest("url %q: want an absolute http(s) URL", req.URL)
	}
	if err := s.checkFeedHost(req.URL); err != nil {
		return nil, err
	}
	if src, err := s.findSource(r, req.URL); err != nil || src != nil {
		return src, err
	}
	if err := s.st.PutSource(r.Context(), store.Source{URL: req.URL}); err != nil {
		return nil, fmt.Errorf("add source: %w", err)
	}
	if s.opts.SourceAdded != nil {
		s.opts.SourceAdded()
	}
	src, err := s.findSource(r, req.URL)
	if err != nil {
		return nil, err
	}
	return status{http.StatusCreated, src}, nil
}

// withNextPoll fills in the NextPoll of a source never polled: the poller takes a source whose NextPoll is not
// after now, so one without a NextPoll has been due since it was added (POST /api/sources also wakes the
// poller), and its next poll time is when it was added, not the zero time.
func withNextPoll(src store.Source) store.Source {
	if src.NextPoll.IsZero() {
		src.NextPoll = src.Added
		if src.NextPoll.IsZero() {
			src.NextPoll = time.Now().UTC()
		}
	}
	return src
}

// checkFeedHost refuses a feed URL whose host is literally a non-public address (a loopback, private or
// link-local IP, or localhost) unless the server's fetch client allows private addresses: the poller would
// refuse it at every poll. A host name is resolved only when fetched, where the same guard applies.
func (s *Server) checkFeedHost(raw string) error {
	if s.opts.Fetch.AllowsPrivate() {
		return nil
	}
	u, err := url.Parse(raw)
	if err != nil {
		return badRequest("url %q: %v", raw, err)
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	private := host == "localhost" || strings.HasSuffix(host, ".localhost")
	if addr, err := netip.ParseAddr(host); err == nil && !fetch.IsPublic(addr) {
		private = true
	}
	if private {
		return badRequest("url %q: %s is a loopback, private or link-local address, which this server does not "+
			"fetch (start it with --allow-private to allow local feeds)", raw, u.Hostname())
	}
	return nil
}

// findSource returns the source with url, or nil.
func (s *Server) findSource(r *http.Request, url string) (*store.Source, error) {
	srcs, err := s.st.ListSources(r.Context())
	if err != nil {
		return nil, fmt.Errorf("list sources: %w", err)
	}
	for _, src := range srcs {
		if src.URL == url {
			src = withNextPoll(src)
			return &src, nil
		}
	}
	return nil, nil
}

// deleteSource answers DELETE /api/sources?url=...: 204, or 404 when there is no such source.
func (s *Server) deleteSource(r *http.Request) (any, error) {
	q := r.URL.Query()
	if err := checkParams(q, []string{"url"}); err != nil {
		return nil, err
	}
	url := q.Get("url")
	if url == "" {
		return nil, badRequest("url is required: DELETE /api/sources?url=FEED_URL")
	}
	if err := s.st.DeleteSource(r.Context(), url); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return nil, errorf(http.StatusNotFound, "no source %q", url)
		}
		return nil, err
	}
	return status{code: http.StatusNoContent}, nil
}
