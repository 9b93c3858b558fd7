package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"
)

// robotsCache keeps the parsed robots.txt of recently seen hosts.
type robotsCache struct {
	mu      sync.Mutex
	max     int
	ttl     time.Duration
	entries map[string]robotsEntry
}

type robotsEntry struct {
	robots  *Robots
	denyAll bool // robots.txt answered 5xx: the host is treated as fully disallowed for a while (RFC 9309)
	expires time.Time
}

func newRobotsCache(max int, ttl time.Duration) *robotsCache {
	return &robotsCache{max: max, ttl: ttl, entries: map[string]robotsEntry{}}
}

func (rc *robotsCache) get(key string, now time.Time) (robotsEntry, bool) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	e, ok := rc.entries[key]
	if !ok || now.After(e.expires) {
		return robotsEntry{}, false
	}
	return e, true
}

func (rc *robotsCache) put(key string, e robotsEntry, now time.Time) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if len(rc.entries) >= rc.max {
		for k, old := range rc.entries {
			if now.After(old.expires) || len(rc.entries) >= rc.max {
				delete(rc.entries, k)
			}
		}
	}
	rc.entries[key] = e
}

// agentToken is the robots.txt product token of a User-Agent: its first word up to a '/'.
func agentToken(ua string) string {
	tok, _, _ := strings.Cut(strings.Fields(ua + " x")[0], "/")
	return strings.ToLower(tok)
}

// allowed checks u against its host's robots.txt, fetching and caching it when needed.
func (c *Client) allowed(ctx context.Context, u *url.URL) error {
	if c.opts.IgnoreRobots || u.Path == "/robots.txt" {
		return nil
	}
	key := strings.ToLower(u.Scheme + "://" + u.Host)
	now := time.Now()
	e, ok := c.robots.get(key, now)
	if !ok {
		var err error
		if e, err = c.loadRobots(ctx, key); err != nil {
			return err
		}
		c.robots.put(key, e, now)
	}
	if e.denyAll || !e.robots.Allowed(u.RequestURI()) {
		return fmt.Errorf("%w: %s", ErrRobots, u.String())
	}
	return nil
}

// loadRobots fetches base/robots.txt. A 4xx answer allows everything; a 5xx disallows everything for ten
// minutes; a network error (including ErrPrivateAddress) is returned so the caller sees why.
func (c *Client) loadRobots(ctx context.Context, base string) (robotsEntry, error) {
	sub := *c
	sub.opts.MaxBytes = maxRobotsBytes
	resp, err := sub.Do(ctx, Request{URL: base + "/robots.txt", Accept: "text/plain"})
	var se *StatusError
	switch {
	case errors.As(err, &se) && se.Code >= 500:
		return robotsEntry{denyAll: true, expires: time.Now().Add(10 * time.Minute)}, nil
	case errors.As(err, &se), errors.Is(err, ErrTooLarge):
		return robotsEntry{expires: time.Now().Add(c.robots.ttl)}, nil
	case errors.Is(err, ErrPrivateAddress):
		// The article itself would be refused for the same reason; say that, not that robots.txt failed.
		return robotsEntry{}, fmt.Errorf("%w: %s", ErrPrivateAddress, strings.TrimPrefix(strings.TrimPrefix(base, "http://"), "https://"))
	case err != nil:
		// A host that does not resolve or refuses connections is the article's problem too: say that, not that
		// robots.txt failed.
		var he *HostError
		if errors.As(err, &he) && strings.EqualFold(he.Host, strings.TrimPrefix(strings.TrimPrefix(base, "http://"), "https://")) {
			return robotsEntry{}, he
		}
		return robotsEntry{}, fmt.Errorf("robots.txt: %w", err)
	}
	return robotsEntry{robots: ParseRobots(resp.Body, agentToken(c.opts.UserAgent)), expires: time.Now().Add(c.robots.ttl)}, nil
}
