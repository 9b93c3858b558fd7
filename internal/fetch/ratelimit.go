package fetch

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"
)

// hostLimiter spaces requests to one host at least interval apart.
type hostLimiter struct {
	mu       sync.Mutex
	interval time.Duration
	next     map[string]time.Time // host -> earliest start of its next request
}

func newHostLimiter(interval time.Duration) *hostLimiter {
	return &hostLimiter{interval: interval, next: map[string]time.Time{}}
}

// wait blocks until a request to host may start, or ctx ends. A nil limiter never waits.
func (h *hostLimiter) wait(ctx context.Context, host string) error {
	if h == nil {
		return nil
	}
	delay := h.reserve(strings.ToLower(host), time.Now())
	if delay <= 0 {
		return nil
	}
	t := time.NewTimer(delay)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return fmt.Errorf("waiting %v for the host interval: %w", delay.Round(time.Millisecond), ctx.Err())
	case <-t.C:
		return nil
	}
}

// reserve books the next slot for host and returns how long to wait for it.
func (h *hostLimiter) reserve(host string, now time.Time) time.Duration {
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(h.next) > 4096 {
		for k, t := range h.next {
			if t.Before(now) {
				delete(h.next, k)
			}
		}
	}
	start := now
	if n := h.next[host]; n.After(now) {
		start = n
	}
	h.next[host] = start.Add(h.interval)
	return start.Sub(now)
}
