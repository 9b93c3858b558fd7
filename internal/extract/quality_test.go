package extract

import (
	"context"
	"strings"
	"testing"

	"sitrep/internal/event"
)

// qualityCase is one short report and what the engine must make of it.
type qualityCase struct {
	name, in string
	subs     string            // the events' sub-types in order, "|"-joined
	actors   map[string]string // role -> "|"-joined actor names of the first event, when set
	killed   int               // the first event's best fatality figure, when > 0
	noToll   bool              // the first event must have no fatality figure
	targets  string            // the first event's "|"-joined target names, when set
	weapons  string            // the first event's "|"-joined weapon names, when set
	place    string            // the first event's place name, when set
}

// runQuality extracts each case (published 2026-06-10) and checks its sub-types, actors and toll.
func runQuality(t *testing.T, tests []qualityCase) {
	t.Helper()
	e := testEngine(t, false)
	pub := event.NewDate(2026, 6, 10)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := e.Extract(context.Background(), event.Document{ID: "q", Text: tt.in, Published: &pub})
			if err != nil {
				t.Fatal(err)
			}
			var subs []string
			for _, ev := range res.Events {
				subs = append(subs, ev.SubEventType)
			}
			if got := strings.Join(subs, "|"); got != tt.subs {
				t.Fatalf("sub-types %q, want %q (%s)", got, tt.subs, brief(res))
			}
			if len(res.Events) == 0 {
				return
			}
			ev := res.Events[0]
			for role, want := range tt.actors {
				if got := roleNames(ev, role); got != want {
					t.Errorf("%s %q, want %q", role, got, want)
				}
			}
			if tt.killed > 0 && (ev.Fatalities == nil || ev.Fatalities.Best == nil || *ev.Fatalities.Best != tt.killed) {
				t.Errorf("fatalities %+v, want best %d", ev.Fatalities, tt.killed)
			}
			if tt.noToll && ev.Fatalities != nil {
				t.Errorf("fatalities %+v (%q), want none", ev.Fatalities, spanText(ev.Fatalities.Span))
			}
			if tt.targets != "" && thingNames(ev.Targets) != tt.targets {
				t.Errorf("targets %q, want %q", thingNames(ev.Targets), tt.targets)
			}
			if tt.weapons != "" && thingNames(ev.Weapons) != tt.weapons {
				t.Errorf("weapons %q, want %q", thingNames(ev.Weapons), tt.weapons)
			}
			if tt.place != "" && (ev.Location == nil || ev.Location.Name != tt.place) {
				t.Errorf("place %+v, want %q", ev.Location, tt.place)
			}
		})
	}
}

// thingNames joins the names of weapons or targets.
func thingNames(ts []event.Thing) string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Name)
	}
	return strings.Join(out, "|")
}

// spanText is the text of a span, "" without one.
func spanText(s *event.Span) string {
	if s == nil {
		return ""
	}
	return s.Text
}

// roleNames joins the names of the event's actors in role.
func roleNames(ev event.Event, role string) string {
	var out []string
	for _, a := range ev.Actors {
		if a.Role == role {
			out = append(out, a.Name)
		}
	}
	return strings.Join(out, "|")
}

// TestClashSides checks that fighting between two named armed parties stays a clash between them, however
// the dead are described.
func TestClashSides(t *testing.T) {
	runQuality(t, []qualityCase{
		{name: "people killed in fighting", subs: "Armed clash",
			in:     "Fighting between Boko Haram and ISWAP near Monguno has killed at least 11 people, officials said on Monday.",
			actors: map[string]string{"actor1": "Boko Haram", "actor2": "Islamic State West Africa Province"}},
		{name: "a faction of a named group", subs: "Armed clash",
			in:     "Fighting between the Allied Democratic Forces (ADF) and a faction of the former M23 rebels in Ituri province has killed at least eight people.",
			actors: map[string]string{"actor1": "Allied Democratic Forces", "actor2": "March 23 Movement"}},
		{name: "clashes broke out between", subs: "Armed clash",
			in:     "Clashes broke out on Sunday between al-Shabaab militants and Ma'awisley fighters near Beledweyne, leaving nine people dead.",
			actors: map[string]string{"actor1": "Al Shabaab", "actor2": "Ma'awisley"}},
		{name: "named civilians still decide", subs: "Attack",
			in: "Gunmen killed five villagers in Zamfara on Sunday."},
	})
}

// TestStrayPlace checks that a sentence naming the incident again ("The clashes started near ...") joins it
// even when its village was placed in another country than the report's.
func TestStrayPlace(t *testing.T) {
	runQuality(t, []qualityCase{
		{name: "anaphor with a place abroad", subs: "Armed clash", killed: 9,
			in: "Fighting broke out on Monday between the Syrian army and Hayat Tahrir al-Sham in Idlib province, killing nine fighters. " +
				"The clashes started near the village of Beit Lahia, where the two sides exchanged fire with mortars."},
	})
}

