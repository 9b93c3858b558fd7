package api

import (
	"net/http"
	"strings"
)

// jsonHandler answers with the JSON of its value, or with the error's status and message.
type jsonHandler func(r *http.Request) (any, error)

// rawHandler writes its own response; an error returned before anything is written becomes a JSON error.
type rawHandler func(w http.ResponseWriter, r *http.Request) error

// status wraps a value to answer with a status other than 200.
type status struct {
	code  int
	value any
}

// json registers a JSON route.
func (s *Server) json(pattern string, h jsonHandler) { s.raw(pattern, jsonRaw(h)) }

// jsonOpen registers a JSON route that needs no token whatever its method (it changes nothing).
func (s *Server) jsonOpen(pattern string, h jsonHandler) { s.register(pattern, jsonRaw(h), false) }

// jsonRaw adapts a jsonHandler.
func jsonRaw(h jsonHandler) rawHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		v, err := h(r)
		if err != nil {
			return err
		}
		code := http.StatusOK
		if st, ok := v.(status); ok {
			code, v = st.code, st.value
		}
		if code == http.StatusNoContent {
			w.WriteHeader(code)
			return nil
		}
		writeJSON(w, code, v)
		return nil
	}
}

// raw registers a route that needs the token when its method writes (anything but GET and HEAD).
func (s *Server) raw(pattern string, h rawHandler) {
	method, _, _ := strings.Cut(pattern, " ")
	s.register(pattern, h, method != http.MethodGet && method != http.MethodHead)
}

// register adds a route: instrumented, gzipped on request, body-limited, and token-checked when write is set.
func (s *Server) register(pattern string, h rawHandler, write bool) {
	s.patterns = append(s.patterns, pattern)
	next := compress(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, s.opts.MaxBody)
		if err := h(w, r); err != nil {
			s.writeError(w, r, err)
		}
	}))
	if write {
		next = s.authorize(next)
	}
	s.mux.Handle(pattern, s.instrument(pattern, next))
}
