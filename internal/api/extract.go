package api

import (
	"errors"
	"fmt"
	"net/http"

	"sitrep/internal/extract"
)

// extract answers POST /api/extract: the events of a text, HTML page or URL, with explanations on request;
// nothing is stored.
func (s *Server) extract(r *http.Request) (any, error) {
	eng := s.eng
	var in input
	if err := decodeBody(r, &in); err != nil {
		return nil, err
	}
	if in.Explain && s.opts.Explain != nil {
		eng = s.opts.Explain
	}
	if eng == nil {
		return nil, errorf(http.StatusServiceUnavailable, "this server has no extraction engine")
	}
	doc, err := s.document(r.Context(), in)
	if err != nil {
		return nil, err
	}
	res, err := eng.Extract(r.Context(), doc)
	if errors.Is(err, extract.ErrUnsupportedLanguage) {
		return nil, extract.UnsupportedLanguage(doc.Language)
	}
	if err != nil {
		return nil, fmt.Errorf("extract: %w", err)
	}
	return res, nil
}
