package fetch

import (
	"bufio"
	"bytes"
	"strings"
)

// Robots is a parsed robots.txt (RFC 9309): the rules of the group that applies to one product token.
type Robots struct {
	rules []robotsRule
}

type robotsRule struct {
	allow   bool
	pattern string
}

// maxRobotsBytes is the part of a robots.txt that is parsed (RFC 9309 asks for at least 500 KiB).
const maxRobotsBytes = 512 << 10

// ParseRobots reads a robots.txt and keeps the rules for agent (a product token such as "sitrep"; matched case
// insensitively), or those of the "*" group when no group names the agent. Unknown lines are ignored.
func ParseRobots(data []byte, agent string) *Robots {
	agent = strings.ToLower(agent)
	var own, star []robotsRule
	var ownSeen bool
	var groupAgents []string
	inRules := false
	sc := bufio.NewScanner(bytes.NewReader(data[:min(len(data), maxRobotsBytes)]))
	sc.Buffer(make([]byte, 0, 4096), maxRobotsBytes)
	for sc.Scan() {
		key, val, ok := robotsLine(sc.Text())
		if !ok {
			continue
		}
		switch key {
		case "user-agent":
			if inRules {
				groupAgents, inRules = nil, false
			}
			groupAgents = append(groupAgents, strings.ToLower(val))
		case "allow", "disallow":
			inRules = true
			r := robotsRule{allow: key == "allow", pattern: val}
			for _, a := range groupAgents {
				switch {
				case a == agent:
					own, ownSeen = append(own, r), true
				case a == "*":
					star = append(star, r)
				}
			}
		}
	}
	if ownSeen {
		return &Robots{rules: own}
	}
	return &Robots{rules: star}
}

// robotsLine splits "Key: value # comment" into a lower-case key and a value.
func robotsLine(line string) (key, val string, ok bool) {
	if i := strings.IndexByte(line, '#'); i >= 0 {
		line = line[:i]
	}
	k, v, ok := strings.Cut(line, ":")
	if !ok {
		return "", "", false
	}
	return strings.ToLower(strings.TrimSpace(k)), strings.TrimSpace(v), true
}

// Allowed reports whether path (with its query) may be fetched: the longest matching rule wins, Allow on a tie;
// no matching rule allows. A nil *Robots allows everything.
func (r *Robots) Allowed(path string) bool {
	if r == nil {
		return true
	}
	if path == "" {
		path = "/"
	}
	best, allow := -1, true
	for _, rule := range r.rules {
		if rule.pattern == "" || !matchRobots(rule.pattern, path) {
			continue
		}
		n := len(rule.pattern)
		if n > best || (n == best && rule.allow) {
			best, allow = n, rule.allow
		}
	}
	return allow
}

// matchRobots matches a robots.txt path pattern ('*' any run, final '$' end of path) against the start of path.
func matchRobots(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	pattern = strings.TrimSuffix(pattern, "$")
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(path, parts[0]) {
		return false
	}
	rest := path[len(parts[0]):]
	for i, p := range parts[1:] {
		last := i == len(parts)-2
		if last && anchored {
			return strings.HasSuffix(rest, p)
		}
		j := strings.Index(rest, p)
		if j < 0 {
			return false
		}
		rest = rest[j+len(p):]
	}
	return !anchored || rest == ""
}
