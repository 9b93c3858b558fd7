package fetch

import (
	"context"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strings"
)

const defaultAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,application/json;q=0.8,*/*;q=0.5"

// Do sends r and reads the answer under the client's limits. A 304 to a conditional request returns a Response
// with NotModified set; any other status outside 2xx is a *StatusError.
func (c *Client) Do(ctx context.Context, r Request) (*Response, error) {
	u, err := url.Parse(r.URL)
	if err != nil {
		return nil, fmt.Errorf("fetch: parse url: %w", err)
	}
	if err := checkScheme(u); err != nil {
		return nil, fmt.Errorf("fetch %s: %w", r.URL, err)
	}
	if err := c.allowed(ctx, u); err != nil {
		return nil, fmt.Errorf("fetch %s: %w", r.URL, err)
	}
	if err := c.limit.wait(ctx, u.Host); err != nil {
		return nil, fmt.Errorf("fetch %s: %w", r.URL, err)
	}
	resp, err := c.send(ctx, u, r)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", r.URL, hostError(u.Host, err))
	}
	defer resp.Body.Close()
	out := &Response{
		URL:          resp.Request.URL.String(),
		Status:       resp.StatusCode,
		Header:       resp.Header,
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
	}
	out.ContentType, _, _ = mime.ParseMediaType(resp.Header.Get("Content-Type"))
	if resp.StatusCode == http.StatusNotModified {
		out.NotModified = true
		return out, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, &StatusError{Code: resp.StatusCode, URL: out.URL}
	}
	body, err := c.readBody(resp)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", out.URL, err)
	}
	out.Body, out.Charset = toUTF8(body, resp.Header.Get("Content-Type"), out.ContentType)
	c.log.Debug("fetched", "url", out.URL, "status", out.Status, "bytes", len(out.Body), "charset", out.Charset)
	return out, nil
}

// send builds and sends the GET request.
func (c *Client) send(ctx context.Context, u *url.URL, r Request) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	req.Header.Set("Accept-Encoding", "gzip, deflate")
	accept := r.Accept
	if accept == "" {
		accept = defaultAccept
	}
	req.Header.Set("Accept", accept)
	if r.ETag != "" {
		req.Header.Set("If-None-Match", r.ETag)
	}
	if r.LastModified != "" {
		req.Header.Set("If-Modified-Since", r.LastModified)
	}
	return c.http.Do(req)
}

// readBody reads the raw body and decodes its Content-Encoding, each step limited to MaxBytes.
func (c *Client) readBody(resp *http.Response) ([]byte, error) {
	limit := c.opts.MaxBytes
	if resp.ContentLength > limit {
		return nil, tooLarge(limit, fmt.Sprintf("declared length %d", resp.ContentLength))
	}
	raw, err := readLimited(resp.Body, limit, "body")
	if err != nil {
		return nil, err
	}
	return decodeContent(raw, resp.Header.Values("Content-Encoding"), limit)
}

// encodings splits Content-Encoding header values into lower-case codings, in the order they were applied.
func encodings(values []string) []string {
	var out []string
	for _, v := range values {
		for _, e := range strings.Split(v, ",") {
			if e = strings.ToLower(strings.TrimSpace(e)); e != "" && e != "identity" {
				out = append(out, e)
			}
		}
	}
	return out
}
