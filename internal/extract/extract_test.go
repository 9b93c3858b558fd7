package extract

import (
	"context"
	"errors"
	"strings"
	"testing"

	"sitrep/internal/event"
	"sitrep/internal/text"
)

// want is the key of one expected event: its sub-type and place pick it out, the other fields are checked
// when set.
type want struct {
	sub    string
	place  string // location name contains this
	actor1 string // some actor1's name ("" = not checked)
	attr   string // that actor1's attribution ("" = not checked)
	killed int    // fatalities best (-1 = not checked, 0 = no fatalities)
	from   string // date interval ("" = not checked)
	to     string
}

func TestKeyFields(t *testing.T) {
	tests := []struct {
		file   string
		events int
		want   []want
	}{
		{"idlib_airstrike", 2, []want{
			{sub: "Air/drone strike", place: "Idlib", actor1: "Military Forces of Russia", attr: event.AttrContested, killed: 12, from: "2024-03-12", to: "2024-03-12"},
			{sub: "Shelling/artillery/missile attack", place: "Ariha", actor1: "Military Forces of Syria", killed: 3, from: "2024-03-13", to: "2024-03-14"},
		}},
		{"kharkiv_shelling", 3, []want{
			{sub: "Shelling/artillery/missile attack", place: "Izmail", killed: 0, from: "2023-11-06", to: "2023-11-08"},
			{sub: "Shelling/artillery/missile attack", place: "Kharkiv", actor1: "Military Forces of Russia", killed: 6, from: "2023-11-06", to: "2023-11-06"},
			{sub: "Disrupted weapons use", place: "Odesa", killed: -1, from: "2023-11-06", to: "2023-11-08"},
		}},
		{"sahel_ied", 4, []want{
			{sub: "Remote explosive/landmine/IED", place: "Gao", killed: 13, from: "2022-06-14", to: "2022-06-14"},
			{sub: "Suicide bomb", place: "Djibo", killed: 20, from: "2022-06-06", to: "2022-06-12"},
			{sub: "Non-state actor overtakes territory", place: "Tera", killed: -1, from: "2022-06-12", to: "2022-06-12"},
			{sub: "Armed clash", place: "Menaka", killed: -1},
		}},
		{"somalia", 3, []want{
			{sub: "Suicide bomb", place: "Mogadishu", actor1: "Al Shabaab", killed: 31, from: "2019-07-22", to: "2019-07-22"},
			{sub: "Government regains territory", place: "Buulobarde", actor1: "Military Forces of Somalia", killed: -1},
			{sub: "Grenade", place: "Mandera", killed: 0, from: "2019-07-20", to: "2019-07-20"},
		}},
		{"protests", 5, []want{
			{sub: "Peaceful protest", place: "Nairobi", killed: 0, from: "2021-06-19", to: "2021-06-19"},
			{sub: "Protest with intervention", place: "Dhaka", killed: 0, from: "2021-06-20", to: "2021-06-20"},
			{sub: "Excessive force against protesters", place: "Khartoum", killed: 5, from: "2021-06-17", to: "2021-06-17"},
			{sub: "Violent demonstration", place: "Mombasa", killed: 0, from: "2021-06-18", to: "2021-06-18"},
			{sub: "Mob violence", place: "Ikorodu", killed: 0, from: "2021-06-20", to: "2021-06-20"},
		}},
		{"civilians", 4, []want{
			{sub: "Sexual violence", place: "Bunia", killed: 0, from: "2020-01-01", to: "2020-01-31"},
			{sub: "Attack", place: "Bokkos", killed: 5, from: "2020-02-09", to: "2020-02-09"},
			{sub: "Abduction/forced disappearance", place: "Kaduna", killed: 0, from: "2020-02-07", to: "2020-02-07"},
			{sub: "Chemical weapon", place: "Saraqib", killed: -1, from: "2020-02-08", to: "2020-02-08"},
		}},
		{"strategic", 7, []want{
			{sub: "Agreement", place: "Juba", killed: 0, from: "2022-05-03", to: "2022-05-03"},
			{sub: "Arrests", place: "Harare", killed: 0, from: "2022-05-05", to: "2022-05-05"},
			{sub: "Change to group/activity", place: "Gomel", actor1: "Military Forces of Russia", killed: 0},
			{sub: "Headquarters or base established", place: "Timbuktu", killed: 0},
			{sub: "Looting/property destruction", place: "Omdurman", killed: 0, from: "2022-05-02", to: "2022-05-02"},
			{sub: "Non-violent transfer of territory", place: "Kidal", killed: 0, from: "2022-05-05", to: "2022-05-05"},
			{sub: "Other", place: "Kismayo", killed: 0, from: "2022-05-01", to: "2022-05-01"},
		}},
		{"claims", 2, []want{
			{sub: "Disrupted weapons use", place: "Syria", killed: 0, from: "2018-04-10", to: "2018-04-10"},
			{sub: "Air/drone strike", place: "Homs", actor1: "Military Forces of Israel", attr: event.AttrStated, killed: 14, from: "2018-04-09", to: "2018-04-09"},
		}},
		{"dateline", 1, []want{
			{sub: "Chemical weapon", place: "Khan Sheikhoun", killed: 58, from: "2017-04-04", to: "2017-04-04"},
		}},
		{"missile_strike", 2, []want{
			// Russia says it hit the building and denies only targeting civilians: it owns the strike, uncontested
			{sub: "Shelling/artillery/missile attack", place: "Vinnytsia", actor1: "Military Forces of Russia", attr: event.AttrStated, killed: 23, from: "2022-07-14", to: "2022-07-14"},
			{sub: "Shelling/artillery/missile attack", place: "Bakhmut", actor1: "Military Forces of Russia", killed: 2, from: "2022-07-13", to: "2022-07-14"}, // overnight before the July 14 dateline,
		}},
		{"background", 0, nil},
	}
	e := testEngine(t, false)
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			doc := fixture(t, "testdata/"+tt.file+".txt")
			res, err := e.Extract(context.Background(), doc)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Events) != tt.events {
				t.Errorf("%d events, want %d:\n%s", len(res.Events), tt.events, brief(res))
			}
			for _, w := range tt.want {
				ev := findEvent(res, w)
				if ev == nil {
					t.Errorf("no %s event at %s in:\n%s", w.sub, w.place, brief(res))
					continue
				}
				checkWant(t, ev, w)
			}
		})
	}
}

