package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"sitrep/internal/event"
	"sitrep/internal/jsonstr"
)

// The merge path's and the readers' decoding of events.body and of incident bodies reads JSON in the form
// json.Marshal (and the appenders of body_json.go) writes it, without encoding/json's reflection and its
// validating pass over the input (json.Unmarshal was about 3% of an ingest's CPU there). It is strict: any
// other form (an unknown or repeated key, a key in other letter case, a null or a number where json.Marshal
// writes neither, a lone surrogate escape, invalid UTF-8, ...) is left to json.Unmarshal, which decodes it as before
// or returns its error. TestDecodeJSONMatchesUnmarshal compares both on the demo corpus's bodies, randomly
// filled ones, and altered ones.

// jsonDec reads one JSON value from b.
type jsonDec struct {
	b   []byte
	i   int
	bad bool // not the form json.Marshal writes: decode with json.Unmarshal instead
	// doc, with hasDoc set, is the text of the event's document: a span written as its offsets (marshalEventIn)
	// takes its text from it.
	doc     string
	hasDoc  bool
	offsets bool // the body begins with offsetsKey: a span may be its offsets
}

// unmarshalEvent is json.Unmarshal(b, ev) into a zero ev.
func unmarshalEvent(b []byte, ev *event.Event) error {
	d := jsonDec{b: b}
	d.event(ev)
	if d.end() {
		return nil
	}
	*ev = event.Event{}
	return json.Unmarshal(b, ev)
}

// unmarshalEventIn reads events.body, b, into a zero ev: the text of a span written as its offsets
// (marshalEventIn) is a copy of doc's bytes at them (the event does not keep doc), doc being the text of the
// event's document (hasDoc; without it such a body is an error). A body without offsets reads as unmarshalEvent
// reads it.
func unmarshalEventIn(b []byte, doc string, hasDoc bool, ev *event.Event) error {
	if !hasDoc && bytes.HasPrefix(b, offsetsPrefix) {
		return errNoDocText
	}
	d := jsonDec{b: b, doc: doc, hasDoc: hasDoc}
	d.event(ev)
	if d.end() {
		return nil
	}
	*ev = event.Event{}
	return json.Unmarshal(b, ev) // an error for a body holding offsets
}

// errNoDocText is unmarshalEventIn's error for a body that holds spans as offsets read without its document's text.
var errNoDocText = errors.New("body holds span offsets but its document's text is missing")

// offsetsPrefix is offsetsKey without its comma: the first bytes of a body that holds spans as offsets.
var offsetsPrefix = []byte(offsetsKey[:len(offsetsKey)-1])

// docTextCondition holds for an events row whose body holds spans as offsets (it begins with offsetsKey): the
// events query (eventsQueries) reads the document's text for those only. It reads only the body's first bytes.
var docTextCondition = `substr(body, 1, ` + strconv.Itoa(len(offsetsPrefix)) + `) = '` + string(offsetsPrefix) + `'`

// unmarshalBody is json.Unmarshal(b, inc) into a zero inc, each report's event also read from a string (a
// reference: the event's id) when refs is set.
func unmarshalBody(b []byte, inc *event.Incident, refs bool) bool {
	d := jsonDec{b: b}
	d.incident(inc, refs, false)
	if d.end() {
		return true
	}
	*inc = event.Incident{}
	return false
}

// end reports whether the value was read whole, in json.Marshal's form, with nothing after it.
func (d *jsonDec) end() bool {
	return !d.bad && d.i == len(d.b)
}

// next is the next byte, or 0 at the end (marking d bad).
func (d *jsonDec) next() byte {
	if d.i < len(d.b) {
		return d.b[d.i]
	}
	d.bad = true
	return 0
}

// eat consumes the byte c, which must come next.
func (d *jsonDec) eat(c byte) {
	if d.next() != c {
		d.bad = true
		return
	}
	d.i++
}

// null consumes a null if one comes next.
func (d *jsonDec) null() bool {
	if d.i+4 <= len(d.b) && string(d.b[d.i:d.i+4]) == "null" {
		d.i += 4
		return true
	}
	return false
}

// object reads an object, calling field for each key (checked as skipString checks a string) with d positioned
// at its value; field reads the value, or marks d bad for a key it does not know. It stops at the first error.
func (d *jsonDec) object(field func(key []byte)) {
	d.eat('{')
	if d.bad {
		return
	}
	if d.next() == '}' {
		d.i++
		return
	}
	for !d.bad {
		start := d.i
		d.skipString()
		key := d.b[start:min(d.i, len(d.b))]
		d.eat(':')
		if d.bad {
			return
		}
		field(key[1 : len(key)-1])
		if d.bad {
			return
		}
		switch d.next() {
		case ',':
			d.i++
		case '}':
			d.i++
			return
		default:
			d.bad = true
		}
	}
}

