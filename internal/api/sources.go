package api

import (
	"errors"
	"fmt"
	"net/http"

	"sitrep/internal/document"
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

// findSource returns the source with url, or nil.
func (s *Server) findSource(r *http.Request, url string) (*store.Source, error) {
	srcs, err := s.st.ListSources(r.Context())
	if err != nil {
		return nil, fmt.Errorf("list sources: %w", err)
	}
	for _, src := range srcs {
		if src.URL == url {
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
