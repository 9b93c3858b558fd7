package fetch

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"time"
)

// TestTimeouts checks that a server that never answers, or stops in the middle of a body, ends the request with
// a timeout error instead of hanging. The handlers block until the client goes away.
func TestTimeouts(t *testing.T) {
	release := make(chan struct{})
	mux := http.NewServeMux()
	mux.HandleFunc("/hang", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	})
	mux.HandleFunc("/trickle", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("<html><body><p>first bytes"))
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
		case <-release:
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	defer close(release)
	c := testClient(Options{IgnoreRobots: true, Timeout: 300 * time.Millisecond})
	for _, path := range []string{"/hang", "/trickle"} {
		_, err := c.Get(context.Background(), srv.URL+path)
		if !isTimeout(err) {
			t.Errorf("%s: got %v, want a timeout", path, err)
		}
	}
}

func isTimeout(err error) bool {
	var te interface{ Timeout() bool }
	return errors.Is(err, context.DeadlineExceeded) || errors.Is(err, os.ErrDeadlineExceeded) ||
		(errors.As(err, &te) && te.Timeout())
}