// array reads an array, calling elem for each element; ok is false for null (and for an error).
func (d *jsonDec) array(elem func()) (ok bool) {
	if d.null() {
		return false
	}
	d.eat('[')
	if d.bad {
		return false
	}
	if d.next() == ']' {
		d.i++
		return true
	}
	for !d.bad {
		elem()
		switch d.next() {
		case ',':
			d.i++
		case ']':
			d.i++
			return !d.bad
		default:
			d.bad = true
		}
	}
	return false
}

// seen marks field bit of an object read; a key read twice marks d bad (json.Unmarshal would merge the
// second value into the first).
func (d *jsonDec) seen(mask *uint32, bit int) {
	if *mask&(1<<bit) != 0 {
		d.bad = true
	}
	*mask |= 1 << bit
}

// rawString consumes a string token and returns it with its quotes, unescaped. It holds no control byte.
func (d *jsonDec) rawString() []byte {
	start := d.i
	d.eat('"')
	for !d.bad {
		c := d.next()
		switch {
		case c == '"':
			d.i++
			return d.b[start:d.i]
		case c == '\\':
			d.i += 2
		case c < 0x20:
			d.bad = true
		default:
			d.i++
		}
	}
	return d.b[start:min(d.i, len(d.b))]
}

// str reads a string: without escapes, its bytes (valid UTF-8); with them, unescaped as encoding/json does,
// except that a surrogate escape is left to json.Unmarshal.
func (d *jsonDec) str() string {
	start := d.i + 1
	d.eat('"')
	plain := true
	for !d.bad {
		for d.i+8 <= len(d.b) && jsonstr.Quiet8(binary.LittleEndian.Uint64(d.b[d.i:])) { // eight bytes at a time
			d.i += 8
		}
		c := d.next()
		switch {
		case c == '"':
			s := d.b[start:d.i]
			d.i++
			if plain {
				if !utf8.Valid(s) {
					d.bad = true
					return ""
				}
				return string(s)
			}
			return d.unescape(s)
		case c == '\\':
			plain = false
			d.i += 2
		case c < 0x20:
			d.bad = true
		default:
			d.i++
		}
	}
	return ""
}

// unescape is the contents s of a string token holding escapes, unescaped (jsonstr.Unescape); d is bad where
// encoding/json would read it otherwise.
func (d *jsonDec) unescape(s []byte) string {
	v, ok := jsonstr.Unescape(s)
	if !ok {
		d.bad = true
	}
	return v
}

// number consumes a number token as JSON's grammar has it, returning it.
func (d *jsonDec) number() []byte {
	start := d.i
	digits := func() {
		n := d.i
		for d.i < len(d.b) && d.b[d.i] >= '0' && d.b[d.i] <= '9' {
			d.i++
		}
		if d.i == n {
			d.bad = true
		}
	}
	if d.i < len(d.b) && d.b[d.i] == '-' {
		d.i++
	}
	if d.i < len(d.b) && d.b[d.i] == '0' {
		d.i++
	} else {
		digits()
	}
	if d.i < len(d.b) && d.b[d.i] == '.' {
		d.i++
		digits()
	}
	if d.i < len(d.b) && (d.b[d.i] == 'e' || d.b[d.i] == 'E') {
		d.i++
		if d.i < len(d.b) && (d.b[d.i] == '+' || d.b[d.i] == '-') {
			d.i++
		}
		digits()
	}
	return d.b[start:d.i]
}

// int reads an integer of bits bits.
func (d *jsonDec) int(bits int) int64 {
	n := d.number()
	if d.bad {
		return 0
	}
	v, err := strconv.ParseInt(string(n), 10, bits)
	if err != nil {
		d.bad = true
	}
	return v
}

func (d *jsonDec) float() float64 {
	n := d.number()
	if d.bad {
		return 0
	}
	v, err := strconv.ParseFloat(string(n), 64)
	if err != nil {
		d.bad = true
	}
	return v
}

func (d *jsonDec) intPtr() *int {
	if d.null() {
		return nil
	}
	v := int(d.int(strconv.IntSize))
	return &v
}

func (d *jsonDec) bool() bool {
	switch {
	case d.i+4 <= len(d.b) && string(d.b[d.i:d.i+4]) == "true":
		d.i += 4
		return true
	case d.i+5 <= len(d.b) && string(d.b[d.i:d.i+5]) == "false":
		d.i += 5
		return false
	}
	d.bad = true
	return false
}

