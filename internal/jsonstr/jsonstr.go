// Package jsonstr holds the pieces of a strict JSON string reader shared by sitrep's readers of JSON in
// json.Marshal's form (the store's bodies, JSON Lines records): eight bytes of a plain run at a time (Quiet8)
// and the unescaping of a string that holds escapes (Unescape), each exactly as encoding/json reads what it
// accepts, and refusing (for the caller to fall back to encoding/json) what it would read otherwise.
package jsonstr

import (
	"bytes"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// Bytes of a word: lo has 1 in every byte, hi the top bit of every byte.
const lo, hi = 0x0101010101010101, 0x8080808080808080

// Quiet8 reports whether none of the eight bytes of x (little-endian, as binary.LittleEndian.Uint64 reads
// them) ends a string's plain run: none is '"', '\\' or a control byte. (v-lo)&^v&hi is not 0 when v has a
// zero byte, (x-lo*0x20)&^x&hi when x has a byte below 0x20; bytes of 0x80 and above count as quiet (the
// caller checks UTF-8 validity of the run).
func Quiet8(x uint64) bool {
	q, b := x^(lo*'"'), x^(lo*'\\')
	return ((x-lo*0x20)&^x|(q-lo)&^q|(b-lo)&^b)&hi == 0
}

// Unescape is the contents s of a JSON string holding escapes (without its quotes), unescaped as
// encoding/json unescapes it; ok is false where encoding/json would read it otherwise (invalid UTF-8, a lone
// surrogate escape, which it reads as U+FFFD) or not at all (an invalid escape).
func Unescape(s []byte) (string, bool) {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		if s[i] != '\\' {
			j := len(s)
			if k := bytes.IndexByte(s[i+1:], '\\'); k >= 0 {
				j = i + 1 + k
			}
			if !utf8.Valid(s[i:j]) {
				return "", false
			}
			out = append(out, s[i:j]...)
			i = j
			continue
		}
		if i+1 >= len(s) {
			return "", false
		}
		switch e := s[i+1]; e {
		case '"', '\\', '/':
			out = append(out, e)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, ok := hex4(s[i+2:])
			if !ok {
				return "", false
			}
			i += 6
			if utf16.IsSurrogate(r) {
				r2, ok := rune(0), false
				if i+1 < len(s) && s[i] == '\\' && s[i+1] == 'u' {
					r2, ok = hex4(s[i+2:])
				}
				r = utf16.DecodeRune(r, r2)
				if !ok || r == utf8.RuneError {
					return "", false // a lone surrogate, which encoding/json reads as U+FFFD
				}
				i += 6
			}
			out = utf8.AppendRune(out, r)
			continue
		default:
			return "", false
		}
		i += 2
	}
	return ownString(out), true
}

// ownString is out as a string, made over out (which must not be written again) rather than copied: a JSON
// Lines document's text was allocated and copied twice. Unless escapes left much of out unused (\uXXXX
// escapes of Cyrillic or Arabic text take 6 bytes for 2): the string would keep the whole buffer alive, up to
// three times its length, for as long as a document's text is kept (the store's event cache counts the text's
// length), so it is copied then.
func ownString(out []byte) string {
	if cap(out)-len(out) > len(out)/4 {
		return string(out)
	}
	return unsafe.String(unsafe.SliceData(out), len(out))
}

// hex4 reads the four hex digits at the start of s.
func hex4(s []byte) (rune, bool) {
	if len(s) < 4 {
		return 0, false
	}
	for _, c := range s[:4] {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return 0, false
		}
	}
	v, err := strconv.ParseUint(string(s[:4]), 16, 32)
	return rune(v), err == nil
}
