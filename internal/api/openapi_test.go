package api

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
)

// TestOpenAPIMatchesRoutes checks that every registered route is described and every described one registered.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	s := New(openStore(t), nil, nil, Options{})
	code, body := call(t, s.Handler(), "GET", "/api/openapi.json", "")
	if code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal([]byte(body), &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.1") {
		t.Errorf("openapi %q, want 3.1.x", doc.OpenAPI)
	}
	var described []string
	for path, ops := range doc.Paths {
		for method := range ops {
			described = append(described, strings.ToUpper(method)+" "+path)
		}
	}
	routes := s.Routes()
	slices.Sort(described)
	slices.Sort(routes)
	for _, r := range routes {
		if !slices.Contains(described, r) {
			t.Errorf("route %q is not in openapi.json", r)
		}
	}
	for _, d := range described {
		if !slices.Contains(routes, d) {
			t.Errorf("openapi.json describes %q, which is not a route", d)
		}
	}
	if len(routes) < 15 {
		t.Errorf("only %d routes registered", len(routes))
	}
}

// TestOpenAPIReferences checks that every $ref points at a defined component.
func TestOpenAPIReferences(t *testing.T) {
	var doc map[string]any
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		t.Fatal(err)
	}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if ref, ok := x.(string); ok && k == "$ref" {
					if !resolves(doc, ref) {
						t.Errorf("unresolved $ref %q", ref)
					}
				}
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(doc)
}

// resolves follows a local JSON pointer such as #/components/schemas/Error.
func resolves(doc map[string]any, ref string) bool {
	var cur any = doc
	for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
		m, ok := cur.(map[string]any)
		if !ok {
			return false
		}
		if cur, ok = m[part]; !ok {
			return false
		}
	}
	return true
}
