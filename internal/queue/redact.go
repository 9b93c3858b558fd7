package queue

import (
	"net/url"
	"strings"
)

// redact hides passwords and tokens in a (possibly comma-separated) NATS URL for logs and errors.
func redact(raw string) string {
	parts := strings.Split(raw, ",")
	for i, p := range parts {
		u, err := url.Parse(strings.TrimSpace(p))
		if err != nil || u.User == nil {
			continue
		}
		parts[i] = u.Redacted()
		if _, hasPass := u.User.Password(); !hasPass {
			u.User = url.User("xxxxx")
			parts[i] = u.String()
		}
	}
	return strings.Join(parts, ",")
}
