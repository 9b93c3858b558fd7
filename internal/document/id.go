package document

import (
	"crypto/sha256"
	"encoding/hex"
	"net"
	"net/url"
	"sort"
	"strings"
)

// idDigits is how many hex digits of the SHA-256 an id keeps (96 bits).
const idDigits = 24

// ID returns the stable id of a document with the given URL and text: "u"+hash of CanonicalURL(rawURL) when
// rawURL is an http(s) URL, else "c"+hash of text.
func ID(rawURL, text string) string {
	if c := CanonicalURL(rawURL); c != "" {
		return "u" + hashHex(c)
	}
	return "c" + hashHex(text)
}

// hashHex hashes s in chunks, so that a large text is not copied whole.
func hashHex(s string) string {
	h := sha256.New()
	var buf [32 << 10]byte
	for len(s) > 0 {
		n := copy(buf[:], s)
		h.Write(buf[:n])
		s = s[n:]
	}
	return hex.EncodeToString(h.Sum(nil))[:idDigits]
}

// trackingParams are query parameters that do not change what a page is.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "msclkid": true, "mc_cid": true, "mc_eid": true,
	"igshid": true, "ref_src": true, "cmpid": true, "ocid": true, "ito": true,
}

// CanonicalURL normalises an http(s) URL so that one page has one form: lower-case scheme and host, no default
// port, no fragment, no user info, tracking parameters (utm_*, fbclid, gclid...) dropped, the remaining query
// sorted, an empty path as "/". It returns "" for anything that is not an absolute http(s) URL.
func CanonicalURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return ""
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	host, port := strings.ToLower(u.Hostname()), u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	switch {
	case port != "":
		host = net.JoinHostPort(host, port)
	case strings.Contains(host, ":"):
		host = "[" + host + "]"
	}
	u.Host, u.User, u.Fragment, u.RawFragment = host, nil, "", ""
	if u.Path == "" {
		u.Path = "/"
	}
	u.RawQuery = canonicalQuery(u.Query())
	return u.String()
}

// canonicalQuery drops tracking parameters and sorts the rest.
func canonicalQuery(q url.Values) string {
	for k := range q {
		lk := strings.ToLower(k)
		if strings.HasPrefix(lk, "utm_") || trackingParams[lk] {
			delete(q, k)
		}
	}
	for _, v := range q {
		sort.Strings(v)
	}
	return q.Encode()
}
