package fetch

import (
	"bytes"
	"testing"
)

// BenchmarkDecodeBody measures the body path of every fetch: gzip decoding under the limit, then charset
// decoding (windows-1252 here, the costliest common case) of a 100 KB page.
func BenchmarkDecodeBody(b *testing.B) {
	page := bytes.Repeat([]byte("<p>Shelling reported near the caf\xe9 on Monday, officials said.</p>\n"), 1600)
	raw := gzipped(page)
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		body, err := decodeContent(raw, []string{"gzip"}, DefaultMaxBytes)
		if err != nil {
			b.Fatal(err)
		}
		toUTF8(body, "text/html; charset=windows-1252", "text/html")
	}
}
