package store

import (
	"encoding/json"
	"math"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"

	"sitrep/internal/event"
	"sitrep/internal/incident"
)

// The write path's JSON: each stored event (events.body), each incident row's body (encodeBody) and each change
// log entry (logChange) are written by the appenders below, byte for byte as json.Marshal writes the same value
// (field order, omitempty, null for a nil pointer or slice, HTML-safe string escapes, numbers as encoding/json
// formats them), without its reflection and its copies: json.Marshal was about 3.5% of an ingest's CPU. TestAppendJSONMatchesMarshal fills
// every field of the types, new ones included, and compares both. A value json.Marshal refuses (a NaN or an
// infinite number, a time outside RFC 3339's years) is left to json.Marshal, for its error.

// jsonBuf is an appender's buffer, reused.
type jsonBuf struct {
	b   []byte
	bad bool // a value json.Marshal refuses: marshal with json.Marshal instead
	// doc, with useDoc set, is the text of the event's document as documents.text holds it: a span whose text
	// is doc's bytes [start,end) is written as its offsets alone (see marshalEventIn).
	doc    string
	useDoc bool
	offset bool // a span was written as offsets
}

var jsonBufs = sync.Pool{New: func() any { return &jsonBuf{b: make([]byte, 0, 4096)} }}

// marshalEvent is json.Marshal(ev), as a string.
func marshalEvent(ev *event.Event) (string, error) {
	e := jsonBufs.Get().(*jsonBuf)
	defer e.release()
	e.event(ev)
	if e.bad {
		b, err := json.Marshal(ev)
		return string(b), err
	}
	return string(e.b), nil
}

// marshalEventIn is events.body for ev, an event of the document whose text documents.text holds as doc: ev's
// JSON as marshalEvent writes it, except that a span whose text is doc's bytes [start,end) (valid UTF-8) is
// written as its offsets, [start,end], without the text, which the document holds already (the span texts were
// about 45% of events.body over the bench corpus), and that such a body begins with offsetsKey, which tells the
// events query to read the document's text (docTextCondition). A span whose text is not the document's at its offsets
// (a normalised or synthetic text, a text cleaned of invalid bytes) keeps its text; a body without a span as
// offsets is marshalEvent's. unmarshalEventIn puts the texts back. A reader older than this fails to decode an
// array where it expects a span (an error it reports) instead of reading empty texts.
func marshalEventIn(ev *event.Event, doc string) (string, error) {
	e := jsonBufs.Get().(*jsonBuf)
	defer e.release()
	e.doc, e.useDoc = doc, doc != "" // an empty text holds no span text but empty ones: nothing to save
	e.b = append(e.b, offsetsKey...)
	n := len(e.b)
	e.event(ev)
	if e.bad {
		b, err := json.Marshal(ev)
		return string(b), err
	}
	if !e.offset {
		return string(e.b[n:]), nil
	}
	e.b = append(e.b[:n], e.b[n+1:]...) // the event's '{' follows the key's
	return string(e.b), nil
}

// offsetsKey begins an events.body holding spans as offsets (marshalEventIn).
const offsetsKey = `{"spans":"offsets",`

// marshalBody is encodeBody's JSON: json.Marshal of inc as a bodyIncident whose reports for which ref is
// true carry their event's id, as a string.
func marshalBody(inc *event.Incident, ref func(r *event.Report) bool) (string, error) {
	e := jsonBufs.Get().(*jsonBuf)
	defer e.release()
	e.body(inc, ref)
	if e.bad {
		b, err := json.Marshal(newBodyIncident(inc, ref))
		return string(b), err
	}
	return string(e.b), nil
}

// marshalChange is json.Marshal(ch), the body of a change log entry, as a string.
func marshalChange(ch *incident.Change) (string, error) {
	e := jsonBufs.Get().(*jsonBuf)
	defer e.release()
	e.b = append(e.b, `{"incident_id":`...)
	e.str(ch.IncidentID)
	e.key(false, "document_id")
	e.str(ch.DocumentID)
	e.key(false, "event_id")
	e.str(ch.EventID)
	e.key(false, "action")
	e.str(ch.Action)
	e.key(false, "notes")
	e.strings(ch.Notes)
	e.key(false, "at")
	e.time(ch.At)
	e.b = append(e.b, '}')
	if e.bad {
		b, err := json.Marshal(ch)
		return string(b), err
	}
	return string(e.b), nil
}

// release empties e and returns it to the pool, unless it grew past 1 MB.
func (e *jsonBuf) release() {
	if cap(e.b) > 1<<20 {
		return
	}
	e.b, e.bad, e.doc, e.useDoc, e.offset = e.b[:0], false, "", false, false
	jsonBufs.Put(e)
}

