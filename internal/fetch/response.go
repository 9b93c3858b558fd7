package fetch

import "net/http"

// Request is a GET with optional validators for a conditional request (a feed poll).
type Request struct {
	URL          string
	ETag         string // sent as If-None-Match when set
	LastModified string // sent as If-Modified-Since when set (the server's own string, unparsed)
	Accept       string // the Accept header; a browser-like default when ""
}

// Response is a fetched document.
type Response struct {
	URL    string      // the final URL after redirects
	Status int         // HTTP status code
	Header http.Header // response headers
	// Body is decompressed and, for textual types, decoded to UTF-8 (invalid sequences become U+FFFD). The
	// encoding of a leading XML declaration is rewritten to UTF-8; an HTML <meta charset> is left as it was, so
	// parse Body as UTF-8 whatever it says.
	Body         []byte
	ContentType  string // the media type without parameters, lower case ("text/html")
	Charset      string // the charset the body was decoded from ("utf-8", "windows-1252"); "" for binary
	ETag         string // the ETag header, for the next conditional request
	LastModified string // the Last-Modified header, for the next conditional request
	NotModified  bool   // the server answered 304 to a conditional request; Body is empty
}
