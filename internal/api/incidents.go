package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	"sitrep/internal/event"
	"sitrep/internal/incident"
)

// incidentPage is the answer of GET /api/incidents.
type incidentPage struct {
	Incidents []event.Incident `json:"incidents"`
	Next      string           `json:"next"`
}

// listIncidents answers GET /api/incidents: one page of incidents matching the filters, newest first.
func (s *Server) listIncidents(r *http.Request) (any, error) {
	q := r.URL.Query()
	if err := checkParams(q, filterParams, pageParams); err != nil {
		return nil, err
	}
	f, err := s.parseFilter(q)
	if err != nil {
		return nil, err
	}
	if f.Limit, f.Cursor, err = parsePage(q); err != nil {
		return nil, err
	}
	p, err := s.st.ListIncidents(r.Context(), f)
	if err != nil {
		return nil, fmt.Errorf("list incidents: %w", err)
	}
	if p.Incidents == nil {
		p.Incidents = []event.Incident{}
	}
	return incidentPage{Incidents: p.Incidents, Next: p.Next}, nil
}

// getIncident answers GET /api/incidents/{id}: the incident with its documents and change history.
func (s *Server) getIncident(r *http.Request) (any, error) {
	d, err := s.st.GetIncident(r.Context(), r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	return d, nil
}

// splitRequest is the body of POST /api/incidents/{id}/split.
type splitRequest struct {
	DocumentID string `json:"document_id"`
}

// splitIncident answers POST /api/incidents/{id}/split: moves a document's reports into a new incident.
func (s *Server) splitIncident(r *http.Request) (any, error) {
	var req splitRequest
	if err := decodeBody(r, &req); err != nil {
		return nil, err
	}
	if strings.TrimSpace(req.DocumentID) == "" {
		return nil, badRequest("document_id is required")
	}
	inc, err := s.st.SplitIncident(r.Context(), r.PathValue("id"), req.DocumentID)
	if errors.Is(err, incident.ErrNoReport) || errors.Is(err, incident.ErrOnlyReport) {
		return nil, &Error{Status: http.StatusConflict, Msg: err.Error()}
	}
	if err != nil {
		return nil, err
	}
	return status{http.StatusCreated, inc}, nil
}

// decodeBody reads a JSON request body into v, refusing unknown fields and trailing data. The Content-Type must
// be application/json: a cross-site form or no-cors fetch cannot send that without a CORS preflight, which this
// server never grants, so a page elsewhere cannot make a visitor's browser write to a server without a token.
func decodeBody(r *http.Request, v any) error {
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		return errorf(http.StatusUnsupportedMediaType, "Content-Type %q: send application/json",
			r.Header.Get("Content-Type"))
	}
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return err
		}
		if errors.Is(err, io.EOF) {
			return badRequest("empty request body: send a JSON object")
		}
		return badRequest("invalid JSON body: %v", err)
	}
	if dec.More() {
		return badRequest("invalid JSON body: data after the object")
	}
	return nil
}
