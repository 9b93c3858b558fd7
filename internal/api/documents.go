package api

import (
	"fmt"
	"net/http"

	"sitrep/internal/store"
)

// documentPage is the answer of GET /api/documents.
type documentPage struct {
	Documents []store.Document `json:"documents"`
	Next      string           `json:"next"`
}

// listDocuments answers GET /api/documents: stored documents, most recent first, with an optional full-text q.
func (s *Server) listDocuments(r *http.Request) (any, error) {
	q := r.URL.Query()
	if err := checkParams(q, []string{"q"}, pageParams); err != nil {
		return nil, err
	}
	limit, cursor, err := parsePage(q)
	if err != nil {
		return nil, err
	}
	docs, next, err := s.st.ListDocuments(r.Context(), store.DocumentFilter{Query: q.Get("q"), Limit: limit, Cursor: cursor})
	if err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	if docs == nil {
		docs = []store.Document{}
	}
	return documentPage{Documents: docs, Next: next}, nil
}

// getDocument answers GET /api/documents/{id}: one document with its text.
func (s *Server) getDocument(r *http.Request) (any, error) {
	d, err := s.st.GetDocument(r.Context(), r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	return d, nil
}

// postDocument answers POST /api/documents: the text, HTML or URL goes through the pipeline and is stored.
// 201 when the document is new, 200 when it was already stored. With a queue it is published for the workers
// instead: 202.
func (s *Server) postDocument(r *http.Request) (any, error) {
	if s.pipe == nil && s.opts.Queue == nil {
		return nil, errorf(http.StatusServiceUnavailable, "this server has no pipeline to store documents")
	}
	var in input
	if err := decodeBody(r, &in); err != nil {
		return nil, err
	}
	if in.Explain {
		return nil, badRequest("explain is only for POST /api/extract")
	}
	doc, err := s.document(r.Context(), in)
	if err != nil {
		return nil, err
	}
	if s.opts.Queue != nil {
		return s.enqueue(r.Context(), doc)
	}
	out, err := s.pipe.Process(r.Context(), doc)
	if err != nil {
		return nil, fmt.Errorf("store document: %w", err)
	}
	if out.Duplicate {
		return out, nil
	}
	return status{http.StatusCreated, out}, nil
}
