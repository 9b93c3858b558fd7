package document

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
)

// formatByExt guesses the format from a file name or URL path; "" when the extension says nothing.
func formatByExt(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml", ".shtml":
		return FormatHTML
	case ".jsonl", ".ndjson":
		return FormatJSONL
	case ".txt", ".text":
		return FormatText
	}
	return ""
}

// formatByType guesses the format from a media type; "" when it says nothing.
func formatByType(mediaType string) string {
	switch {
	case mediaType == "text/html", mediaType == "application/xhtml+xml":
		return FormatHTML
	case mediaType == "application/jsonl", mediaType == "application/x-ndjson", mediaType == "application/json-seq",
		mediaType == "application/x-jsonlines", mediaType == "application/jsonlines":
		return FormatJSONL
	case mediaType == "text/plain":
		return FormatText
	}
	return ""
}

// htmlStarts are tags that make a document starting with them HTML.
var htmlStarts = []string{"<!doctype html", "<html", "<head", "<body", "<article", "<div", "<p>", "<p ", "<meta",
	"<title", "<section", "<main", "<!--"}

// utf8BOM is the UTF-8 byte order mark, which some editors and tools put before a text.
const utf8BOM = "\xEF\xBB\xBF"

// sniffStart is head without a byte order mark and the white space before its first character: where sniffing
// looks.
func sniffStart(head []byte) []byte {
	return bytes.TrimLeft(bytes.TrimPrefix(head, []byte(utf8BOM)), " \t\r\n")
}

// sniffFormat guesses the format from the first bytes.
func sniffFormat(head []byte) string {
	head = sniffStart(head)
	if len(head) > 0 && head[0] == '{' {
		return FormatJSONL
	}
	lower := bytes.ToLower(head[:min(len(head), 1024)])
	for _, s := range htmlStarts {
		if bytes.HasPrefix(lower, []byte(s)) {
			return FormatHTML
		}
	}
	if bytes.Contains(lower, []byte("<html")) || bytes.Contains(lower, []byte("<!doctype html")) {
		return FormatHTML
	}
	return FormatText
}

// checkFormat validates Options.Format and returns it with "" as auto.
func checkFormat(f string) (string, error) {
	switch f = strings.ToLower(f); f {
	case "", FormatAuto:
		return FormatAuto, nil
	case FormatText, FormatHTML, FormatJSONL:
		return f, nil
	}
	return "", fmt.Errorf("%w %q: want auto, text, html or jsonl", ErrFormat, f)
}
