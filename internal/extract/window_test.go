package extract

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"sitrep/internal/event"
)

func TestWindows(t *testing.T) {
	para := func(c byte, n int) string { return strings.Repeat(string(c), n-1) + "." }
	tests := []struct {
		name string
		text string
		size int
		want [][2]int
	}{
		{"empty", "", 10, [][2]int{{0, 0}}},
		{"one window", "Two killed. Three hurt.", 23, [][2]int{{0, 23}}},
		// a paragraph break in the window's second half: the cut falls after it
		{"paragraph", para('a', 30) + "\n\n" + para('b', 30) + "\n\n" + para('c', 30), 70,
			[][2]int{{0, 64}, {64, 94}}},
		// a paragraph break in the first half only: the cut is at the last sentence start instead
		{"sentence", "Short.\n\nOne two three. Four five six. Seven eight nine. Ten eleven twelve.", 50,
			[][2]int{{0, 38}, {38, 74}}},
		// one sentence: the cut is after the last space of the window
		{"words", "one two three four five six seven eight nine ten", 20,
			[][2]int{{0, 19}, {19, 34}, {34, 48}}},
		// neither space nor sentence end: the cut is at a rune start, never inside a rune
		{"runes", strings.Repeat("é", 10), 5, [][2]int{{0, 4}, {4, 8}, {8, 12}, {12, 16}, {16, 20}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := windows(tt.text, tt.size)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("windows = %v, want %v", got, tt.want)
				for _, w := range got {
					t.Logf("%q", tt.text[w[0]:w[1]])
				}
			}
			checkWindows(t, tt.text, tt.size, got)
		})
	}
}

// TestWindowsCover checks the windows of the fixtures, read one after another as one text, at several sizes.
func TestWindowsCover(t *testing.T) {
	s := fixtureText(t)
	for _, size := range []int{64, 300, 1000, 4096, len(s) - 1, len(s), len(s) + 1} {
		ws := windows(s, size)
		checkWindows(t, s, size, ws)
		if size >= len(s) != (len(ws) == 1) {
			t.Errorf("size %d: %d windows of a text of %d bytes", size, len(ws), len(s))
		}
		for _, w := range ws[:len(ws)-1] {
			region := s[w[0]+(size/2) : w[0]+size]
			if strings.Contains(region, "\n\n") {
				if !strings.HasSuffix(s[:w[1]], "\n\n") {
					t.Errorf("size %d: window %v does not end at the paragraph break of its second half", size, w)
				}
			} else if strings.Contains(region, ". ") && !strings.HasSuffix(strings.TrimRight(s[:w[1]], " \n"), ".") {
				t.Errorf("size %d: window %v ends inside a sentence: %q", size, w, s[max(w[1]-30, 0):w[1]])
			}
		}
	}
}

// checkWindows fails unless ws are at most size bytes each and cover s exactly, cut at rune starts.
func checkWindows(t *testing.T, s string, size int, ws [][2]int) {
	t.Helper()
	at := 0
	for _, w := range ws {
		if w[0] != at || w[1] < w[0] || w[1] == w[0] && len(s) > 0 || w[1]-w[0] > size {
			t.Fatalf("size %d: window %v after %d (windows %v)", size, w, at, ws)
		}
		if w[1] < len(s) && !utf8.RuneStart(s[w[1]]) {
			t.Fatalf("size %d: window %v cuts a rune", size, w)
		}
		at = w[1]
	}
	if at != len(s) {
		t.Fatalf("size %d: windows end at %d of %d", size, at, len(s))
	}
}

// fixtureText is the text of every golden fixture, one after another.
func fixtureText(t testing.TB) string {
	t.Helper()
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	var parts []string
	for _, f := range files {
		parts = append(parts, strings.TrimSpace(fixture(t, f).Text))
	}
	return strings.Join(parts, "\n\n") + "\n"
}

