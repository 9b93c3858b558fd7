package store

import (
	"context"
	"encoding/json"
	"reflect"
	"strconv"
	"testing"
	"time"

	"sitrep/internal/event"
)

// TestEventCacheBounds checks the cache's bounds (entries, bytes, an entry larger than the whole budget).
func TestEventCacheBounds(t *testing.T) {
	c := newEventCache(1000)
	for i := range eventCacheEntries + 10 {
		c.put("k"+strconv.Itoa(i), event.Event{ID: strconv.Itoa(i)}, 0)
	}
	if _, ok := c.get("k0"); ok {
		t.Error("the oldest entry was kept past the entry bound")
	}
	if ev, ok := c.get("k" + strconv.Itoa(eventCacheEntries+9)); !ok || ev.ID != strconv.Itoa(eventCacheEntries+9) {
		t.Errorf("the newest entry: %+v %v", ev, ok)
	}
	if len(c.m) != eventCacheEntries {
		t.Errorf("%d entries, want %d", len(c.m), eventCacheEntries)
	}

	c = newEventCache(1000)
	for i := range 5 {
		c.put("b"+strconv.Itoa(i), event.Event{}, 300)
	}
	if len(c.m) != 3 || c.bytes != 900 {
		t.Errorf("%d entries of %d bytes, want 3 of 900", len(c.m), c.bytes)
	}
	if _, ok := c.get("b1"); ok {
		t.Error("b1 was kept past the byte bound")
	}
	c.put("b4", event.Event{}, 100) // the same key again: charged once
	if c.bytes != 700 {
		t.Errorf("%d bytes after replacing an entry, want 700", c.bytes)
	}
	c.put("huge", event.Event{}, 2000)
	if _, ok := c.get("huge"); ok {
		t.Error("an entry larger than the budget was cached")
	}
	var none *eventCache
	none.put("x", event.Event{}, 1)
	if _, ok := none.get("x"); ok {
		t.Error("a nil cache holds something")
	}
}

// TestEventCachePending checks that a transaction's events are seen by it alone until it commits, and never
// after it rolls back.
func TestEventCachePending(t *testing.T) {
	c := newEventCache(1 << 20)
	a, b := &txn{}, &txn{}
	c.putPending(a, "d/e1", event.Event{ID: "e1"}, 10)
	c.putPending(b, "d/e2", event.Event{ID: "e2"}, 10)
	if _, ok := c.getIn(a, "d/e1"); !ok {
		t.Error("a transaction does not see the event it stored")
	}
	if _, ok := c.getIn(b, "d/e1"); ok {
		t.Error("another transaction sees an event not committed")
	}
	if _, ok := c.get("d/e1"); ok {
		t.Error("an event not committed is cached")
	}
	c.commit(a) // b rolls back: its txn is dropped
	if ev, ok := c.getIn(b, "d/e1"); !ok || ev.ID != "e1" {
		t.Error("a committed event is not cached")
	}
	if _, ok := c.get("d/e2"); ok {
		t.Error("a rolled-back event is cached")
	}
	if len(a.pending) != 0 {
		t.Errorf("%d events still pending after the commit", len(a.pending))
	}
}

// TestCacheableRoundTrip checks cacheable's promise on real extractions: an event it accepts decodes from its
// JSON exactly (reflect.DeepEqual), and the cases it refuses do not.
func TestCacheableRoundTrip(t *testing.T) {
	var n int
	for _, e := range demoEvents(t) {
		ev := e.ev
		body, err := json.Marshal(ev)
		if err != nil {
			t.Fatal(err)
		}
		if !cacheable(&ev, string(body)) {
			t.Errorf("%s/%s: an event of valid text is not cacheable", e.doc.ID, ev.ID)
			continue
		}
		var back event.Event
		if err := json.Unmarshal(body, &back); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(back, ev) {
			t.Errorf("%s/%s does not decode to itself:\n%+v\n%+v", e.doc.ID, ev.ID, back, ev)
		}
		n++
	}
	if n < 50 {
		t.Fatalf("only %d events checked", n)
	}

	day := event.NewDate(2026, 3, 1)
	for _, tt := range []struct {
		name string
		ev   event.Event
	}{
		{"invalid UTF-8", event.Event{ID: "e1", Summary: "Gao\xff"}},
		{"a time of day", event.Event{ID: "e1", Date: &event.When{Start: event.Date{Time: day.Add(time.Hour)}, End: day}}},
		{"another zone", event.Event{ID: "e1", Date: &event.When{Start: day, End: event.Date{Time: day.In(time.FixedZone("x", 3600))}}}},
	} {
		body, err := json.Marshal(tt.ev)
		if err != nil {
			t.Fatal(err)
		}
		if cacheable(&tt.ev, string(body)) {
			t.Errorf("%s: cacheable", tt.name)
		}
	}
}

// TestEventCacheRollback checks that a transaction that fails leaves none of its events cached, that a
// stored event is cached, and that a merge into its incident reads the same incident as without the cache.
func TestEventCacheRollback(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			ctx := context.Background()
			clash := func(id string, dead int) event.Event {
				return ev(id, "Armed clash", 10, "Gao", 16.27, -0.04, "ML", dead, "Military Forces of Mali")
			}
			// write stores the same documents in s: first one whose two events have one id (the second insert
			// fails, and the transaction rolls back), then two reports of one incident.
			write := func(s *sqlStore) string {
				if _, err := s.PutResult(ctx, doc("https://ml.example/bad", "report"),
					[]event.Event{clash("e1", 5), clash("e1", 6)}); err == nil {
					t.Fatal("a document with two events of one id was stored")
				}
				if s.events != nil && len(s.events.m) != 0 {
					t.Fatalf("a failed transaction left %d events cached", len(s.events.m))
				}
				ing, err := s.PutResult(ctx, doc("https://ml.example/1", "first report"), []event.Event{clash("e1", 5)})
				if err != nil {
					t.Fatal(err)
				}
				if s.events != nil && len(s.events.m) != 1 {
					t.Fatalf("%d events cached after a stored one, want 1", len(s.events.m))
				}
				if _, err := s.PutResult(ctx, doc("https://ml.example/2", "second report"), []event.Event{clash("e1", 7)}); err != nil {
					t.Fatal(err)
				}
				return ing.Changes[0].IncidentID
			}
			s := openAt(t, b.fresh(t))
			id := write(s)
			cached, err := s.GetIncident(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			other := openAt(t, b.fresh(t))
			other.events = nil
			write(other)
			plain, err := other.GetIncident(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			x, _ := json.Marshal(cached.Incident)
			y, _ := json.Marshal(plain.Incident)
			if string(x) != string(y) || len(cached.Incident.Reports) != 2 {
				t.Errorf("merged with the cache:\n%s\nwithout:\n%s", x, y)
			}
		})
	}
}
