package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"syscall"
	"testing"
)

func TestHostError(t *testing.T) {
	refused := &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}
	tests := []struct {
		name string
		err  error
		want string // "" when err must come back unchanged
	}{
		{"dns", &url.Error{Op: "Get", URL: "https://a.invalid/x", Err: &net.OpError{Op: "dial", Err: &net.DNSError{Err: "no such host", Name: "a.invalid", IsNotFound: true}}}, "host a.invalid: no such host"},
		{"dns other", &net.DNSError{Err: "server misbehaving", Name: "a.example"}, "host example.org: server misbehaving"},
		{"refused", &url.Error{Op: "Get", URL: "http://127.0.0.1:1/x", Err: refused}, "host 127.0.0.1:1: connection refused"},
		{"redirect target", &url.Error{Op: "Get", URL: "http://b.invalid/y", Err: &net.DNSError{Err: "no such host", Name: "b.invalid", IsNotFound: true}}, "host b.invalid: no such host"},
		{"private", fmt.Errorf("dial: %w", ErrPrivateAddress), ""},
		{"canceled", &url.Error{Op: "Get", URL: "http://a/", Err: context.Canceled}, ""},
		{"status", &StatusError{Code: 404, URL: "http://a/"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := hostError("example.org", tc.err)
			if tc.want == "" {
				if got != tc.err {
					t.Fatalf("hostError changed %v into %v", tc.err, got)
				}
				return
			}
			var he *HostError
			if !errors.As(got, &he) || got.Error() != tc.want {
				t.Fatalf("hostError = %v, want %q", got, tc.want)
			}
			if !errors.Is(got, tc.err) && errors.Unwrap(got) != tc.err {
				t.Errorf("the network error is not kept: %v", errors.Unwrap(got))
			}
		})
	}
}

// TestUnreachableHostNotBlamedOnRobots: a host that does not resolve or refuses connections is reported as such,
// whether or not robots.txt is honoured, not as a robots.txt failure.
func TestUnreachableHostNotBlamedOnRobots(t *testing.T) {
	closed := httptest.NewServer(http.NotFoundHandler())
	closedURL := closed.URL
	closed.Close()
	refusedHost := strings.TrimPrefix(closedURL, "http://")
	live := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/go" {
			http.Redirect(w, r, "http://redirected.invalid/x", http.StatusFound)
			return
		}
		http.NotFound(w, r)
	}))
	defer live.Close()
	tests := []struct {
		name, url, want string
		ignoreRobots    bool
	}{
		{"no such host", "http://nonexistent.invalid/x", "fetch http://nonexistent.invalid/x: host nonexistent.invalid: no such host", false},
		{"no such host, robots ignored", "http://nonexistent.invalid/x", "fetch http://nonexistent.invalid/x: host nonexistent.invalid: no such host", true},
		{"refused", closedURL + "/x", "fetch " + closedURL + "/x: host " + refusedHost + ": connection refused", false},
		{"refused, robots ignored", closedURL + "/x", "fetch " + closedURL + "/x: host " + refusedHost + ": connection refused", true},
		{"redirect to a host that does not resolve", live.URL + "/go", "host redirected.invalid: no such host", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := testClient(Options{IgnoreRobots: tc.ignoreRobots}).Get(context.Background(), tc.url)
			var he *HostError
			if err == nil || !errors.As(err, &he) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want a *HostError containing %q", err, tc.want)
			}
			if strings.Contains(err.Error(), "robots.txt") {
				t.Errorf("blames robots.txt: %v", err)
			}
		})
	}
}