// TestBackgroundSums checks that a sum over a span of the conflict is background, that a lede in the present
// perfect is still an incident, and that a background sum does not lend its figure to the incident it follows.
func TestBackgroundSums(t *testing.T) {
	runQuality(t, []qualityCase{
		{name: "thousands over a decade", subs: "",
			in: "The militia has killed thousands of villagers in the province over the past decade."},
		{name: "plural operations in recent years", subs: "",
			in: "Al-Shabaab has carried out scores of bombings in Mogadishu in recent years."},
		{name: "a month summed up", subs: "",
			in: "In the past month alone, air strikes have killed 150 civilians in the province."},
		{name: "a year's toll", subs: "",
			in: "Gangs have killed more than 2,000 people in Port-au-Prince this year, the UN said."},
		{name: "a lede in the present perfect", subs: "Attack", killed: 30,
			in: "At least 30 villagers have been killed in an attack by gunmen in Borno, officials said on Monday."},
		{name: "a ranking is no sum", subs: "Attack", killed: 12,
			in: "Gunmen have killed 12 villagers in the deadliest attack this year in Zamfara."},
		{name: "background does not lend its toll", subs: "Attack", killed: 18,
			in: "At least 18 villagers were killed when gunmen attacked a village in Ituri on Sunday. " +
				"The army blamed the ADF, which has killed thousands of civilians in the area over the past decade."},
		{name: "a party's record in a relative clause", subs: "",
			in: "Aid groups met on Monday with the RSF, which have besieged the city, to discuss a corridor."},
		{name: "a relative clause after a party does not hide the accusation", subs: "Shelling/artillery/missile attack", killed: 7,
			in: "Shelling killed seven people at a market in El Fasher on Monday, medics said. " +
				"They blamed the RSF, which have besieged the city, for the shelling.",
			actors: map[string]string{"actor1": "Rapid Support Forces"}},
		{name: "an incident's toll in a relative clause", subs: "Armed clash", killed: 27,
			in: "Clashes between rival militias in Tripoli, which have killed at least 27 people, continued on Wednesday."},
	})
}

// TestDetailSentences checks that a sentence without a cue of its own that tells how the incident happened
// joins it, and that what a region went through, or fighting dated only by a year, is no incident.
func TestDetailSentences(t *testing.T) {
	runQuality(t, []qualityCase{
		{name: "stepped on the mine joins", subs: "Remote explosive/landmine/IED", killed: 3,
			in: "A landmine exploded near a village in Kayin State on Tuesday, a rescue group said. " +
				"Three farmers died when one of them stepped on the mine on a track once used by soldiers during fighting earlier this year."},
		{name: "what a region went through", subs: "",
			in: "The district has seen heavy fighting between the army and the rebels."},
		{name: "fighting dated by a year", subs: "",
			in: "Soldiers and rebels fought in the district earlier this year."},
	})
}

// TestDestinationPlace checks that where the wounded were taken or people fled is not the incident's place.
func TestDestinationPlace(t *testing.T) {
	e := testEngine(t, false)
	pub := event.NewDate(2026, 6, 10)
	in := "Gunmen killed four villagers in North Kivu province on Monday, and the wounded were taken to hospital in Butembo."
	res, err := e.Extract(context.Background(), event.Document{ID: "d", Text: in, Published: &pub})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Events) != 1 || res.Events[0].Location == nil || strings.Contains(res.Events[0].Location.Name, "Butembo") {
		t.Fatalf("want one event not placed at the hospital, got %s", brief(res))
	}
}

