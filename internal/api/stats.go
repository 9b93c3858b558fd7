package api

import (
	"fmt"
	"net/http"

	"sitrep/internal/pipeline"
	"sitrep/internal/store"
)

// statsBody is the answer of GET /api/stats.
type statsBody struct {
	Store     store.Counts    `json:"store"`
	Pipeline  *pipeline.Stats `json:"pipeline"`
	Forwarder *pipeline.Stats `json:"forwarder"`
}

// stats answers GET /api/stats: the store's table sizes, the pipeline's running totals (null without one) and,
// with a queue, the forwarder's (what this process published for the workers; null without a queue).
func (s *Server) stats(r *http.Request) (any, error) {
	if err := checkParams(r.URL.Query()); err != nil {
		return nil, err
	}
	c, err := s.st.Counts(r.Context())
	if err != nil {
		return nil, fmt.Errorf("stats: %w", err)
	}
	out := statsBody{Store: c}
	if s.pipe != nil {
		st := s.pipe.Stats()
		out.Pipeline = &st
	}
	if s.opts.Forwarder != nil {
		fw := s.opts.Forwarder.Stats()
		out.Forwarder = &fw
	}
	return out, nil
}

// healthz answers GET /healthz: 200 {"status":"ok"} when the store answers a cheap query, 503 otherwise.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) error {
	if _, _, err := s.st.ListDocuments(r.Context(), store.DocumentFilter{Limit: 1}); err != nil {
		s.log.Error("health check failed", "err", err)
		return errorf(http.StatusServiceUnavailable, "store unavailable")
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	return nil
}
