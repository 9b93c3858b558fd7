package document

import (
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

// normalizeString turns raw text into the text spans point into: UTF-16 with a BOM decoded, a UTF-8 BOM
// dropped, line ends as LF, invalid UTF-8 repaired to U+FFFD. It refuses binary data and input without visible
// text. It copies s only to decode UTF-16 or to repair invalid UTF-8 or line ends, so that a large text is held
// once.
func normalizeString(s string) (string, error) {
	if strings.HasPrefix(s, "\xff\xfe") || strings.HasPrefix(s, "\xfe\xff") {
		dec := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
		if u, err := dec.String(s); err == nil {
			s = u
		}
	}
	s = strings.TrimPrefix(s, utf8BOM)
	if IsBinary([]byte(s[:min(len(s), sniffLen)])) {
		return "", ErrBinary
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	}
	if strings.TrimSpace(s) == "" {
		return "", ErrEmpty
	}
	return s, nil
}

// named wraps a normalisation error with the input's name, when there is one.
func named(s string, err error, name string) (string, error) {
	if err != nil && name != "" {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	if err != nil {
		return "", err
	}
	return s, nil
}
