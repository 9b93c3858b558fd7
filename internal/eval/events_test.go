package eval

import (
	"errors"
	"strings"
	"testing"

	"sitrep/internal/event"
)

const eventArticle = "Rebels shelled the town of Alpha on Monday, killing 5 people.\n" + // line 1
	"\n" +
	"The army said it arrested ten men in Beta.\n" + // line 3
	"\n" +
	"Xland runs a base in Gamma.\n" + // line 5
	"\n" +
	"Hundreds protested in Delta.\n" // line 7

const eventGoldJSON = `{
 "doc": {"id": "fixture", "file": "article.txt", "published": "2020-01-08"},
 "events": [
  {"id": "E1", "required": true, "event_type": "Explosions/Remote violence",
   "sub_event_type": ["Shelling/artillery/missile attack"],
   "actor1": {"name": "Rebels (Xland)", "kind": "rebel_group", "country": "XL", "attribution": "contested"},
   "actor2": null,
   "location": {"name": "Alpha", "lat": 10, "lon": 10, "tolerance_km": 25},
   "date": {"earliest": "2020-01-06", "latest": "2020-01-06", "precision": "day"},
   "fatalities": {"low": 5, "best": 5, "high": 5},
   "claims": [{"claimant": "Army of Xland", "claimant_mentions": ["The army"], "stance": "accuses"},
              {"claimant": "Rebels", "stance": "denies"}],
   "evidence_lines": [1]},
  {"id": "E2", "required": true, "event_type": "Strategic developments", "sub_event_type": "Arrests",
   "actor1": {"name": "Military Forces of Xland", "kind": "state_forces", "country": "XL"},
   "date": {"earliest": "2020-01-01", "latest": "2020-01-31", "precision": "month"},
   "evidence_lines": [3]},
  {"id": "O1", "required": false, "event_type": "Protests", "sub_event_type": ["Peaceful protest"], "evidence_lines": [7]}
 ],
 "not_events": [{"line": 5, "why": "background"}]
}`

func ip(n int) *int { return &n }

func lineSpan(text string, n int) event.Span {
	l := lineSpans(text)[n-1]
	return event.SpanOf(text, l.Start, l.End)
}

func day(s string) event.Date {
	d, err := event.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestScoreEvents(t *testing.T) {
	g, err := ReadEventGold(strings.NewReader(eventGoldJSON), "gold.json")
	if err != nil {
		t.Fatal(err)
	}
	ev := func(n int) []event.Span { return []event.Span{lineSpan(eventArticle, n)} }
	pred := []event.Event{
		{ID: "P1", EventType: "Explosions/Remote violence", SubEventType: "Shelling/artillery/missile attack", Evidence: ev(1),
			Actors:     []event.Actor{{Role: "actor1", Name: "Rebels (Xland)", Kind: "rebel_group", Attribution: "stated"}},
			Location:   &event.Place{Name: "Alpha", Lat: 10.1, Lon: 10}, // 11 km
			Date:       &event.When{Start: day("2020-01-06"), End: day("2020-01-06")},
			Fatalities: &event.Count{Low: ip(5), Best: ip(5)},
			Claims: []event.Claim{{Claimant: event.Claimant{Name: "army"}, Stance: "accuses"},
				{Claimant: event.Claimant{Name: "Monitor"}, Stance: "reports"}}},
		{ID: "P2", EventType: "Strategic developments", SubEventType: "Arrests", Evidence: ev(3),
			Actors: []event.Actor{{Role: "actor1", Name: "Police Forces of Xland", Kind: "state_forces", Country: "xl"}},
			Date:   &event.When{Start: day("2019-12-31"), End: day("2020-01-02")}},
		{ID: "P3", EventType: "Strategic developments", SubEventType: "Headquarters or base established", Evidence: ev(5)},
		{ID: "P4", EventType: "Battles", SubEventType: "Armed clash", Evidence: ev(1)}, // loses E1 to P1's better tier
	}
	r := ScoreEvents(g, eventArticle, pred)
	if r.RequiredFound != 2 || r.Required != 2 || r.OptionalFound != 0 || r.Optional != 1 || len(r.FalseEvents) != 2 {
		t.Fatalf("found %d/%d, optional %d/%d, false %d", r.RequiredFound, r.Required, r.OptionalFound, r.Optional, len(r.FalseEvents))
	}
	if r.Matches[0].Pred != "P1" || r.Matches[1].Pred != "P2" {
		t.Errorf("matches %s, %s; want P1, P2", r.Matches[0].Pred, r.Matches[1].Pred)
	}
	if f := r.FalseEvents[0]; f.Pred != "P3" || len(f.NotEventLines) != 1 || f.NotEventLines[0] != 5 {
		t.Errorf("false event %+v: want P3 on not-event line 5", f)
	}
	want := map[string]string{ // E1
		"event_type": Correct, "sub_event_type": Correct, "actor1": Incorrect, "attribution": Incorrect,
		"date": Correct, "location": Correct, "fatalities.low": Correct, "fatalities.best": Correct,
		"fatalities.high": Missing,
	}
	got := map[string]string{}
	var claims []string
	for _, f := range r.Matches[0].Fields {
		if f.Field == "claims" {
			claims = append(claims, f.Outcome)
			continue
		}
		got[f.Field] = f.Outcome
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("E1 %s = %q, want %q", k, got[k], v)
		}
	}
	if len(got) != len(want) || strings.Join(claims, ",") != "correct,missing,extra" {
		t.Errorf("E1 fields %v, claims %v", got, claims)
	}
	// totals: E1 7 correct, 2 incorrect, 2 missing, 1 extra; E2 5 correct
	if r.Total != (FieldTotal{Field: "total", Correct: 12, Incorrect: 2, Missing: 2, Extra: 1}) {
		t.Errorf("total = %+v", r.Total)
	}
	if r.EventPRF.PRF != (PRF{TP: 2, FP: 2}) {
		t.Errorf("event detection = %+v", r.EventPRF)
	}
	var b strings.Builder
	if err := r.WriteText(&b); err != nil || !strings.Contains(b.String(), "O1 (optional, Protests): not found") {
		t.Errorf("text report:\n%s", b.String())
	}
}

