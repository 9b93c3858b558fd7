package fetch

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/transform"
)

// xmlDecl finds the encoding of an XML declaration at the start of a document.
var xmlDecl = regexp.MustCompile(`^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']`)

// isText reports whether a media type carries text that should be decoded to UTF-8.
func isText(mediaType string) bool {
	switch {
	case mediaType == "", strings.HasPrefix(mediaType, "text/"):
		return true
	case strings.HasSuffix(mediaType, "xml"), strings.HasSuffix(mediaType, "json"):
		return true
	case mediaType == "application/javascript", mediaType == "application/x-www-form-urlencoded":
		return true
	}
	return false
}

// toUTF8 decodes body to UTF-8 and names the charset it came from. The charset comes from a byte order mark,
// the Content-Type header, an XML declaration, an HTML <meta> in the first 1024 bytes, or is guessed (UTF-8 when
// the bytes are valid UTF-8, else windows-1252, as browsers do). Binary media types are returned unchanged.
func toUTF8(body []byte, contentType, mediaType string) ([]byte, string) {
	if !isText(mediaType) {
		return body, ""
	}
	enc, name := pickEncoding(body, contentType, mediaType)
	if enc == nil || enc == encoding.Nop || name == "utf-8" {
		return validUTF8(stripBOM(body)), "utf-8"
	}
	out, _, err := transform.Bytes(enc.NewDecoder(), body)
	if err != nil {
		return bytes.ToValidUTF8(body, []byte("\uFFFD")), "utf-8"
	}
	return relabelXML(validUTF8(out)), name
}

// relabelXML rewrites the encoding of a leading XML declaration to UTF-8, so that XML parsers do not decode the
// already decoded body a second time.
func relabelXML(b []byte) []byte {
	m := xmlDecl.FindSubmatchIndex(b[:min(len(b), 256)])
	if m == nil {
		return b
	}
	out := make([]byte, 0, len(b))
	out = append(out, b[:m[2]]...)
	out = append(out, "UTF-8"...)
	return append(out, b[m[3]:]...)
}

// pickEncoding chooses the encoding of body.
func pickEncoding(body []byte, contentType, mediaType string) (encoding.Encoding, string) {
	if strings.Contains(mediaType, "xml") && !strings.Contains(strings.ToLower(contentType), "charset=") {
		head := body[:min(len(body), 256)]
		if m := xmlDecl.FindSubmatch(head); m != nil {
			if e, name := charset.Lookup(string(m[1])); e != nil {
				return e, name
			}
		}
	}
	e, name, certain := charset.DetermineEncoding(body, contentType)
	if !certain && name == "windows-1252" && utf8.Valid(body) {
		return encoding.Nop, "utf-8"
	}
	return e, name
}

// validUTF8 replaces invalid byte sequences with U+FFFD.
func validUTF8(b []byte) []byte {
	if utf8.Valid(b) {
		return b
	}
	return bytes.ToValidUTF8(b, []byte("\uFFFD"))
}

// stripBOM drops a UTF-8 byte order mark.
func stripBOM(b []byte) []byte { return bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF")) }

// ToUTF8 decodes a textual body to UTF-8 by the same rules as Client.Get (byte order mark, the charset of
// contentType, an XML declaration or HTML <meta>, else UTF-8 when valid, else windows-1252) and names the charset
// it came from. Use it for documents read from files.
func ToUTF8(body []byte, contentType string) ([]byte, string) {
	media, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(contentType)), ";")
	return toUTF8(body, contentType, strings.TrimSpace(media))
}
