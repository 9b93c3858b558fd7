package document

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
)

// sniffLen is how much of the input the binary test and the format sniffing look at.
const sniffLen = 8 << 10

// IsBinary reports whether b looks like binary data rather than text: a NUL byte or more than 10% control bytes
// (other than tab, LF, CR, FF and ESC) in its first 8 KiB.
func IsBinary(b []byte) bool {
	b = b[:min(len(b), sniffLen)]
	ctl := 0
	for _, c := range b {
		switch {
		case c == 0:
			return true
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b, c == 0x7f:
			ctl++
		}
	}
	return len(b) > 0 && ctl*10 > len(b)
}

// normalizeText turns raw bytes into the text spans point into: UTF-16 with a BOM decoded, a UTF-8 BOM dropped,
// line ends as LF, invalid UTF-8 repaired to U+FFFD. It refuses binary data and input without visible text.
func normalizeText(b []byte) (string, error) {
	if bytes.HasPrefix(b, []byte{0xff, 0xfe}) || bytes.HasPrefix(b, []byte{0xfe, 0xff}) {
		dec := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
		if u, err := dec.Bytes(b); err == nil {
			b = u
		}
	}
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	if IsBinary(b) {
		return "", ErrBinary
	}
	if !utf8.Valid(b) {
		b = bytes.ToValidUTF8(b, []byte("\uFFFD"))
	}
	s := string(b)
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	}
	if strings.TrimSpace(s) == "" {
		return "", ErrEmpty
	}
	return s, nil
}

// checkText wraps normalizeText's errors with the input's name.
func checkText(b []byte, name string) (string, error) {
	s, err := normalizeText(b)
	if err != nil && name != "" {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	if err != nil {
		return "", err
	}
	return s, nil
}
