package store

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"sitrep/internal/event"
)

// TestReferenceShape checks the shape of a body's event references: a JSON string, which a sitrep older than
// references fails to decode (it decoded bodies straight into event.Incident) instead of reading each event as
// empty and writing incidents recomputed from them; and that the first shape of references, {"id":"e1"}, still
// reads whole.
func TestReferenceShape(t *testing.T) {
	eachBackend(t, func(t *testing.T, s *sqlStore) {
		ctx := context.Background()
		ing, err := s.PutResult(ctx, doc("https://ml.example/shape", "report"),
			[]event.Event{richEvent("e1", "Armed clash", 10, "Gao", 16.27, -0.04, 5, "Military Forces of Mali")})
		if err != nil {
			t.Fatal(err)
		}
		id := ing.Changes[0].IncidentID
		want, err := s.GetIncident(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		var body string
		if err := s.db.QueryRow(s.d.rebind(`SELECT body FROM incidents WHERE id = ?`), id).Scan(&body); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(body, `"event":"e1"`) {
			t.Fatalf("the body holds no string reference: %s", body)
		}
		var old event.Incident
		if err := json.Unmarshal([]byte(body), &old); err == nil {
			t.Errorf("a decoder of whole bodies read a body with references without an error")
		}

		first := strings.Replace(body, `"event":"e1"`, `"event":{"id":"e1"}`, 1)
		if _, err := s.db.Exec(s.d.rebind(`UPDATE incidents SET body = ? WHERE id = ?`), first, id); err != nil {
			t.Fatal(err)
		}
		got, err := s.GetIncident(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		g, _ := json.Marshal(got.Incident)
		w, _ := json.Marshal(want.Incident)
		if !bytes.Equal(g, w) || got.Incident.Reports[0].Event.Date == nil {
			t.Errorf("a body with an {\"id\"} reference reads\n%s\nwant\n%s", g, w)
		}
		// A merge into it reads it too, and writes the current shape.
		ing, err = s.PutResult(ctx, doc("https://ml.example/shape2", "report merged"),
			[]event.Event{richEvent("e1", "Armed clash", 10, "Gao", 16.27, -0.04, 6, "Military Forces of Mali")})
		if err != nil || ing.Merged != 1 {
			t.Fatalf("merge: %+v %v", ing, err)
		}
		if err := s.db.QueryRow(s.d.rebind(`SELECT body FROM incidents WHERE id = ?`), id).Scan(&body); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(body, `{"id":"e1"}`) || strings.Count(body, `"event":"e1"`) != 2 {
			t.Errorf("after a merge the body's references are not strings: %s", body)
		}
	})
}

// TestDecodeHeadShapes checks that a body's head and whole incident decode the same through the path for
// bodies with string references and the one for bodies without (whole events, or {"id"} references).
func TestDecodeHeadShapes(t *testing.T) {
	ev1 := richEvent("e1", "Armed clash", 10, "Gao", 16.27, -0.04, 5, "Military Forces of Mali")
	ev2 := ev("e2", "Armed clash", 11, "Gao", 16.27, -0.04, "ML", 7, "Military Forces of Mali")
	inc := event.Incident{ID: "inc-1", EventType: ev1.EventType, SubEventType: ev1.SubEventType, Date: ev1.Date,
		Location: ev1.Location, Actors: ev1.Actors,
		Reports: []event.Report{{DocumentID: "d1", Event: ev1}, {DocumentID: "d2", Event: ev2}}}
	whole, err := json.Marshal(inc)
	if err != nil {
		t.Fatal(err)
	}
	refsBody, err := encodeBody(inc, storedEvents{"d1/e1": true, "d2/e2": true})
	refs := []byte(refsBody)
	if err != nil {
		t.Fatal(err)
	}
	if hasStringRef(whole) || !hasStringRef(refs) {
		t.Fatalf("hasStringRef: whole %v, references %v", hasStringRef(whole), hasStringRef(refs))
	}
	var slow candidateHead
	if err := json.Unmarshal(whole, &slow); err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string][]byte{"whole": whole, "references": refs} {
		head, err := decodeHead(body)
		if err != nil {
			t.Fatal(err)
		}
		a, _ := json.Marshal(head)
		b, _ := json.Marshal(slow.incident())
		if !bytes.Equal(a, b) {
			t.Errorf("%s: head\n%s\nwant\n%s", name, a, b)
		}
	}
	got, err := decodeBody(whole)
	if err != nil {
		t.Fatal(err)
	}
	var plain event.Incident
	if err := json.Unmarshal(whole, &plain); err != nil {
		t.Fatal(err)
	}
	if a, b := mustJSON(t, got), mustJSON(t, plain); !bytes.Equal(a, b) {
		t.Errorf("a whole body decodes to\n%s\nwant\n%s", a, b)
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
