package sources

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// ReadURLs reads a list of URLs, one a line; blank lines and lines starting with # are skipped. A line that is
// not an http(s) URL is an error naming name and the line number.
func ReadURLs(r io.Reader, name string) ([]string, error) {
	var out []string
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !IsURL(line) {
			return out, fmt.Errorf("%s:%d: %q is not an http(s) URL", name, n, line)
		}
		out = append(out, line)
	}
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

// IsURL reports whether s is an http or https URL (by its scheme; the fetch client checks the rest).
func IsURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}
