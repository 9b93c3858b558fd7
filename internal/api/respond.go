package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"sitrep/internal/document"
	"sitrep/internal/extract"
	"sitrep/internal/fetch"
	"sitrep/internal/store"
)

// Error is an error with the HTTP status it answers with; its message is shown to the client.
type Error struct {
	Status int
	Msg    string
}

// Error returns the message.
func (e *Error) Error() string { return e.Msg }

// errorf makes an *Error.
func errorf(code int, format string, a ...any) *Error {
	return &Error{Status: code, Msg: fmt.Sprintf(format, a...)}
}

// badRequest is a 400 with a message.
func badRequest(format string, a ...any) *Error { return errorf(http.StatusBadRequest, format, a...) }

// writeJSON writes v as JSON with code.
func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
}

// errorBody is the JSON of every error.
type errorBody struct {
	Error string `json:"error"`
}

// writeError answers with the status and message statusOf gives err, logging server-side failures.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	code, msg := statusOf(err)
	if code >= 500 {
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	} else {
		s.log.Debug("request refused", "method", r.Method, "path", r.URL.Path, "status", code, "err", err)
	}
	if code == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="sitrep"`)
	}
	writeJSON(w, code, errorBody{Error: msg})
}

// statusOf maps an error to an HTTP status and the message the client sees. Unknown errors are 500s whose
// detail stays in the log.
func statusOf(err error) (int, string) {
	var e *Error
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &e):
		return e.Status, e.Msg
	case errors.As(err, &tooBig):
		return http.StatusRequestEntityTooLarge, fmt.Sprintf("request body larger than %d bytes", tooBig.Limit)
	case errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound, err.Error()
	case errors.Is(err, store.ErrBadCursor):
		return http.StatusBadRequest, "invalid cursor: pass the \"next\" value of the previous page unchanged"
	case errors.Is(err, fetch.ErrPrivateAddress), errors.Is(err, fetch.ErrScheme):
		return http.StatusBadRequest, err.Error()
	case errors.Is(err, fetch.ErrStatus), errors.Is(err, fetch.ErrTooLarge), errors.Is(err, fetch.ErrRobots),
		errors.Is(err, fetch.ErrTooManyRedirects), errors.Is(err, fetch.ErrEncoding):
		return http.StatusBadGateway, err.Error()
	case errors.Is(err, document.ErrEmpty), errors.Is(err, document.ErrBinary),
		errors.Is(err, document.ErrNoArticle), errors.Is(err, document.ErrTooLarge),
		errors.Is(err, extract.ErrUnsupportedLanguage):
		return http.StatusUnprocessableEntity, err.Error()
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusGatewayTimeout, "timed out"
	case errors.Is(err, context.Canceled):
		return 499, "request canceled"
	}
	return http.StatusInternalServerError, "internal error (see the server log)"
}
