package api

import (
	"fmt"
	"net/http"

	"sitrep/internal/store"
)

// DefaultMaxMarkers caps the markers of GET /api/map when Options.MaxMarkers is 0.
const DefaultMaxMarkers = 100000

// marker is one incident on the map, compact.
type marker = store.Marker

// markers is the answer of GET /api/map.
type markers struct {
	Markers   []marker `json:"markers"`
	Truncated bool     `json:"truncated"`
}

// mapMarkers answers GET /api/map: every placed incident matching the filters as a compact marker, newest
// first, at most Options.MaxMarkers; truncated says whether more matched. The store reads the marker fields
// from columns and the body without decoding whole incidents.
func (s *Server) mapMarkers(r *http.Request) (any, error) {
	f, err := s.incidentFilter(r)
	if err != nil {
		return nil, err
	}
	ms, truncated, err := s.st.Markers(r.Context(), f, s.opts.MaxMarkers)
	if err != nil {
		return nil, fmt.Errorf("map: %w", err)
	}
	return markers{Markers: ms, Truncated: truncated}, nil
}

// incidentFilter reads the filter parameters of a route without pagination.
func (s *Server) incidentFilter(r *http.Request) (store.Filter, error) {
	q := r.URL.Query()
	if err := checkParams(q, filterParams); err != nil {
		return store.Filter{}, err
	}
	return s.parseFilter(q)
}
