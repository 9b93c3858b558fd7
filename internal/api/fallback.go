package api

import (
	"net/http"
	"strings"
)

// noRoute answers a path under /api/ that no route matches: 405 with Allow when the path exists with other
// methods, 404 otherwise.
func (s *Server) noRoute(w http.ResponseWriter, r *http.Request) {
	var allow []string
	for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodDelete} {
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, p := s.mux.Handler(probe); p != "/api/" && p != "/" && p != "" {
			allow = append(allow, m)
		}
	}
	if len(allow) > 0 {
		w.Header().Set("Allow", strings.Join(allow, ", "))
		s.writeError(w, r, errorf(http.StatusMethodNotAllowed, "%s is not allowed on %s (allowed: %s)",
			r.Method, r.URL.Path, strings.Join(allow, ", ")))
		return
	}
	s.writeError(w, r, errorf(http.StatusNotFound, "no such endpoint: %s %s (see /api/openapi.json)",
		r.Method, r.URL.Path))
}

// web is the handler at /: the page when one is configured, else a JSON index of the API.
func (s *Server) web() http.Handler {
	if s.opts.Web != nil {
		return s.opts.Web
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			s.writeError(w, r, errorf(http.StatusNotFound, "not found: %s", r.URL.Path))
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{
			"name":    "sitrep",
			"openapi": "/api/openapi.json",
			"routes":  s.Routes(),
		})
	})
}
