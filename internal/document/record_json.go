package document

import (
	"encoding/binary"
	"unicode/utf8"

	"sitrep/internal/jsonstr"
)

// parseRecord reads a JSON Lines record into a zero rec as json.Unmarshal(line, rec) does, for the lines news
// datasets hold: an object whose values are strings (or null) under the record's field names, spelled exactly,
// or under other names; JSON whitespace anywhere between tokens. It reports false for any other line (a value
// of another type, a key that is a field's name in other letter case, invalid UTF-8, a lone surrogate escape,
// invalid JSON), which json.Unmarshal then reads: it decoded about half of ParseLine's time, and validated each
// line in a pass of its own first.
func parseRecord(line []byte, rec *record) bool {
	p := recordParser{b: line}
	p.ws()
	if !p.eat('{') {
		return false
	}
	p.ws()
	if p.peek() == '}' {
		p.i++
	} else {
		for {
			key, ok := p.str()
			if !ok {
				return false
			}
			p.ws()
			if !p.eat(':') {
				return false
			}
			p.ws()
			field := rec.field(key)
			switch {
			case field == nil && !plainKey(key):
				return false // a key json.Unmarshal might match case-insensitively to a field
			case p.null():
			default:
				s, ok := p.str()
				if !ok {
					return false
				}
				if field != nil {
					*field = s
				}
			}
			p.ws()
			if p.eat(',') {
				p.ws()
				continue
			}
			if !p.eat('}') {
				return false
			}
			break
		}
	}
	p.ws()
	return p.i == len(p.b)
}

// field is the field of rec named key exactly, or nil.
func (rec *record) field(key string) *string {
	switch key {
	case "id":
		return &rec.ID
	case "text":
		return &rec.Text
	case "html":
		return &rec.HTML
	case "published":
		return &rec.Published
	case "url":
		return &rec.URL
	case "title":
		return &rec.Title
	case "publisher":
		return &rec.Publisher
	case "source":
		return &rec.Source
	case "language":
		return &rec.Language
	}
	return nil
}

// plainKey reports whether json.Unmarshal would match key to no field of record: ASCII, and none of the
// fields' names in other letter case (encoding/json also folds 'k' and 's' with non-ASCII letters).
func plainKey(key string) bool {
	var lower [16]byte
	if len(key) > len(lower) {
		return true // longer than every field name
	}
	for i := 0; i < len(key); i++ {
		c := key[i]
		if c >= utf8.RuneSelf {
			return false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	var rec record
	return rec.field(string(lower[:len(key)])) == nil
}

// recordParser reads JSON from b.
type recordParser struct {
	b []byte
	i int
}

func (p *recordParser) peek() byte {
	if p.i < len(p.b) {
		return p.b[p.i]
	}
	return 0
}

func (p *recordParser) eat(c byte) bool {
	if p.peek() == c && p.i < len(p.b) {
		p.i++
		return true
	}
	return false
}

func (p *recordParser) ws() {
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *recordParser) null() bool {
	if p.i+4 <= len(p.b) && string(p.b[p.i:p.i+4]) == "null" {
		p.i += 4
		return true
	}
	return false
}

// str reads a string as encoding/json unquotes it; ok is false for a string it would read otherwise than
// here (invalid UTF-8, an invalid surrogate escape) and for invalid JSON.
func (p *recordParser) str() (string, bool) {
	if !p.eat('"') {
		return "", false
	}
	start, plain := p.i, true
	for {
		for p.i+8 <= len(p.b) && jsonstr.Quiet8(binary.LittleEndian.Uint64(p.b[p.i:])) {
			p.i += 8
		}
		if p.i >= len(p.b) {
			return "", false
		}
		switch c := p.b[p.i]; {
		case c == '"':
			s := p.b[start:p.i]
			p.i++
			if plain {
				if !utf8.Valid(s) {
					return "", false
				}
				return string(s), true
			}
			return jsonstr.Unescape(s)
		case c == '\\':
			plain = false
			p.i += 2
		case c < 0x20:
			return "", false
		default:
			p.i++
		}
	}
}
