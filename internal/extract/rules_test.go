package extract

import (
	"context"
	"strings"
	"testing"

	"sitrep/internal/event"
)

// TestRules runs one-sentence documents through the engine: the sub-type each yields ("" for none), one rule
// at a time.
func TestRules(t *testing.T) {
	tests := []struct {
		rule, in, want string
	}{
		{"strong cue", "Rebels shelled the town of Idlib on Monday.", "Shelling/artillery/missile attack"},
		{"passive with aircraft", "A school in Mosul was hit by missiles fired from jets on Monday.", "Air/drone strike"},
		{"weak cue needs support", "The attack was condemned.", ""},
		{"modal", "Officials warned that militants could attack the capital.", ""},
		{"negation", "No clashes were reported in the province on Tuesday.", ""},
		{"generic statement", "Air strikes usually leave a large crater.", ""},
		{"pattern accusation", "The army has been accused of shelling villages indiscriminately.", ""},
		{"background noun", "Jets used in the bombing campaign are based in Latakia.", ""},
		{"history", "In 2015, rebels captured the town of Jisr al-Shughur.", ""},
		{"non-conflict cause", "Floods killed 20 people in the south on Monday.", ""},
		{"figurative", "The minister died of a heart attack on Sunday.", ""},
		{"needs an armed party", "The US-Russia clash over Syria deepened on Monday.", ""},
		{"needs territory", "Police captured the suspect on Monday.", ""},
		{"territory by a state", "Government troops recaptured the town of Palmyra on Sunday.", "Government regains territory"},
		{"territory by a non-state actor", "Militants captured the town of Palmyra on Sunday.", "Non-state actor overtakes territory"},
		{"victims decide: civilians", "Gunmen killed five villagers in Zamfara on Sunday.", "Attack"},
		{"victims decide: soldiers", "Militants killed five soldiers in Zamfara on Sunday.", "Armed clash"},
		{"suicide modifier", "A suicide attacker detonated explosives at a market in Kabul on Friday.", "Suicide bomb"},
		{"protest and arrests", "Police arrested 40 protesters in Minsk on Sunday.", "Protest with intervention"},
		{"protest and clashes", "Protesters clashed with police in Lagos on Tuesday.", "Violent demonstration"},
		{"crowd needed for a rally", "Thousands of people rallied in Nairobi on Saturday.", "Peaceful protest"},
		{"deployment", "Russia deployed troops to the border with Ukraine on Monday.", "Change to group/activity"},
		{"two clauses, two events", "Rebels shelled Idlib on Monday; meanwhile a roadside bomb killed three soldiers in Hama.", "Shelling/artillery/missile attack|Remote explosive/landmine/IED"},
		{"intent", "The group remains committed to carrying out attacks against the West.", ""},
		{"purpose infinitive", "The governor asked the army on Monday to send troops to the border.", ""},
		{"ordinary crime", "A man was arrested on Monday and charged with fraud in Boston.", ""},
		{"object of destruction", "Coalition strikes near Mosul destroyed a VBIED and two mortar systems on Monday.", "Air/drone strike"},
		{"interception", "Air defences intercepted two drones over Kyiv on Monday.", "Disrupted weapons use"},
		{"arrest without political weight", "Police arrested a man for stealing a car in Leeds on Monday.", ""},
		{"arrest of activists", "Police arrested 14 activists in Harare on Monday.", "Arrests"},
		{"arrest by the army", "Soldiers detained the village chief in Sagaing on Monday.", "Arrests"},
		{"sexual violence needs an armed party", "A teacher was charged after a pupil said she was raped in Leeds on Monday.", ""},
		{"sexual violence by armed men", "Armed men raped three women near Bunia on Monday.", "Sexual violence"},
		{"denial is no event", "Damascus denied on Monday that its forces had used barrel bombs.", ""},
		{"strike target is no device", "Near Bayji, one strike engaged an ISIL unit and destroyed a building, a VBIED, and a loader.", "Air/drone strike"},
		{"tear gas is no strike", "Police fired tear gas to clear the barricades in Lagos on Monday.", ""},
		{"deaths by force at a protest", "Two people were shot dead when police opened fire on a protest in Conakry on Monday.", "Excessive force against protesters"},
		{"lasting conflict is background", "The group has fought the government for nearly two decades.", ""},
		{"a right is no protest", "The government said on Monday that it respected the right to protest.", ""},
		{"fired on protesters, killing", "Police fired on protesters in Lagos on Tuesday, killing two.", "Excessive force against protesters"},
		{"beaten protesters", "Police beat protesters in Kampala on Monday.", "Protest with intervention"},
		{"support is not the act", "Syrian troops backed by Russian air strikes captured the town of Saraqeb on Monday.", "Government regains territory"},
		{"a curfew imposed", "Authorities imposed a dusk-to-dawn curfew in Gao on Tuesday after clashes.", "Other"},
		{"an emergency declared", "The government declared a state of emergency in Amhara on Friday.", "Other"},
		{"an emergency declared in one phrase", "Ethiopia declared an emergency in Amhara on Friday after militia attacks.", "Other"},
		{"a pilot's emergency is none", "The pilot declared an emergency and the plane landed safely in Lagos on Tuesday.", ""},
		{"a vote that ended is no decree", "Voting ended peacefully in Jos on Monday despite the curfew.", ""},
		{"a curfew headline", "Curfew clamped in Nuh after communal clashes on Monday.", "Other"},
		{"a curfew passive", "A curfew from 6pm to 6am was imposed on Gao on Tuesday.", "Other"},
		{"a curfew in the present tense", "A night curfew goes into effect in Gao on Tuesday.", "Other"},
		{"a curfew eased", "Authorities eased the curfew in Jos on Monday.", "Other"},
		{"a decree far from the curfew", "The president announced on Monday a series of economic reforms that he said would be debated in parliament before the rainy season, while in the north residents described life under the curfew.", ""},
		{"enforcement is no decree", "Law enforcement officers in regions under martial law were told on Monday to report to base.", ""},
		{"a curfew named is no decree", "Residents of Gao on Tuesday complained about curfews, checkpoints and fuel prices.", ""},
		{"life under martial law", "Schools, markets and bridges in the region were affected by martial law, a spokesman said on Monday.", ""},
		{"a crowd that gathered is no rally", "Gunmen opened fire on people gathered at the market in Djibo on Monday.", "Attack"},
	}
	e := testEngine(t, false)
	pub := event.NewDate(2016, 10, 5)
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			res, err := e.Extract(context.Background(), event.Document{ID: "r", Text: tt.in, Published: &pub})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, ev := range res.Events {
				got = append(got, ev.SubEventType)
			}
			if strings.Join(got, "|") != tt.want {
				t.Errorf("%q: got %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestDateline checks that a report's dateline dates the report, not the incident its lede dates.
func TestDateline(t *testing.T) {
	e := testEngine(t, false)
	pub := event.NewDate(2026, 6, 22)
	in := "BEIRUT, June 22 (Wire) - A car bomb exploded near a market in Manbij on Sunday, killing seven people."
	res, err := e.Extract(context.Background(), event.Document{ID: "d", Text: in, Published: &pub})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Events) != 1 || res.Events[0].Date == nil || res.Events[0].Date.Start.String() != "2026-06-21" {
		t.Fatalf("want one event dated 2026-06-21 (Sunday), got %s", brief(res))
	}
}

// TestDateRefinement checks that a week or a month gives way to a day inside it that dates the incident, and
// not to the day of a statement or of a toll update.
func TestDateRefinement(t *testing.T) {
	e := testEngine(t, false)
	tests := []struct {
		name, in   string
		pub        event.Date
		start, end string
	}{
		{"weekday inside this week", "Gunmen attacked a village in North Kivu this week, killing 12 residents on Thursday night.",
			event.NewDate(2026, 6, 13), "2026-06-11", "2026-06-11"},
		{"day inside last month", "Militants ambushed an army convoy last month near Damboa, killing 12 soldiers on 14 May.",
			event.NewDate(2026, 6, 10), "2026-05-14", "2026-05-14"},
		{"statement day stays out", "Militants killed 12 soldiers in Borno state last week, the army said on Monday.",
			event.NewDate(2026, 6, 10), "2026-06-01", "2026-06-07"},
		{"toll update day stays out", "Gunmen attacked a village in North Kivu this week and the death toll rose to 41 on Friday.",
			event.NewDate(2026, 6, 13), "2026-06-08", "2026-06-13"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pub := tt.pub
			res, err := e.Extract(context.Background(), event.Document{ID: "d", Text: tt.in, Published: &pub})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Events) != 1 || res.Events[0].Date == nil {
				t.Fatalf("want one dated event, got %s", brief(res))
			}
			d := res.Events[0].Date
			if d.Start.String() != tt.start || d.End.String() != tt.end {
				t.Errorf("date %s..%s, want %s..%s", d.Start, d.End, tt.start, tt.end)
			}
		})
	}
}

