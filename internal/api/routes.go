package api

import "net/http"

// routes registers every route of the API: the one place to read what the server answers.
func (s *Server) routes() {
	s.raw("GET /healthz", s.healthz)
	s.raw("GET /metrics", s.serveMetrics)
	s.raw("GET /api/openapi.json", serveOpenAPI)

	s.json("GET /api/incidents", s.listIncidents)
	s.json("GET /api/incidents/{id}", s.getIncident)
	s.json("POST /api/incidents/{id}/split", s.splitIncident)
	s.json("GET /api/map", s.mapMarkers)
	s.json("GET /api/timeline", s.timeline)
	s.raw("GET /api/export", s.export)

	s.json("GET /api/documents", s.listDocuments)
	s.json("GET /api/documents/{id}", s.getDocument)
	s.json("POST /api/documents", s.postDocument)
	s.jsonOpen("POST /api/extract", s.extract) // stores nothing: no token needed

	s.json("GET /api/sources", s.listSources)
	s.json("POST /api/sources", s.postSource)
	s.json("DELETE /api/sources", s.deleteSource)

	s.json("GET /api/stats", s.stats)
	s.json("GET /api/dead-letters", s.listDeadLetters)

	s.mux.Handle("/api/", s.instrument("/api/", http.HandlerFunc(s.noRoute)))
	s.mux.Handle("/", s.instrument("/", s.web()))
}