// time reads a time.Time as its UnmarshalJSON does.
func (d *jsonDec) time() time.Time {
	var t time.Time
	raw := d.rawString()
	if !d.bad && t.UnmarshalJSON(raw) != nil {
		d.bad = true
	}
	return t
}

// date reads an event.Date as its UnmarshalJSON does.
func (d *jsonDec) date() event.Date {
	var v event.Date
	raw := d.rawString()
	if !d.bad && v.UnmarshalJSON(raw) != nil {
		d.bad = true
	}
	return v
}

func (d *jsonDec) strings() []string {
	out := []string{}
	if !d.array(func() { out = append(out, d.str()) }) {
		return nil
	}
	return out
}

// span reads a span: an object, or its offsets in a body that begins with offsetsKey (marshalEventIn).
func (d *jsonDec) span(s *event.Span) {
	if d.offsets && d.next() == '[' {
		d.i++
		s.Start = int(d.int(strconv.IntSize))
		d.eat(',')
		s.End = int(d.int(strconv.IntSize))
		d.eat(']')
		if d.bad || s.Start < 0 || s.Start > s.End || s.End > len(d.doc) || !utf8.ValidString(d.doc[s.Start:s.End]) {
			d.bad = true // marshalEventIn writes offsets only for a valid text within the document
			return
		}
		s.Text = strings.Clone(d.doc[s.Start:s.End]) // the event does not keep the whole document
		return
	}
	var m uint32
	d.object(func(k []byte) {
		switch string(k) {
		case "start":
			d.seen(&m, 0)
			s.Start = int(d.int(strconv.IntSize))
		case "end":
			d.seen(&m, 1)
			s.End = int(d.int(strconv.IntSize))
		case "text":
			d.seen(&m, 2)
			s.Text = d.str()
		default:
			d.bad = true
		}
	})
}

func (d *jsonDec) spanPtr() *event.Span {
	if d.null() {
		return nil
	}
	s := new(event.Span)
	d.span(s)
	return s
}

func (d *jsonDec) spans() []event.Span {
	out := []event.Span{}
	if !d.array(func() {
		out = append(out, event.Span{})
		d.span(&out[len(out)-1])
	}) {
		return nil
	}
	return out
}

// event reads an event.Event into a zero ev.
func (d *jsonDec) event(ev *event.Event) {
	var m uint32
	d.object(func(k []byte) {
		switch string(k) {
		case "id":
			d.seen(&m, 0)
			ev.ID = d.str()
		case "event_type":
			d.seen(&m, 1)
			ev.EventType = d.str()
		case "sub_event_type":
			d.seen(&m, 2)
			ev.SubEventType = d.str()
		case "summary":
			d.seen(&m, 3)
			ev.Summary = d.str()
		case "date":
			d.seen(&m, 4)
			ev.Date = d.when()
		case "location":
			d.seen(&m, 5)
			ev.Location = d.place()
		case "actors":
			d.seen(&m, 6)
			ev.Actors = d.actors()
		case "fatalities":
			d.seen(&m, 7)
			ev.Fatalities = d.count()
		case "injuries":
			d.seen(&m, 8)
			ev.Injuries = d.count()
		case "weapons":
			d.seen(&m, 9)
			ev.Weapons = d.things()
		case "targets":
			d.seen(&m, 10)
			ev.Targets = d.things()
		case "claims":
			d.seen(&m, 11)
			ev.Claims = d.claims()
		case "sources":
			d.seen(&m, 12)
			ev.Sources = d.strings()
		case "evidence":
			d.seen(&m, 13)
			ev.Evidence = d.spans()
		case "confidence":
			d.seen(&m, 14)
			ev.Confidence = d.float()
		case "explain":
			d.seen(&m, 15)
			ev.Explain = d.reasons()
		case "spans": // offsetsKey: the body's first key, read only with the document's text
			d.seen(&m, 16)
			if m != 1<<16 || !d.hasDoc || d.str() != "offsets" {
				d.bad = true
			}
			d.offsets = true
		default:
			d.bad = true
		}
	})
}

func (d *jsonDec) when() *event.When {
	if d.null() {
		return nil
	}
	w := new(event.When)
	var m uint32
	d.object(func(k []byte) {
		switch string(k) {
		case "start":
			d.seen(&m, 0)
			w.Start = d.date()
		case "end":
			d.seen(&m, 1)
			w.End = d.date()
		case "precision":
			d.seen(&m, 2)
			w.Precision = d.str()
		case "span":
			d.seen(&m, 3)
			w.Span = d.spanPtr()
		default:
			d.bad = true
		}
	})
	return w
}

