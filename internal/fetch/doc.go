// Package fetch is sitrep's one HTTP client for everything it downloads: articles, feeds and robots.txt.
//
// Every request is guarded:
//   - only http and https URLs, on every hop of a redirect chain;
//   - the IP address actually dialled (after DNS resolution, so DNS rebinding and redirects are covered) must be
//     public: loopback, private (RFC 1918, IPv6 ULA), link-local, unspecified, multicast, CGNAT (100.64.0.0/10)
//     and other reserved ranges are refused with ErrPrivateAddress unless Options.AllowPrivate is set;
//   - the body is limited to Options.MaxBytes both as sent and after decoding gzip or deflate, so a compression
//     bomb stops at the limit without allocating more (ErrTooLarge);
//   - total time (connect, headers and body) is limited by Options.Timeout and by the context;
//   - robots.txt of each host is honoured (cached per host) unless Options.IgnoreRobots is set.
//
// Bodies of textual responses are decoded to UTF-8 (charset from the Content-Type header, a byte order mark, an
// HTML <meta> or an XML declaration; windows-1252 when nothing says and the bytes are not UTF-8).
// Conditional GET is supported through Client.Do with Request.ETag and Request.LastModified: a 304 answer comes back
// as a Response with NotModified set and no error.
package fetch
