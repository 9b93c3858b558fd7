package api

import (
	"net/http"
	"strings"
	"testing"
)

func TestTokenGuardsWrites(t *testing.T) {
	added := 0
	h := New(fixture(t), nil, nil, Options{Token: "s3cret", SourceAdded: func() { added++ }}).Handler()
	body := `{"url":"https://feeds.example/rss"}`
	tests := []struct {
		name   string
		method string
		target string
		header []string
		code   int
	}{
		{"no header", "POST", "/api/sources", nil, http.StatusUnauthorized},
		{"wrong token", "POST", "/api/sources", []string{"Authorization", "Bearer nope"}, http.StatusUnauthorized},
		{"basic scheme", "POST", "/api/sources", []string{"Authorization", "Basic s3cret"}, http.StatusUnauthorized},
		{"delete without", "DELETE", "/api/sources?url=https://feeds.example/rss", nil, http.StatusUnauthorized},
		{"split without", "POST", "/api/incidents/x/split", nil, http.StatusUnauthorized},
		{"documents without", "POST", "/api/documents", nil, http.StatusUnauthorized},
		{"extract is open", "POST", "/api/extract", nil, http.StatusServiceUnavailable},
		{"right token", "POST", "/api/sources", []string{"Authorization", "Bearer s3cret"}, http.StatusCreated},
		{"again", "POST", "/api/sources", []string{"Authorization", "bearer s3cret"}, http.StatusOK},
		{"reads are open", "GET", "/api/sources", nil, http.StatusOK},
		{"delete with", "DELETE", "/api/sources?url=https://feeds.example/rss", []string{"Authorization", "Bearer s3cret"}, http.StatusNoContent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := ""
			if tt.method == "POST" {
				b = body
			}
			code, got := call(t, h, tt.method, tt.target, b, tt.header...)
			if code != tt.code {
				t.Fatalf("status %d, want %d: %s", code, tt.code, got)
			}
			if code == http.StatusUnauthorized && !strings.Contains(decode[errorBody](t, got).Error, "Bearer") {
				t.Errorf("401 does not say what is needed: %s", got)
			}
		})
	}
	if added != 1 {
		t.Errorf("SourceAdded called %d times, want 1 (one source added)", added)
	}
}

func TestBodyTooLarge(t *testing.T) {
	h := New(fixture(t), nil, nil, Options{MaxBody: 64}).Handler()
	big := `{"url":"https://feeds.example/` + strings.Repeat("a", 200) + `"}`
	code, body := call(t, h, "POST", "/api/sources", big)
	if code != http.StatusRequestEntityTooLarge {
		t.Fatalf("status %d, want 413: %s", code, body)
	}
	if msg := decode[errorBody](t, body).Error; !strings.Contains(msg, "64 bytes") {
		t.Errorf("error %q does not name the limit", msg)
	}
	if code, body := call(t, h, "POST", "/api/sources", `{"url":"https://f.example/"}`); code != http.StatusCreated {
		t.Errorf("small body: status %d: %s", code, body)
	}
}
