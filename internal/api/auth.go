package api

import (
	"crypto/subtle"
	"net/http"
	"strings"
)

// authorize lets a request through when no token is configured or it carries "Authorization: Bearer TOKEN".
func (s *Server) authorize(next http.Handler) http.Handler {
	if s.opts.Token == "" {
		return next
	}
	want := []byte(s.opts.Token)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		scheme, got, ok := strings.Cut(r.Header.Get("Authorization"), " ")
		if !ok || !strings.EqualFold(scheme, "Bearer") ||
			subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), want) != 1 {
			s.writeError(w, r, errorf(http.StatusUnauthorized,
				"this endpoint needs the header \"Authorization: Bearer TOKEN\" with the server's token"))
			return
		}
		next.ServeHTTP(w, r)
	})
}
