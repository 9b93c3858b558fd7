package store

import (
	"encoding/binary"

	"sitrep/internal/event"
	"sitrep/internal/jsonstr"
)

// The head of a merge candidate's body (candidateHead) is read, for every candidate of every report, by a strict
// reader of json.Marshal's form in the style of body_decode.go: it decodes the fields the head holds (the
// incident's id, types, date, place, actors and creation, each report's document and event id) with jsonDec's
// readers, and steps over every other value (the summary, the figures, the merges, the reports' other fields and
// their events but for the id) without allocating. json.Unmarshal into candidateHead was about 12 µs a head, 5%
// of the CPU of ingesting into a store of a million incidents, most of it in its validating pass over the whole
// body and its reflection.
//
// Like the readers of body_decode.go it leaves to json.Unmarshal (decodeHeadJSON) any body not in the form it
// expects: a key it does not know at a level where the head has fields (json.Unmarshal ignores unknown keys but
// matches one in other letter case to a field), a repeated key, whitespace, a null or a number where json.Marshal
// writes neither, a head string with invalid UTF-8 or a lone surrogate escape, a number it cannot parse exactly,
// values nested deeper than maxSkipDepth. A value it steps over is checked as encoding/json's scanner checks it
// (a string's escapes and control bytes, a number's grammar, the literals, the nesting), so a body it accepts is
// one json.Unmarshal accepts; as json.Unmarshal does for a value no field takes, it does not look at the UTF-8
// of a string it steps over. TestDecodeHeadMatchesUnmarshal and FuzzDecodeHead compare both readers.

// maxSkipDepth is the deepest nesting of a value skip steps over; deeper values are left to json.Unmarshal.
const maxSkipDepth = 64

// unmarshalHead reads an incident body's head into inc, reporting whether the body was read whole in
// json.Marshal's form (else inc is to be discarded).
func unmarshalHead(b []byte, inc *event.Incident) bool {
	d := jsonDec{b: b}
	d.head(inc)
	return d.end()
}

// head reads the head of an incident body, as candidateHeadOf's incident() builds it: Reports is never nil, and
// each report holds only its document id and its event's id.
func (d *jsonDec) head(inc *event.Incident) {
	d.incident(inc, false, true)
	if inc.Reports == nil {
		inc.Reports = []event.Report{}
	}
}

// headEventID reads a report's whole event (or an {"id"} reference), returning its id.
func (d *jsonDec) headEventID() string {
	var id string
	var m uint32
	d.object(func(k []byte) {
		bit := -1
		switch string(k) {
		case "id":
			d.seen(&m, 0)
			id = d.str()
			return
		case "event_type":
			bit = 1
		case "sub_event_type":
			bit = 2
		case "summary":
			bit = 3
		case "date":
			bit = 4
		case "location":
			bit = 5
		case "actors":
			bit = 6
		case "fatalities":
			bit = 7
		case "injuries":
			bit = 8
		case "weapons":
			bit = 9
		case "targets":
			bit = 10
		case "claims":
			bit = 11
		case "sources":
			bit = 12
		case "evidence":
			bit = 13
		case "confidence":
			bit = 14
		case "explain":
			bit = 15
		default:
			d.bad = true
			return
		}
		d.seen(&m, bit)
		d.skip(0)
	})
	return id
}

// skip steps over one value of any type at depth depth (0 for a field's value), checking it as encoding/json's
// scanner checks it, without allocating.
func (d *jsonDec) skip(depth int) {
	if depth > maxSkipDepth {
		d.bad = true
		return
	}
	switch d.next() {
	case '"':
		d.skipString()
	case '{':
		d.object(func([]byte) { d.skip(depth + 1) })
	case '[':
		d.array(func() { d.skip(depth + 1) })
	case 't':
		d.literal("true")
	case 'f':
		d.literal("false")
	case 'n':
		d.literal("null")
	default:
		d.number()
	}
}

// literal consumes the literal lit, which must come next.
func (d *jsonDec) literal(lit string) {
	if d.i+len(lit) <= len(d.b) && string(d.b[d.i:d.i+len(lit)]) == lit {
		d.i += len(lit)
		return
	}
	d.bad = true
}

// skipString steps over a string token, checking its escapes and that it holds no control byte.
func (d *jsonDec) skipString() {
	d.eat('"')
	for !d.bad {
		for d.i+8 <= len(d.b) && jsonstr.Quiet8(binary.LittleEndian.Uint64(d.b[d.i:])) {
			d.i += 8
		}
		c := d.next()
		switch {
		case c == '"':
			d.i++
			return
		case c == '\\':
			d.i++
			switch d.next() {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				d.i++
			case 'u':
				d.i++
				for range 4 {
					if c := d.next(); !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
						d.bad = true
						return
					}
					d.i++
				}
			default:
				d.bad = true
			}
		case c < 0x20:
			d.bad = true
		default:
			d.i++
		}
	}
}
