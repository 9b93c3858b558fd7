package fetch

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"fmt"
	"io"
)

// maxLayers bounds stacked Content-Encodings ("gzip, gzip").
const maxLayers = 2

// readLimited reads r to the end, failing with ErrTooLarge as soon as more than limit bytes arrive. It never
// holds more than limit+1 bytes.
func readLimited(r io.Reader, limit int64, what string) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", what, err)
	}
	if int64(len(b)) > limit {
		return nil, tooLarge(limit, what)
	}
	return b, nil
}

// decodeContent undoes the Content-Encodings of raw (applied in the listed order), each decoded layer limited
// to limit bytes, so a compression bomb stops after limit bytes of output.
func decodeContent(raw []byte, header []string, limit int64) ([]byte, error) {
	codings := encodings(header)
	if len(codings) > maxLayers {
		return nil, fmt.Errorf("%w: %d stacked encodings", ErrEncoding, len(codings))
	}
	for i := len(codings) - 1; i >= 0; i-- {
		r, err := decoder(codings[i], raw)
		if err != nil {
			return nil, err
		}
		raw, err = readLimited(r, limit, "decompressed body")
		r.Close()
		if err != nil {
			return nil, err
		}
	}
	return raw, nil
}

// decoder returns a reader that decodes one Content-Encoding.
func decoder(coding string, raw []byte) (io.ReadCloser, error) {
	switch coding {
	case "gzip", "x-gzip":
		r, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			return nil, fmt.Errorf("gzip: %w", err)
		}
		return r, nil
	case "deflate":
		// RFC 9110 deflate is zlib-wrapped; some servers send raw deflate.
		if r, err := zlib.NewReader(bytes.NewReader(raw)); err == nil {
			return r, nil
		}
		return flate.NewReader(bytes.NewReader(raw)), nil
	default:
		return nil, fmt.Errorf("%w: %q", ErrEncoding, coding)
	}
}