func (d *jsonDec) place() *event.Place {
	if d.null() {
		return nil
	}
	p := new(event.Place)
	var m uint32
	d.object(func(k []byte) {
		switch string(k) {
		case "name":
			d.seen(&m, 0)
			p.Name = d.str()
		case "geonameid":
			d.seen(&m, 1)
			if !d.null() {
				v := d.int(64)
				p.GeonameID = &v
			}
		case "lat":
			d.seen(&m, 2)
			p.Lat = d.float()
		case "lon":
			d.seen(&m, 3)
			p.Lon = d.float()
		case "country":
			d.seen(&m, 4)
			p.Country = d.str()
		case "admin1":
			d.seen(&m, 5)
			if !d.null() {
				v := d.str()
				p.Admin1 = &v
			}
		case "precision":
			d.seen(&m, 6)
			p.Precision = d.str()
		case "span":
			d.seen(&m, 7)
			p.Span = d.spanPtr()
		default:
			d.bad = true
		}
	})
	return p
}

func (d *jsonDec) actors() []event.Actor {
	out := []event.Actor{}
	if !d.array(func() {
		out = append(out, event.Actor{})
		a := &out[len(out)-1]
		var m uint32
		d.object(func(k []byte) {
			switch string(k) {
			case "role":
				d.seen(&m, 0)
				a.Role = d.str()
			case "name":
				d.seen(&m, 1)
				a.Name = d.str()
			case "kind":
				d.seen(&m, 2)
				a.Kind = d.str()
			case "country":
				d.seen(&m, 3)
				a.Country = d.str()
			case "attribution":
				d.seen(&m, 4)
				a.Attribution = d.str()
			case "span":
				d.seen(&m, 5)
				a.Span = d.spanPtr()
			default:
				d.bad = true
			}
		})
	}) {
		return nil
	}
	return out
}

func (d *jsonDec) count() *event.Count {
	if d.null() {
		return nil
	}
	c := new(event.Count)
	var m uint32
	d.object(func(k []byte) {
		switch string(k) {
		case "low":
			d.seen(&m, 0)
			c.Low = d.intPtr()
		case "best":
			d.seen(&m, 1)
			c.Best = d.intPtr()
		case "high":
			d.seen(&m, 2)
			c.High = d.intPtr()
		case "qualifier":
			d.seen(&m, 3)
			c.Qualifier = d.str()
		case "span":
			d.seen(&m, 4)
			c.Span = d.spanPtr()
		case "revised":
			d.seen(&m, 5)
			c.Revised = d.bool()
		default:
			d.bad = true
		}
	})
	return c
}

func (d *jsonDec) things() []event.Thing {
	out := []event.Thing{}
	if !d.array(func() {
		out = append(out, event.Thing{})
		t := &out[len(out)-1]
		var m uint32
		d.object(func(k []byte) {
			switch string(k) {
			case "name":
				d.seen(&m, 0)
				t.Name = d.str()
			case "span":
				d.seen(&m, 1)
				t.Span = d.spanPtr()
			default:
				d.bad = true
			}
		})
	}) {
		return nil
	}
	return out
}

func (d *jsonDec) claims() []event.Claim {
	out := []event.Claim{}
	if !d.array(func() {
		out = append(out, event.Claim{})
		c := &out[len(out)-1]
		var m uint32
		d.object(func(k []byte) {
			switch string(k) {
			case "claimant":
				d.seen(&m, 0)
				var mc uint32
				d.object(func(k []byte) {
					switch string(k) {
					case "name":
						d.seen(&mc, 0)
						c.Claimant.Name = d.str()
					case "span":
						d.seen(&mc, 1)
						c.Claimant.Span = d.spanPtr()
					default:
						d.bad = true
					}
				})
			case "stance":
				d.seen(&m, 1)
				c.Stance = d.str()
			case "about":
				d.seen(&m, 2)
				c.About = d.str()
			case "span":
				d.seen(&m, 3)
				d.span(&c.Span)
			default:
				d.bad = true
			}
		})
	}) {
		return nil
	}
	return out
}

