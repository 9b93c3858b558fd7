package api

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"sitrep/internal/document"
	"sitrep/internal/event"
)

// input is the body of POST /api/extract and POST /api/documents: exactly one of text, html or a URL to fetch.
// With text or html, url is the document's address (not fetched).
type input struct {
	Text      string `json:"text"`
	HTML      string `json:"html"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Publisher string `json:"publisher"`
	Source    string `json:"source"` // another name for publisher, as in JSON Lines input
	Published string `json:"published"`
	Language  string `json:"language"` // ISO 639-1; detected when ""
	Explain   bool   `json:"explain"`
}

// document turns an input into a document, fetching its URL when it has neither text nor HTML.
func (s *Server) document(ctx context.Context, in input) (event.Document, error) {
	if in.Text != "" && in.HTML != "" {
		return event.Document{}, badRequest("give text or html, not both")
	}
	pub, err := parsePublished(in.Published)
	if err != nil {
		return event.Document{}, err
	}
	var doc event.Document
	switch {
	case in.Text != "":
		doc, err = document.FromText([]byte(in.Text), "request")
		if err == nil && in.URL != "" {
			doc.URL, doc.ID = in.URL, document.ID(in.URL, doc.Text)
		}
	case in.HTML != "":
		doc, err = document.FromHTML(ctx, []byte(in.HTML), in.URL)
	case in.URL != "":
		doc, err = s.fetchDocument(ctx, in.URL)
	default:
		return event.Document{}, badRequest("give one of text, html or url")
	}
	if err != nil {
		return event.Document{}, fmt.Errorf("read document: %w", err)
	}
	if in.Title != "" {
		doc.Title = in.Title
	}
	if pub != nil {
		doc.Published = pub
	}
	if outlet := cmp.Or(in.Publisher, in.Source); outlet != "" {
		doc.Publisher = outlet
	}
	if in.Language != "" {
		doc.Language = strings.ToLower(in.Language)
	}
	return doc, nil
}

// fetchDocument fetches a URL with the server's guarded client and reads its article.
func (s *Server) fetchDocument(ctx context.Context, url string) (event.Document, error) {
	l := strings.ToLower(url)
	if !strings.HasPrefix(l, "http://") && !strings.HasPrefix(l, "https://") {
		return event.Document{}, badRequest("url %q: want an http(s) URL", url)
	}
	src, err := document.Load(ctx, url, nil, document.Options{Fetch: s.opts.Fetch})
	if err != nil {
		return event.Document{}, fetchFailed(err)
	}
	defer src.Close()
	doc, err := src.Next(ctx)
	if errors.Is(err, io.EOF) {
		return doc, fmt.Errorf("%s: %w", url, document.ErrEmpty)
	}
	return doc, fetchFailed(err)
}

// fetchFailed turns a fetch failure that maps to no client error (a refused connection, an unknown host) into a
// 502 that says what happened.
func fetchFailed(err error) error {
	if err == nil {
		return nil
	}
	if code, _ := statusOf(err); code == http.StatusInternalServerError {
		return &Error{Status: http.StatusBadGateway, Msg: "fetch: " + err.Error()}
	}
	return err
}

// parsePublished reads a publication date as YYYY-MM-DD or an RFC 3339 timestamp; nil when empty.
func parsePublished(s string) (*event.Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	if d, err := event.ParseDate(s); err == nil {
		return &d, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		d := event.DateOf(t)
		return &d, nil
	}
	return nil, badRequest("published %q: want YYYY-MM-DD or an RFC 3339 time", s)
}