// findEvent returns the event of w's sub-type whose place contains w.place.
func findEvent(res event.Result, w want) *event.Event {
	for i, ev := range res.Events {
		if ev.SubEventType == w.sub && ev.Location != nil && (strings.Contains(text.Fold(ev.Location.Name), text.Fold(w.place)) ||
			ev.Location.Span != nil && strings.Contains(ev.Location.Span.Text, w.place)) {
			return &res.Events[i]
		}
	}
	return nil
}

// checkWant compares the checked fields of w with ev.
func checkWant(t *testing.T, ev *event.Event, w want) {
	t.Helper()
	if w.actor1 != "" {
		found := false
		for _, a := range ev.Actors {
			if a.Role == event.RoleActor1 && a.Name == w.actor1 {
				found = true
				if w.attr != "" && a.Attribution != w.attr {
					t.Errorf("%s: actor1 %s is %s, want %s", w.sub, a.Name, a.Attribution, w.attr)
				}
			}
		}
		if !found {
			t.Errorf("%s: no actor1 %q in %+v", w.sub, w.actor1, ev.Actors)
		}
	}
	switch {
	case w.killed == 0 && ev.Fatalities != nil:
		t.Errorf("%s: fatalities %+v, want none", w.sub, *ev.Fatalities)
	case w.killed > 0 && (ev.Fatalities == nil || ev.Fatalities.Best == nil || *ev.Fatalities.Best != w.killed):
		t.Errorf("%s: fatalities %+v, want best %d", w.sub, ev.Fatalities, w.killed)
	}
	if w.from != "" {
		if ev.Date == nil || ev.Date.Start.String() != w.from || ev.Date.End.String() != w.to {
			t.Errorf("%s: date %+v, want %s..%s", w.sub, ev.Date, w.from, w.to)
		}
	}
}

// brief lists a result's events one a line, for failure messages.
func brief(res event.Result) string {
	var b strings.Builder
	for _, ev := range res.Events {
		b.WriteString("  " + ev.SubEventType)
		if ev.Location != nil {
			b.WriteString(" @" + ev.Location.Name)
		}
		if ev.Date != nil {
			b.WriteString(" " + ev.Date.Start.String() + ".." + ev.Date.End.String())
		}
		for _, a := range ev.Actors {
			b.WriteString(" " + a.Role + "=" + a.Name + "/" + a.Attribution)
		}
		if ev.Fatalities != nil && ev.Fatalities.Best != nil {
			b.WriteString(" killed=" + itoa(*ev.Fatalities.Best))
		}
		b.WriteString(" | " + ev.Summary + "\n")
	}
	return b.String()
}

func TestBadInput(t *testing.T) {
	e := testEngine(t, false)
	ctx := context.Background()
	if _, err := e.Extract(ctx, event.Document{ID: "fr", Language: "fr", Text: "Des frappes aériennes."}); !errors.Is(err, ErrUnsupportedLanguage) {
		t.Errorf("French: err %v, want ErrUnsupportedLanguage", err)
	}
	for _, txt := range []string{"", "   \n\n", "\xff\xfe\x00\x01 killed 5 \xc3", strings.Repeat("bomb ", 2000)} {
		res, err := e.Extract(ctx, event.Document{ID: "x", Text: txt})
		if err != nil {
			t.Errorf("%q: %v", txt[:min(len(txt), 20)], err)
		}
		checkResult(t, txt, res)
		if res.Events == nil {
			t.Errorf("events must be an empty list, not null")
		}
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := e.Extract(cancelled, event.Document{ID: "c", Text: "Rebels shelled the town."}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: err %v", err)
	}
	if _, err := New(nil, nil, nil, Options{}).Extract(ctx, event.Document{Text: "x"}); !errors.Is(err, ErrNoCues) {
		t.Errorf("nil lexicon: err %v, want ErrNoCues", err)
	}
}