func (d *jsonDec) reasons() []event.Reason {
	out := []event.Reason{}
	if !d.array(func() {
		out = append(out, event.Reason{})
		r := &out[len(out)-1]
		var m uint32
		d.object(func(k []byte) {
			switch string(k) {
			case "field":
				d.seen(&m, 0)
				r.Field = d.str()
			case "value":
				d.seen(&m, 1)
				r.Value = d.str()
			case "rule":
				d.seen(&m, 2)
				r.Rule = d.str()
			case "entry":
				d.seen(&m, 3)
				r.Entry = d.str()
			case "span":
				d.seen(&m, 4)
				r.Span = d.spanPtr()
			default:
				d.bad = true
			}
		})
	}) {
		return nil
	}
	return out
}

// incident reads an incident body into a zero inc; a report's event may be a string (its id) when refs is set.
// With head set it reads only what head says: the summary, fatalities, merges and update time are stepped over
// (checked, not kept), and each report keeps only its document and event ids.
func (d *jsonDec) incident(inc *event.Incident, refs, head bool) {
	var m uint32
	d.object(func(k []byte) {
		switch string(k) {
		case "id":
			d.seen(&m, 0)
			inc.ID = d.str()
		case "event_type":
			d.seen(&m, 1)
			inc.EventType = d.str()
		case "sub_event_type":
			d.seen(&m, 2)
			inc.SubEventType = d.str()
		case "summary":
			d.seen(&m, 3)
			if head {
				d.skip(0)
			} else {
				inc.Summary = d.str()
			}
		case "date":
			d.seen(&m, 4)
			inc.Date = d.when()
		case "location":
			d.seen(&m, 5)
			inc.Location = d.place()
		case "actors":
			d.seen(&m, 6)
			inc.Actors = d.actors()
		case "fatalities":
			d.seen(&m, 7)
			if head {
				d.skip(0)
			} else {
				inc.Fatalities = d.count()
			}
		case "reports":
			d.seen(&m, 8)
			inc.Reports = d.reports(refs, head)
		case "merges":
			d.seen(&m, 9)
			if head {
				d.skip(0)
			} else {
				inc.Merges = d.merges()
			}
		case "created":
			d.seen(&m, 10)
			inc.Created = d.time()
		case "updated":
			d.seen(&m, 11)
			if head {
				d.skip(0)
			} else {
				inc.Updated = d.time()
			}
		default:
			d.bad = true
		}
	})
}

// reports reads a body's reports; a report's event may be a string (its id) when refs or head is set. With head
// set (see incident) each report keeps only its document id and its event's id, and the rest is stepped over.
func (d *jsonDec) reports(refs, head bool) []event.Report {
	out := []event.Report{}
	if !d.array(func() {
		out = append(out, event.Report{})
		r := &out[len(out)-1]
		var m uint32
		d.object(func(k []byte) {
			switch string(k) {
			case "document_id":
				d.seen(&m, 0)
				r.DocumentID = d.str()
			case "url":
				d.seen(&m, 1)
				if head {
					d.skip(0)
				} else {
					r.URL = d.str()
				}
			case "publisher":
				d.seen(&m, 2)
				if head {
					d.skip(0)
				} else {
					r.Publisher = d.str()
				}
			case "published":
				d.seen(&m, 3)
				if head {
					d.skip(0)
				} else if !d.null() {
					v := d.date()
					r.Published = &v
				}
			case "event":
				d.seen(&m, 4)
				switch {
				case (refs || head) && d.next() == '"': // a reference (encodeBody); the body then holds stringRef
					r.Event.ID = d.str()
				case head:
					r.Event.ID = d.headEventID()
				default:
					d.event(&r.Event)
				}
			case "duplicate_of":
				d.seen(&m, 5)
				if head {
					d.skip(0)
				} else {
					r.DuplicateOf = d.str()
				}
			case "added":
				d.seen(&m, 6)
				if head {
					d.skip(0)
				} else {
					r.Added = d.time()
				}
			default:
				d.bad = true
			}
		})
	}) {
		return nil
	}
	return out
}

func (d *jsonDec) merges() []event.Merge {
	out := []event.Merge{}
	if !d.array(func() {
		out = append(out, event.Merge{})
		g := &out[len(out)-1]
		var m uint32
		d.object(func(k []byte) {
			switch string(k) {
			case "document_id":
				d.seen(&m, 0)
				g.DocumentID = d.str()
			case "event_id":
				d.seen(&m, 1)
				g.EventID = d.str()
			case "score":
				d.seen(&m, 2)
				g.Score = d.float()
			case "reasons":
				d.seen(&m, 3)
				g.Reasons = d.strings()
			case "at":
				d.seen(&m, 4)
				g.At = d.time()
			default:
				d.bad = true
			}
		})
	}) {
		return nil
	}
	return out
}
