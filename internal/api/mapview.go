package api

import (
	"fmt"
	"net/http"

	"sitrep/internal/event"
	"sitrep/internal/store"
)

// DefaultMaxMarkers caps the markers of GET /api/map when Options.MaxMarkers is 0.
const DefaultMaxMarkers = 100000

// marker is one incident on the map, compact.
type marker struct {
	ID           string  `json:"id"`
	Lat          float64 `json:"lat"`
	Lon          float64 `json:"lon"`
	Date         string  `json:"date"`
	DateEnd      string  `json:"date_end"`
	EventType    string  `json:"event_type"`
	SubEventType string  `json:"sub_event_type"`
	Fatalities   int     `json:"fatalities"`
	Country      string  `json:"country"`
	Location     string  `json:"location"`
	Actor1       string  `json:"actor1"`
}

// markers is the answer of GET /api/map.
type markers struct {
	Markers   []marker `json:"markers"`
	Truncated bool     `json:"truncated"`
}

// mapMarkers answers GET /api/map: every placed incident matching the filters as a compact marker, newest
// first, at most Options.MaxMarkers; truncated says whether more matched.
func (s *Server) mapMarkers(r *http.Request) (any, error) {
	f, err := incidentFilter(r)
	if err != nil {
		return nil, err
	}
	out := markers{Markers: []marker{}}
	for inc, err := range store.All(r.Context(), s.st, f) {
		if err != nil {
			return nil, fmt.Errorf("map: %w", err)
		}
		if inc.Location == nil || (inc.Location.Lat == 0 && inc.Location.Lon == 0) {
			continue
		}
		if len(out.Markers) == s.opts.MaxMarkers {
			out.Truncated = true
			break
		}
		out.Markers = append(out.Markers, markerOf(inc))
	}
	return out, nil
}

// incidentFilter reads the filter parameters of a route without pagination.
func incidentFilter(r *http.Request) (store.Filter, error) {
	q := r.URL.Query()
	if err := checkParams(q, filterParams); err != nil {
		return store.Filter{}, err
	}
	return parseFilter(q)
}

// markerOf makes the marker of a placed incident.
func markerOf(inc event.Incident) marker {
	m := marker{ID: inc.ID, Lat: inc.Location.Lat, Lon: inc.Location.Lon, EventType: inc.EventType,
		SubEventType: inc.SubEventType, Country: inc.Location.Country, Location: inc.Location.Name}
	if inc.Date != nil {
		m.Date, m.DateEnd = inc.Date.Start.String(), inc.Date.End.String()
	}
	if inc.Fatalities != nil && inc.Fatalities.Best != nil {
		m.Fatalities = *inc.Fatalities.Best
	}
	for _, a := range inc.Actors {
		if a.Role == event.RoleActor1 {
			m.Actor1 = a.Name
			break
		}
	}
	return m
}