// TestDatelineAnchor checks that relative dates resolve against the dateline's day when the report was filed
// before it was published.
func TestDatelineAnchor(t *testing.T) {
	e := testEngine(t, false)
	pub := event.NewDate(2026, 7, 8) // a Wednesday; the dateline's July 6 is a Monday
	in := "KHARTOUM, July 6 (Wire) - Gunmen killed five villagers in North Darfur on Tuesday, residents said."
	res, err := e.Extract(context.Background(), event.Document{ID: "d", Text: in, Published: &pub})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Events) != 1 || res.Events[0].Date == nil || res.Events[0].Date.Start.String() != "2026-06-30" {
		t.Fatalf("want one event dated 2026-06-30 (the Tuesday before the dateline, not July 7), got %s", brief(res))
	}
}

// TestDatelineIsNoStatementDate checks that a report whose text gives no date of its own is not dated by its
// dateline, which is the day of filing.
func TestDatelineIsNoStatementDate(t *testing.T) {
	e := testEngine(t, true)
	pub := event.NewDate(2026, 6, 23)
	in := "BEIRUT, June 22 (Wire) - Gunmen killed five villagers near the town of Manbij, a war monitor said."
	res, err := e.Extract(context.Background(), event.Document{ID: "d", Text: in, Published: &pub})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Events) != 1 || res.Events[0].Date == nil {
		t.Fatalf("want one dated event, got %s", brief(res))
	}
	for _, x := range res.Events[0].Explain {
		if x.Field == "date" && x.Value == "2026-06-22..2026-06-22" {
			t.Errorf("dated by the dateline: %s (%s)", x.Value, x.Rule)
		}
	}
}