func TestScoreActor1(t *testing.T) {
	gold := GoldEvent{Actor1: &GoldActor{Name: "Military Forces of Russia", Kind: "state_forces", Country: "RU", Attribution: "contested"}}
	accuse := event.Claim{Stance: "accuses"}
	deny := event.Claim{Stance: "denies"}
	russia := func(attr string) []event.Actor {
		return []event.Actor{{Role: "actor1", Name: "Military forces of Russia", Attribution: attr}}
	}
	tests := []struct {
		name          string
		gold          GoldEvent
		pred          []event.Actor
		claims        []event.Claim
		actor1, attri string
	}{
		{"unknown, dispute in claims", gold, nil, []event.Claim{accuse, deny}, Correct, Correct},
		{"unknown, accusation only", gold, nil, []event.Claim{accuse}, Missing, Missing},
		{"contested", gold, russia("contested"), nil, Correct, Correct},
		{"alleged, not contested", gold, russia("alleged"), nil, Correct, Incorrect},
		{"stated as fact", gold, russia("stated"), nil, Incorrect, Incorrect},
		{"attribution empty means stated", gold, russia(""), nil, Incorrect, Incorrect},
		{"wrong party", gold, []event.Actor{{Name: "Military Forces of Syria", Kind: "state_forces", Country: "SY", Attribution: "contested"}}, nil, Incorrect, Correct},
		{"stated gold", GoldEvent{Actor1: &GoldActor{Name: "Military Forces of Russia"}}, russia("stated"), nil, Correct, Correct},
		{"no gold actor", GoldEvent{}, russia("stated"), nil, Extra, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := scoreActor1(tc.gold, tc.pred, tc.claims)
			b := scoreAttribution(tc.gold, tc.pred, tc.claims)
			if a.Outcome != tc.actor1 || b.Outcome != tc.attri {
				t.Errorf("actor1 %q (%s), attribution %q; want %q, %q", a.Outcome, a.Note, b.Outcome, tc.actor1, tc.attri)
			}
		})
	}
}

func TestScoreDateAndLocation(t *testing.T) {
	sept := &GoldDate{Earliest: "2016-09-01", Latest: "2016-09-30"}
	when := func(a, b string) *event.When { return &event.When{Start: day(a), End: day(b)} }
	dates := []struct {
		name string
		gold *GoldDate
		pred *event.When
		want string
	}{
		{"inside", sept, when("2016-09-19", "2016-09-19"), Correct},
		{"same month", sept, when("2016-09-01", "2016-09-30"), Correct},
		{"overlapping, wider", sept, when("2016-08-25", "2016-09-02"), Correct},
		{"touching the last day", sept, when("2016-09-30", "2016-10-05"), Correct},
		{"after", sept, when("2016-10-01", "2016-10-05"), Incorrect},
		{"none predicted", sept, nil, Missing},
		{"none in gold", nil, when("2016-10-01", "2016-10-05"), Extra},
		{"neither", nil, nil, ""},
	}
	for _, tc := range dates {
		if got := scoreDate(tc.gold, tc.pred).Outcome; got != tc.want {
			t.Errorf("date %s: %q, want %q", tc.name, got, tc.want)
		}
	}
	aleppo := &GoldLocation{Name: "Aleppo", Lat: fp(36.2), Lon: fp(37.16), ToleranceKm: 25}
	syria := &GoldLocation{Name: "Syria", Country: "SY", Precision: "country"}
	places := []struct {
		name string
		gold *GoldLocation
		pred *event.Place
		want string
	}{
		{"within tolerance", aleppo, &event.Place{Lat: 36.1, Lon: 37.16}, Correct},    // 11 km
		{"outside tolerance", aleppo, &event.Place{Lat: 36.5, Lon: 37.16}, Incorrect}, // 33 km
		{"country by code", syria, &event.Place{Name: "Syrian Arab Republic", Country: "SY"}, Correct},
		{"country by name", &GoldLocation{Name: "Syria"}, &event.Place{Name: "syria"}, Correct},
		{"other country", syria, &event.Place{Name: "Iraq", Country: "IQ"}, Incorrect},
	}
	for _, tc := range places {
		if got := scoreLocation(tc.gold, tc.pred).Outcome; got != tc.want {
			t.Errorf("location %s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestReadEventGoldErrors(t *testing.T) {
	for name, in := range map[string]string{
		"not json":    `{"events": [`,
		"no events":   `{"events": []}`,
		"bad date":    `{"events": [{"id": "a", "event_type": "Battles", "date": {"earliest": "2016-13-01", "latest": "2016-01-01"}}]}`,
		"line 0":      `{"events": [{"id": "a", "event_type": "Battles", "evidence_lines": [0]}]}`,
		"no type":     `{"events": [{"id": "a"}]}`,
		"bad subtype": `{"events": [{"id": "a", "event_type": "Battles", "sub_event_type": 3}]}`,
	} {
		if _, err := ReadEventGold(strings.NewReader(in), "g.json"); !errors.Is(err, ErrMalformed) || !strings.HasPrefix(err.Error(), "g.json: ") {
			t.Errorf("%s: got %v, want a malformed-gold error naming the file", name, err)
		}
	}
}