// TestAcceptanceGaps checks short reports of the kinds our acceptance runs got wrong: the police named with a
// demonym, crowds and riot gear in the lexicon, datelines, a group's associate named in a modifier, vague
// tolls, the parties to an agreement, the army named by its aircraft or as a junta, the other side named
// after "fighting with", the side that took the blow, a clash that ends an attack, and the people arrested.
func TestAcceptanceGaps(t *testing.T) {
	runQuality(t, []qualityCase{
		{name: "demonym police before a verb", subs: "Protest with intervention",
			in:      "Kenyan police fire tear gas at protesters in Nairobi on Tuesday.",
			actors:  map[string]string{"actor1": "Protesters (Kenya)", "actor2": "Police Forces of Kenya"},
			targets: "crowd"},
		{name: "water cannon is its own weapon", subs: "Protest with intervention",
			in:      "Police used water cannon to disperse demonstrators in Tbilisi on Sunday.",
			weapons: "water cannon", targets: "crowd"},
		{name: "a wedding is no crowd", subs: "Air/drone strike",
			in:      "An air strike hit a wedding party in the village of Al-Raqa on Sunday, killing 20 guests.",
			targets: "wedding|village"},
		{name: "a dateline names no target", subs: "Air/drone strike",
			in:      "PORT SUDAN — A drone struck a fuel depot in the city on Sunday, setting it ablaze, the army said.",
			targets: "fuel depot", place: "Port Sudan"},
		{name: "an associate in a linked modifier", subs: "Suicide bomb",
			in: "A suicide bomber killed at least 12 people at a beach hotel in Mogadishu on Friday. " +
				"The al Qaeda-linked al Shabaab group claimed responsibility for the attack.",
			actors: map[string]string{"actor1": "Al Shabaab"}},
		{name: "an associate after affiliated with", subs: "Attack",
			in:     "Gunmen killed nine villagers in Ituri province on Monday. The ADF, a group affiliated with the Islamic State, claimed the killings.",
			actors: map[string]string{"actor1": "Allied Democratic Forces"}},
		{name: "hundreds dead, as ACLED counts them", subs: "Attack",
			in:     "Hundreds of people were killed when paramilitary fighters attacked the town of El Geneina on Thursday, witnesses said.",
			killed: 100},
		{name: "a government signs", subs: "Agreement",
			in:     "Colombia's government and the ELN signed a ceasefire agreement in Havana on Friday.",
			actors: map[string]string{"actor1": "Government of Colombia", "actor2": "National Liberation Army (Colombia)"}},
		{name: "a capital signs for its government", subs: "Agreement",
			in:     "Khartoum and the SPLM-N signed a peace agreement in Juba on Saturday.",
			actors: map[string]string{"actor1": "Government of Sudan"}},
		{name: "military jets name the army", subs: "Air/drone strike",
			in:     "Military jets bombed a village in Myanmar's Sagaing region on Monday, killing at least 15 civilians, residents said.",
			actors: map[string]string{"actor1": "Military Forces of Myanmar", "actor2": "Civilians (Myanmar)"}, killed: 15, place: "Sagaing Region"},
		{name: "a junta air strike", subs: "Air/drone strike",
			in:     "A junta air strike killed eight villagers in Sagaing region on Monday, residents said.",
			actors: map[string]string{"actor1": "Military Forces of Myanmar", "actor2": "Civilians (Myanmar)"}, killed: 8},
		{name: "the other side after fighting with", subs: "Non-state actor overtakes territory",
			in:     "M23 rebels captured the town of Sake in eastern Congo on Wednesday after heavy fighting with the Congolese army, residents said.",
			actors: map[string]string{"actor1": "March 23 Movement", "actor2": "Military Forces of the Democratic Republic of Congo"}},
		{name: "the other side after clashes with", subs: "Government regains territory",
			in:     "Syrian troops recaptured the town of Maaret al-Numan on Sunday after days of clashes with Hayat Tahrir al-Sham.",
			actors: map[string]string{"actor1": "Military Forces of Syria", "actor2": "Hayat Tahrir al-Sham"}},
		{name: "the victims' force is not the attacker", subs: "Armed clash",
			in: "Islamist militants killed dozens of soldiers in an attack on an army base in northern Burkina Faso on Saturday, security sources said. " +
				"Scores of attackers on motorbikes stormed the base at dawn and seized weapons and vehicles before withdrawing. " +
				"JNIM claimed the attack.",
			actors: map[string]string{"actor1": "Jama'at Nusrat al-Islam wal-Muslimin", "actor2": "Military Forces of Burkina Faso"},
			killed: 12},
		{name: "rejected claims are no claim of the deed", subs: "Air/drone strike",
			in:     "Drones struck a fuel depot in Belgorod on Monday, Russian officials said. Ukraine's military rejected claims of drone attacks on the region.",
			actors: map[string]string{"actor1": "Military Forces of Ukraine"}}, // the party that denies, contested
		{name: "attackers without a death verb give no toll", subs: "Attack",
			in:     "Scores of attackers stormed the village of Kwatas in Benue on Sunday, burning homes, residents said.",
			noToll: true},
		{name: "attackers who killed are not the dead", subs: "Armed clash", killed: 30,
			in: "Scores of attackers killed at least 30 soldiers at an army post near Djibo on Saturday, security sources said."},
		{name: "the arrested activists", subs: "Arrests",
			in:     "Police in Harare arrested 14 opposition activists on Saturday during a meeting at a private home, their lawyer said.",
			actors: map[string]string{"actor1": "Police Forces of Zimbabwe", "actor2": "Civilians (Zimbabwe)"}},
		{name: "the arrested members of a group", subs: "Arrests",
			in:     "Nigerian troops arrested 12 suspected Boko Haram members in Maiduguri on Monday.",
			actors: map[string]string{"actor1": "Military Forces of Nigeria", "actor2": "Boko Haram"}},
		{name: "the arrested journalists", subs: "Arrests",
			in:     "Security forces in Ethiopia detained three journalists in Addis Ababa on Monday.",
			actors: map[string]string{"actor2": "Civilians (Ethiopia)"}},
		{name: "a clash that ends the attack joins it", subs: "Attack",
			in: "Gunmen attacked a church in the town of Kaduna on Sunday, killing five worshippers. " +
				"The attackers later exchanged fire with police, killing one officer, before fleeing, a police spokesman said."},
		{name: "attackers who flee and fight police join the attack", subs: "Abduction/forced disappearance", place: "Kaduna State",
			in: "Gunmen stormed a church in southern Kaduna state on Sunday, killing five worshippers and abducting dozens, police said. " +
				"As they fled, the attackers exchanged fire with police, killing one officer, the police spokesman added."},
		{name: "soldiers who died are no attacker", subs: "Armed clash",
			in:     "Dozens of soldiers died when an army base in Djibo came under attack on Saturday.",
			actors: map[string]string{"actor1": "Unidentified Armed Group (Burkina Faso)", "actor2": "Military Forces of Burkina Faso"}},
		{name: "the side that lost men is no attacker", subs: "Armed clash",
			in:     "The Burkinabe army lost dozens of soldiers in an attack on its base in Djibo on Saturday.",
			actors: map[string]string{"actor1": "Unidentified Armed Group (Burkina Faso)", "actor2": "Military Forces of Burkina Faso"}},
		{name: "an attack on a military post is a clash", subs: "Armed clash", killed: 12,
			in:     "Militants attacked a military post in Djibo on Saturday. Dozens of soldiers were killed, the army said.",
			actors: map[string]string{"actor1": "Unidentified Armed Group (Burkina Faso)", "actor2": "Military Forces of Burkina Faso"}},
		{name: "soldiers killed after the cue are the other side", subs: "Armed clash", killed: 2,
			in:     "Gunmen attacked an army checkpoint near Kidal on Monday, killing two soldiers.",
			actors: map[string]string{"actor1": "Unidentified Armed Group (Mali)", "actor2": "Military Forces of Mali"}},
		{name: "a force backing another is no party", subs: "Attack", killed: 12,
			in:     "Pro-government militiamen backed by the army attacked a village in Darfur on Monday, killing 12 civilians.",
			actors: map[string]string{"actor1": "Pro-Government Militia (Sudan)", "actor2": "Civilians (Sudan)"}},
		{name: "a claim about the strike is no claim of it", subs: "Air/drone strike",
			in:     "A drone strike killed five people in Kherson on Monday. Russia claimed the strike hit a military target.",
			actors: map[string]string{"actor1": "Unidentified Armed Group (Ukraine)"}},
		{name: "the actor is no target", subs: "Excessive force against protesters",
			in:      "Nigerian police officers shot dead two protesters in Lagos on Monday.",
			actors:  map[string]string{"actor1": "Police Forces of Nigeria"},
			targets: "crowd"},
		{name: "two parties that sign are the two sides", subs: "Agreement",
			in:     "The government and the rebels signed a peace deal in Juba on Friday.",
			actors: map[string]string{"actor1": "Government of South Sudan", "actor2": "Opposition Rebels (South Sudan)"}},
	})
}

// TestDatelineCity checks that "the city" of a report without a town of its own is its dateline's town, and
// that a town the text names, known to the gazetteer or not, keeps the dateline out.
func TestDatelineCity(t *testing.T) {
	e := testEngine(t, false)
	pub := event.NewDate(2026, 6, 10)
	tests := []struct {
		name, in string
		dateline bool // the event is placed at the dateline's town
	}{
		{"the city is the dateline's", "PORT SUDAN — A drone struck a fuel depot in the city on Sunday, the army said.", true},
		{"a town the text names", "MOGADISHU — Troops recaptured the town of Adan Yabaal from al-Shabaab on Sunday after two days of fighting in the town.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := e.Extract(context.Background(), event.Document{ID: "d", Text: tt.in, Published: &pub})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Events) == 0 {
				t.Fatalf("no event")
			}
			loc := res.Events[0].Location
			got := loc != nil && loc.Span != nil && loc.Span.Start == 0
			if got != tt.dateline {
				t.Errorf("placed at the dateline %v, want %v (%s)", got, tt.dateline, brief(res))
			}
		})
	}
}
