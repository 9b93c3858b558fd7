package pipeline

import (
	"context"
	"errors"
	"io/fs"
	"net"
	"strconv"

	"sitrep/internal/document"
	"sitrep/internal/extract"
	"sitrep/internal/fetch"
)

// Reasoner is an error that names its own Reason (feed parse errors do).
type Reasoner interface {
	error
	Reason() string
}

// reasons maps sentinel errors to the short reason summaries group failures by.
var reasons = []struct {
	err    error
	reason string
}{
	{context.DeadlineExceeded, "timeout"},
	{context.Canceled, "canceled"},
	{fetch.ErrPrivateAddress, "private address refused"},
	{fetch.ErrTooLarge, "too large"},
	{document.ErrTooLarge, "too large"},
	{fetch.ErrTooManyRedirects, "too many redirects"},
	{fetch.ErrRobots, "disallowed by robots.txt"},
	{fetch.ErrScheme, "unsupported url scheme"},
	{fetch.ErrEncoding, "unsupported content encoding"},
	{document.ErrBinary, "binary"},
	{document.ErrEmpty, "empty"},
	{document.ErrNoArticle, "no article text"},
	{document.ErrInvalidLine, "invalid jsonl record"},
	{document.ErrFormat, "unknown format"},
	{extract.ErrUnsupportedLanguage, "unsupported language"},
	{fs.ErrNotExist, "no such file"},
	{fs.ErrPermission, "permission denied"},
	{ErrIDConflict, "id conflict"},
	{ErrStore, "store"},
	{ErrExtract, "extraction"},
}

// Reason is a short, stable description of why err happened ("http 404", "timeout", "unsupported language"),
// to group failures in summaries, metrics and source listings. Unknown errors give "other".
func Reason(err error) string {
	if err == nil {
		return ""
	}
	var r Reasoner
	if errors.As(err, &r) {
		return r.Reason()
	}
	var se *fetch.StatusError
	if errors.As(err, &se) {
		return "http " + strconv.Itoa(se.Code)
	}
	for _, x := range reasons {
		if errors.Is(err, x.err) {
			return x.reason
		}
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return "timeout"
	}
	var dns *net.DNSError
	if errors.As(err, &dns) {
		return "dns"
	}
	var op *net.OpError
	if errors.As(err, &op) {
		return "network"
	}
	return "other"
}
