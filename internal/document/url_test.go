package document

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"sitrep/internal/event"
	"sitrep/internal/fetch"
)

func newPageServer(t *testing.T) *httptest.Server {
	t.Helper()
	article, err := os.ReadFile("testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(article)
	})
	mux.HandleFunc("/plain", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=iso-8859-1")
		w.Write([]byte("Gunmen attacked a village near the border, killing five people, the governor said. Caf\xe9 owners fled."))
	})
	mux.HandleFunc("/feed.jsonl", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/octet-stream")
		fmt.Fprintln(w, `{"id":"x1","text":"First report."}`)
		fmt.Fprintln(w, `{"id":"x2","text":"Second report."}`)
	})
	mux.HandleFunc("/login", func(w http.ResponseWriter, r *http.Request) {
		http.ServeFile(w, r, "testdata/noarticle.html")
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestLoadURL(t *testing.T) {
	srv := newPageServer(t)
	client := fetch.New(fetch.Options{AllowPrivate: true, IgnoreRobots: true})
	published := event.NewDate(2023, 6, 15)
	tests := []struct {
		path    string
		opts    Options
		ids     int
		has     string
		wantErr error
	}{
		{"/story", Options{}, 1, "killed at least 11 people", nil},
		{"/plain", Options{}, 1, "Café owners fled.", nil},
		{"/feed.jsonl", Options{}, 2, "Second report.", nil},
		{"/login", Options{}, 0, "", ErrNoArticle},
		{"/story", Options{Published: &published}, 1, "Fighting between army units", nil},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			tt.opts.Fetch = client
			src, err := Load(context.Background(), srv.URL+tt.path, nil, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			defer src.Close()
			var docs []event.Document
			for {
				doc, err := src.Next(context.Background())
				if err == io.EOF {
					break
				}
				if err != nil {
					if tt.wantErr == nil || !errors.Is(err, tt.wantErr) {
						t.Fatalf("Next: %v, want %v", err, tt.wantErr)
					}
					break
				}
				docs = append(docs, doc)
			}
			if len(docs) != tt.ids {
				t.Fatalf("%d documents, want %d", len(docs), tt.ids)
			}
			if tt.ids == 0 {
				return
			}
			last := docs[len(docs)-1]
			if !strings.Contains(last.Text, tt.has) {
				t.Errorf("text %q lacks %q", last.Text, tt.has)
			}
			if tt.opts.Published != nil && last.Published.String() != "2023-06-15" {
				t.Errorf("published %v, want the override over the page's 2023-06-14", last.Published)
			}
			if tt.path == "/plain" && (last.URL != srv.URL+"/plain" || last.ID != ID(srv.URL+"/plain", "")) {
				t.Errorf("url %q id %q", last.URL, last.ID)
			}
		})
	}
}

func TestLoadURLGuarded(t *testing.T) {
	srv := newPageServer(t)
	_, err := Load(context.Background(), srv.URL+"/story", nil, Options{})
	if !errors.Is(err, fetch.ErrPrivateAddress) {
		t.Fatalf("default client fetched a loopback URL: %v", err)
	}
	small := fetch.New(fetch.Options{AllowPrivate: true, IgnoreRobots: true, MaxBytes: 256})
	_, err = Load(context.Background(), srv.URL+"/story", nil, Options{Fetch: small})
	if !errors.Is(err, ErrTooLarge) || !errors.Is(err, fetch.ErrTooLarge) || !strings.Contains(err.Error(), "--max-bytes") {
		t.Fatalf("got %v, want ErrTooLarge naming --max-bytes", err)
	}
}