// key appends `"name":` after a comma unless it is the object's first field (name needs no escape).
func (e *jsonBuf) key(first bool, name string) {
	if !first {
		e.b = append(e.b, ',')
	}
	e.b = append(e.b, '"')
	e.b = append(e.b, name...)
	e.b = append(e.b, '"', ':')
}

func (e *jsonBuf) null() { e.b = append(e.b, "null"...) }

// str appends s as a JSON string, as encoding/json does with HTML escaping (its appendString).
func (e *jsonBuf) str(s string) {
	const hex = "0123456789abcdef"
	dst := append(e.b, '"')
	start := 0
	for i := 0; i < len(s); {
		for i+8 <= len(s) && plain8(load8(s[i:i+8])) { // eight bytes at a time while none needs a look
			i += 8
		}
		if i == len(s) {
			break
		}
		if b := s[i]; b < utf8.RuneSelf {
			if htmlSafe[b] {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	e.b = append(dst, '"')
}

// load8 is the first eight bytes of s as a little-endian word.
func load8(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 | uint64(s[4])<<32 |
		uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// Bytes of a word (SWAR): lo has 1 in every byte, hi the top bit of every byte.
const lo, hi = 0x0101010101010101, 0x8080808080808080

// plain8 reports whether the eight bytes of x are each written as themselves in an HTML-escaped JSON string:
// ASCII, and none a control byte, '"', '\\', '<', '>' or '&'. A byte equal to c is a zero byte of x^(lo*c),
// and (v-lo)&^v&hi is not 0 when v has one; (x-lo*0x20)&^x&hi is not 0 when x has a byte below 0x20.
func plain8(x uint64) bool {
	q, b, l, g, a := x^(lo*'"'), x^(lo*'\\'), x^(lo*'<'), x^(lo*'>'), x^(lo*'&')
	t := (x-lo*0x20)&^x | (q-lo)&^q | (b-lo)&^b | (l-lo)&^l | (g-lo)&^g | (a-lo)&^a
	return (t|x)&hi == 0
}

// htmlSafe holds the ASCII bytes written as themselves in an HTML-escaped JSON string.
var htmlSafe = func() (t [utf8.RuneSelf]bool) {
	for b := range t {
		t[b] = b >= 0x20 && b != '"' && b != '\\' && b != '<' && b != '>' && b != '&'
	}
	return t
}()

// float appends f as encoding/json writes a float64.
func (e *jsonBuf) float(f float64) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		e.bad = true
		return
	}
	abs, format := math.Abs(f), byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b := strconv.AppendFloat(e.b, f, format, -1, 64)
	if format == 'e' { // e-09 to e-9
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	e.b = b
}

func (e *jsonBuf) int(i int64) { e.b = strconv.AppendInt(e.b, i, 10) }

func (e *jsonBuf) intPtr(p *int) {
	if p == nil {
		e.null()
		return
	}
	e.int(int64(*p))
}

func (e *jsonBuf) bool(v bool) { e.b = strconv.AppendBool(e.b, v) }

// time appends t as time.Time's MarshalJSON writes it.
func (e *jsonBuf) time(t time.Time) {
	b, err := t.AppendText(append(e.b, '"'))
	if err != nil {
		e.bad = true
		return
	}
	e.b = append(b, '"')
}

// date appends d as event.Date's MarshalJSON writes it.
func (e *jsonBuf) date(d event.Date) {
	e.b = append(d.AppendFormat(append(e.b, '"'), event.DateLayout), '"')
}

func (e *jsonBuf) strings(ss []string) {
	if ss == nil {
		e.null()
		return
	}
	e.b = append(e.b, '[')
	for i, s := range ss {
		if i > 0 {
			e.b = append(e.b, ',')
		}
		e.str(s)
	}
	e.b = append(e.b, ']')
}

// inDoc reports whether s may be written as its offsets: its text is the document's at them, valid UTF-8.
func (e *jsonBuf) inDoc(s *event.Span) bool {
	return e.useDoc && 0 <= s.Start && s.Start <= s.End && s.End <= len(e.doc) && e.doc[s.Start:s.End] == s.Text &&
		utf8.ValidString(s.Text)
}

func (e *jsonBuf) span(s *event.Span) {
	if e.inDoc(s) {
		e.offsets(s)
		return
	}
	e.whole(s)
}

// offsets appends s as its offsets, [start,end] (see marshalEventIn).
func (e *jsonBuf) offsets(s *event.Span) {
	e.offset = true
	e.b = append(e.b, '[')
	e.int(int64(s.Start))
	e.b = append(e.b, ',')
	e.int(int64(s.End))
	e.b = append(e.b, ']')
}

// whole appends s with its text.
func (e *jsonBuf) whole(s *event.Span) {
	e.b = append(e.b, `{"start":`...)
	e.int(int64(s.Start))
	e.b = append(e.b, `,"end":`...)
	e.int(int64(s.End))
	e.b = append(e.b, `,"text":`...)
	e.str(s.Text)
	e.b = append(e.b, '}')
}

// optSpan appends a ,"span": field unless s is nil (omitempty).
func (e *jsonBuf) optSpan(s *event.Span) {
	if s != nil {
		e.key(false, "span")
		e.span(s)
	}
}

// optStr appends a ,"name": field unless s is empty (omitempty).
func (e *jsonBuf) optStr(name, s string) {
	if s != "" {
		e.key(false, name)
		e.str(s)
	}
}

// event appends an event.Event.
func (e *jsonBuf) event(ev *event.Event) {
	e.b = append(e.b, '{')
	e.key(true, "id")
	e.str(ev.ID)
	e.head(ev.EventType, ev.SubEventType, ev.Summary, ev.Date, ev.Location, ev.Actors, ev.Fatalities)
	e.key(false, "injuries")
	e.count(ev.Injuries)
	e.key(false, "weapons")
	e.things(ev.Weapons)
	e.key(false, "targets")
	e.things(ev.Targets)
	e.key(false, "claims")
	e.claims(ev.Claims)
	e.key(false, "sources")
	e.strings(ev.Sources)
	e.key(false, "evidence")
	e.spans(ev.Evidence)
	e.key(false, "confidence")
	e.float(ev.Confidence)
	if len(ev.Explain) > 0 {
		e.key(false, "explain")
		e.reasons(ev.Explain)
	}
	e.b = append(e.b, '}')
}

// head appends the fields an event and an incident share, after their id, from event_type to fatalities.
func (e *jsonBuf) head(eventType, subEventType, summary string, w *event.When, p *event.Place, as []event.Actor, f *event.Count) {
	e.key(false, "event_type")
	e.str(eventType)
	e.key(false, "sub_event_type")
	e.str(subEventType)
	e.optStr("summary", summary)
	e.key(false, "date")
	e.when(w)
	e.key(false, "location")
	e.place(p)
	e.key(false, "actors")
	e.actors(as)
	e.key(false, "fatalities")
	e.count(f)
}

func (e *jsonBuf) when(w *event.When) {
	if w == nil {
		e.null()
		return
	}
	e.b = append(e.b, `{"start":`...)
	e.date(w.Start)
	e.b = append(e.b, `,"end":`...)
	e.date(w.End)
	e.key(false, "precision")
	e.str(w.Precision)
	e.optSpan(w.Span)
	e.b = append(e.b, '}')
}

func (e *jsonBuf) place(p *event.Place) {
	if p == nil {
		e.null()
		return
	}
	e.b = append(e.b, `{"name":`...)
	e.str(p.Name)
	e.key(false, "geonameid")
	if p.GeonameID == nil {
		e.null()
	} else {
		e.int(*p.GeonameID)
	}
	e.key(false, "lat")
	e.float(p.Lat)
	e.key(false, "lon")
	e.float(p.Lon)
	e.key(false, "country")
	e.str(p.Country)
	e.key(false, "admin1")
	if p.Admin1 == nil {
		e.null()
	} else {
		e.str(*p.Admin1)
	}
	e.key(false, "precision")
	e.str(p.Precision)
	e.optSpan(p.Span)
	e.b = append(e.b, '}')
}

func (e *jsonBuf) actors(as []event.Actor) {
	if as == nil {
		e.null()
		return
	}
	e.b = append(e.b, '[')
	for i := range as {
		a := &as[i]
		if i > 0 {
			e.b = append(e.b, ',')
		}
		e.b = append(e.b, `{"role":`...)
		e.str(a.Role)
		e.key(false, "name")
		e.str(a.Name)
		e.key(false, "kind")
		e.str(a.Kind)
		e.optStr("country", a.Country)
		e.key(false, "attribution")
		e.str(a.Attribution)
		e.optSpan(a.Span)
		e.b = append(e.b, '}')
	}
	e.b = append(e.b, ']')
}

func (e *jsonBuf) count(c *event.Count) {
	if c == nil {
		e.null()
		return
	}
	e.b = append(e.b, `{"low":`...)
	e.intPtr(c.Low)
	e.key(false, "best")
	e.intPtr(c.Best)
	e.key(false, "high")
	e.intPtr(c.High)
	e.optStr("qualifier", c.Qualifier)
	e.optSpan(c.Span)
	if c.Revised {
		e.key(false, "revised")
		e.bool(true)
	}
	e.b = append(e.b, '}')
}

func (e *jsonBuf) things(ts []event.Thing) {
	if ts == nil {
		e.null()
		return
	}
	e.b = append(e.b, '[')
	for i := range ts {
		if i > 0 {
			e.b = append(e.b, ',')
		}
		e.b = append(e.b, `{"name":`...)
		e.str(ts[i].Name)
		e.optSpan(ts[i].Span)
		e.b = append(e.b, '}')
	}
	e.b = append(e.b, ']')
}

func (e *jsonBuf) claims(cs []event.Claim) {
	if cs == nil {
		e.null()
		return
	}
	e.b = append(e.b, '[')
	for i := range cs {
		c := &cs[i]
		if i > 0 {
			e.b = append(e.b, ',')
		}
		e.b = append(e.b, `{"claimant":{"name":`...)
		e.str(c.Claimant.Name)
		e.optSpan(c.Claimant.Span)
		e.b = append(e.b, `},"stance":`...)
		e.str(c.Stance)
		e.optStr("about", c.About)
		e.key(false, "span")
		e.span(&c.Span)
		e.b = append(e.b, '}')
	}
	e.b = append(e.b, ']')
}

func (e *jsonBuf) spans(ss []event.Span) {
	if ss == nil {
		e.null()
		return
	}
	e.b = append(e.b, '[')
	for i := range ss {
		if i > 0 {
			e.b = append(e.b, ',')
		}
		e.span(&ss[i])
	}
	e.b = append(e.b, ']')
}

func (e *jsonBuf) reasons(rs []event.Reason) {
	e.b = append(e.b, '[')
	for i := range rs {
		r := &rs[i]
		if i > 0 {
			e.b = append(e.b, ',')
		}
		e.b = append(e.b, `{"field":`...)
		e.str(r.Field)
		e.key(false, "value")
		e.str(r.Value)
		e.key(false, "rule")
		e.str(r.Rule)
		e.optStr("entry", r.Entry)
		e.optSpan(r.Span)
		e.b = append(e.b, '}')
	}
	e.b = append(e.b, ']')
}

// body appends an incident row's body (a bodyIncident): the incident's fields, its reports last (they shadow
// Incident.Reports, and encoding/json writes a shadowing field after the embedded struct's), each report's
// event last too, as its id where ref is true.
func (e *jsonBuf) body(inc *event.Incident, ref func(r *event.Report) bool) {
	e.b = append(e.b, '{')
	e.key(true, "id")
	e.str(inc.ID)
	e.head(inc.EventType, inc.SubEventType, inc.Summary, inc.Date, inc.Location, inc.Actors, inc.Fatalities)
	if len(inc.Merges) > 0 {
		e.key(false, "merges")
		e.b = append(e.b, '[')
		for i := range inc.Merges {
			m := &inc.Merges[i]
			if i > 0 {
				e.b = append(e.b, ',')
			}
			e.b = append(e.b, `{"document_id":`...)
			e.str(m.DocumentID)
			e.key(false, "event_id")
			e.str(m.EventID)
			e.key(false, "score")
			e.float(m.Score)
			e.key(false, "reasons")
			e.strings(m.Reasons)
			e.key(false, "at")
			e.time(m.At)
			e.b = append(e.b, '}')
		}
		e.b = append(e.b, ']')
	}
	e.key(false, "created")
	e.time(inc.Created)
	e.key(false, "updated")
	e.time(inc.Updated)
	e.key(false, "reports")
	if inc.Reports == nil {
		e.null()
	} else {
		e.b = append(e.b, '[')
		for i := range inc.Reports {
			if i > 0 {
				e.b = append(e.b, ',')
			}
			e.report(&inc.Reports[i], ref(&inc.Reports[i]))
		}
		e.b = append(e.b, ']')
	}
	e.b = append(e.b, '}')
}

// report appends a bodyReport: its event is the event's id where ref is set, else the whole event.
func (e *jsonBuf) report(r *event.Report, ref bool) {
	e.b = append(e.b, `{"document_id":`...)
	e.str(r.DocumentID)
	e.optStr("url", r.URL)
	e.optStr("publisher", r.Publisher)
	e.key(false, "published")
	if r.Published == nil {
		e.null()
	} else {
		e.date(*r.Published)
	}
	e.optStr("duplicate_of", r.DuplicateOf)
	e.key(false, "added")
	e.time(r.Added)
	e.key(false, "event")
	if ref {
		e.str(r.Event.ID)
	} else {
		e.event(&r.Event)
	}
	e.b = append(e.b, '}')
}
