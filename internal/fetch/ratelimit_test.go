package fetch

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestHostLimiterReserve(t *testing.T) {
	h := newHostLimiter(time.Second)
	now := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	steps := []struct {
		host string
		at   time.Duration
		want time.Duration
	}{
		{"a.example", 0, 0},
		{"a.example", 0, time.Second},
		{"a.example", 0, 2 * time.Second},
		{"b.example", 0, 0},
		{"a.example", 5 * time.Second, 0},
		{"a.example", 5*time.Second + 300*time.Millisecond, 700 * time.Millisecond},
	}
	for i, s := range steps {
		if got := h.reserve(s.host, now.Add(s.at)); got != s.want {
			t.Errorf("step %d (%s at %v): wait %v, want %v", i, s.host, s.at, got, s.want)
		}
	}
}

func TestHostIntervalWaitsAndHonoursContext(t *testing.T) {
	srv := newTestServer(t)
	c := testClient(Options{IgnoreRobots: true, HostInterval: time.Hour})
	if _, err := c.Get(context.Background(), srv.URL+"/page"); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.Get(ctx, srv.URL+"/page"); !errors.Is(err, context.Canceled) ||
		!strings.Contains(err.Error(), "host interval") {
		t.Fatalf("second request within the interval: %v, want it to wait and see the cancelled context", err)
	}
}