// TestExtractWindows reads the fixtures as one document in small windows: every span, of events and entities,
// points at its text in the whole document, ExtractEach hands out what Extract returns, in text order.
func TestExtractWindows(t *testing.T) {
	s := fixtureText(t)
	pub, err := event.ParseDate("2024-03-14")
	if err != nil {
		t.Fatal(err)
	}
	doc := event.Document{ID: "all", Text: s, Language: "en", Published: &pub}
	for _, size := range []int{1 << 10, 3 << 10, len(s)} {
		e := *testEngine(t, true)
		e.window = size
		res, err := e.Extract(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Events) == 0 || len(res.Entities) == 0 {
			t.Fatalf("size %d: %d events, %d entities", size, len(res.Events), len(res.Entities))
		}
		checkResult(t, s, res)
		for _, en := range res.Entities {
			for i, m := range en.Mentions {
				if m.Start < 0 || m.End > len(s) || s[m.Start:m.End] != m.Text {
					t.Fatalf("size %d: entity %s: bad mention %+v", size, en.Name, m)
				}
				if i > 0 && m.Start < en.Mentions[i-1].Start {
					t.Errorf("size %d: entity %s: mentions out of order", size, en.Name)
				}
			}
		}
		var each []event.Event
		ents, err := e.ExtractEach(context.Background(), doc, func(ev event.Event) error {
			if n := len(each); n > 0 && ev.Evidence[0].Start < each[n-1].Evidence[0].Start &&
				windowOf(s, size, ev) != windowOf(s, size, each[n-1]) {
				t.Errorf("size %d: event %s handed out before one of an earlier window", size, ev.ID)
			}
			each = append(each, ev)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(each, res.Events) || !reflect.DeepEqual(ents.List(), res.Entities) {
			t.Errorf("size %d: ExtractEach differs from Extract", size)
		}
	}
}

// windowOf is the index of the window ev's first evidence lies in.
func windowOf(s string, size int, ev event.Event) int {
	for i, w := range windows(s, size) {
		if ev.Evidence[0].Start < w[1] {
			return i
		}
	}
	return -1
}

// TestWindowReadAlone checks that each window is read as a document of its own: two articles one after the
// other, cut between them, give the events each gives alone, at offsets moved by where the second begins.
func TestWindowReadAlone(t *testing.T) {
	tests := []struct{ first, second []string }{
		{[]string{"missile_strike", "idlib_airstrike"}, []string{"kharkiv_shelling"}},
		{[]string{"sahel_ied", "protests"}, []string{"civilians"}},
		{[]string{"strategic", "claims"}, []string{"somalia"}},
	}
	e := testEngine(t, false)
	for _, tt := range tests {
		t.Run(strings.Join(tt.second, "+"), func(t *testing.T) {
			a, pub := joinFixtures(t, tt.first)
			b, _ := joinFixtures(t, tt.second)
			whole := a + "\n\n" + b
			size := len(a) + 3 // the last paragraph break in the window is the one between the two
			if len(b) > size {
				t.Fatalf("the second text (%d bytes) is longer than a window (%d)", len(b), size)
			}
			if got := windows(whole, size); len(got) != 2 || got[1][0] != len(a)+2 {
				t.Fatalf("windows %v, want a cut at %d", got, len(a)+2)
			}
			w := *e
			w.window = size
			doc := event.Document{ID: "both", Text: whole, Language: "en", Published: pub}
			res, err := w.Extract(context.Background(), doc)
			if err != nil {
				t.Fatal(err)
			}
			checkResult(t, whole, res)
			var firstWin, secondWin []event.Event
			for _, ev := range res.Events {
				if ev.Evidence[0].Start < len(a) {
					firstWin = append(firstWin, ev)
				} else {
					secondWin = append(secondWin, ev)
				}
			}
			if len(firstWin) == 0 || len(secondWin) == 0 {
				t.Fatalf("%d and %d events in the two windows, want some in each", len(firstWin), len(secondWin))
			}
			alone := func(text string) []event.Event {
				r, err := e.Extract(context.Background(), event.Document{ID: "both", Text: text, Language: "en", Published: pub})
				if err != nil {
					t.Fatal(err)
				}
				return r.Events
			}
			if got, want := shifted(t, firstWin, 0), shifted(t, alone(a), 0); !reflect.DeepEqual(got, want) {
				t.Errorf("first window:\n got %v\nwant %v", got, want)
			}
			if got, want := shifted(t, secondWin, len(a)+2), shifted(t, alone(b), 0); !reflect.DeepEqual(got, want) {
				t.Errorf("second window:\n got %v\nwant %v", got, want)
			}
		})
	}
}

// joinFixtures is the text of the named fixtures one after another, with the first one's publication date.
func joinFixtures(t *testing.T, names []string) (string, *event.Date) {
	t.Helper()
	var parts []string
	var pub *event.Date
	for _, n := range names {
		d := fixture(t, filepath.Join("testdata", n+".txt"))
		if pub == nil {
			pub = d.Published
		}
		parts = append(parts, strings.TrimSpace(d.Text))
	}
	return strings.Join(parts, "\n\n"), pub
}

// shifted is evs as JSON values without their ids (which hash their offsets), with every span moved back by
// off bytes.
func shifted(t *testing.T, evs []event.Event, off int) []any {
	t.Helper()
	out := []any{}
	for _, ev := range evs {
		b, err := json.Marshal(ev)
		if err != nil {
			t.Fatal(err)
		}
		var v map[string]any
		if err := json.Unmarshal(b, &v); err != nil {
			t.Fatal(err)
		}
		delete(v, "id")
		out = append(out, moveSpans(v, off))
	}
	return out
}

func moveSpans(v any, off int) any {
	switch x := v.(type) {
	case map[string]any:
		s, okS := x["start"].(float64)
		e, okE := x["end"].(float64)
		if _, okT := x["text"].(string); okS && okE && okT {
			x["start"], x["end"] = s-float64(off), e-float64(off)
		}
		for k, y := range x {
			x[k] = moveSpans(y, off)
		}
	case []any:
		for i, y := range x {
			x[i] = moveSpans(y, off)
		}
	}
	return v
}

func TestEntities(t *testing.T) {
	sp := func(start int) event.Span { return event.Span{Start: start, End: start + 1, Text: "x"} }
	ent := func(kind, name string, starts ...int) event.Entity {
		e := event.Entity{Kind: kind, Name: name}
		for _, s := range starts {
			e.Mentions = append(e.Mentions, sp(s))
		}
		return e
	}
	tests := []struct {
		name    string
		windows [][]event.Entity
		want    []event.Entity
	}{
		{"none", nil, nil},
		{"one window kept as it is", [][]event.Entity{{ent("place", "Idlib", 1, 5), ent("group", "HTS", 3)}},
			[]event.Entity{ent("place", "Idlib", 1, 5), ent("group", "HTS", 3)}},
		{"merged in order of first mention", [][]event.Entity{
			{ent("place", "Idlib", 1), ent("group", "HTS", 3)},
			{},
			{ent("organization", "UN", 10), ent("place", "Idlib", 12)},
			{ent("place", "HTS", 20), ent("group", "HTS", 21)},
		}, []event.Entity{
			ent("place", "Idlib", 1, 12), ent("group", "HTS", 3, 21), ent("organization", "UN", 10), ent("place", "HTS", 20),
		}},
		{"first window empty", [][]event.Entity{{}, {ent("place", "Idlib", 7)}}, []event.Entity{ent("place", "Idlib", 7)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := &Entities{text: strings.Repeat("x", 30)}
			for _, w := range tt.windows {
				m.add(w)
			}
			if got := m.List(); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
			if m.Len() != len(tt.want) {
				t.Errorf("Len %d, want %d", m.Len(), len(tt.want))
			}
			var all []event.Entity
			for e := range m.All() {
				all = append(all, e)
			}
			if !reflect.DeepEqual(all, tt.want) {
				t.Errorf("All gives %+v\nwant %+v", all, tt.want)
			}
		})
	}
}

// TestExtractEachStops checks that an error from emit stops the reading and is returned.
func TestExtractEachStops(t *testing.T) {
	s := fixtureText(t)
	e := *testEngine(t, false)
	e.window = 1 << 10
	stop := errors.New("stop")
	n := 0
	_, err := e.ExtractEach(context.Background(), event.Document{ID: "all", Text: s, Language: "en"}, func(event.Event) error {
		n++
		return stop
	})
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("err %v after %d events, want stop after 1", err, n)
	}
}

// TestEntitiesOneWindow checks that a one-window document's entities are handed out as the finder gave them.
func TestEntitiesOneWindow(t *testing.T) {
	plain := []event.Entity{{Kind: "place", Name: "Idlib", Mentions: []event.Span{{Start: 0, End: 5, Text: "Idlib"}}}}
	m := &Entities{text: "Idlib", plain: plain}
	var all []event.Entity
	for e := range m.All() {
		all = append(all, e)
	}
	if m.Len() != 1 || !reflect.DeepEqual(m.List(), plain) || !reflect.DeepEqual(all, plain) {
		t.Errorf("Len %d, List %+v, All %+v; want %+v", m.Len(), m.List(), all, plain)
	}
}
