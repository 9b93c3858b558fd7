package geoparse

import (
	"context"
	"strings"
	"sync"
	"testing"

	"sitrep/internal/event"
	"sitrep/internal/gazetteer"
)

var (
	parserOnce sync.Once
	parser     *Parser
)

// testParser returns a parser over the embedded gazetteer, shared by the tests.
func testParser(t testing.TB) *Parser {
	t.Helper()
	parserOnce.Do(func() {
		g, err := gazetteer.Default()
		if err != nil {
			t.Fatal(err)
		}
		parser = New(g)
	})
	return parser
}

// find returns the toponym whose text is name (the n-th one, from 0), or fails.
// notFound fails t when ts holds a toponym written text.
func notFound(t *testing.T, ts []Toponym, text string) {
	t.Helper()
	for _, x := range ts {
		if x.Text == text {
			t.Errorf("%q reported: %s %s (%s)", text, x.Name, x.Country, x.Rule)
		}
	}
}

func find(t *testing.T, ts []Toponym, name string, n int) Toponym {
	t.Helper()
	for _, tp := range ts {
		if tp.Text == name {
			if n == 0 {
				return tp
			}
			n--
		}
	}
	t.Fatalf("no toponym %q in %+v", name, texts(ts))
	return Toponym{}
}

func texts(ts []Toponym) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Text + "/" + t.Country
	}
	return out
}

func TestResolution(t *testing.T) {
	p := testParser(t)
	tests := []struct {
		name, text, topo string
		nth              int
		country, admin1  string
		kind, precision  string
		locational       bool
	}{
		{"city", "Fighting continued in Aleppo on Monday.", "Aleppo", 0, "SY", "", KindCity, event.LocExact, true},
		{"transliteration", "Shelling hit Halab overnight.", "Halab", 0, "SY", "", KindCity, event.LocExact, true},
		{"country", "The ceasefire in Syria collapsed.", "Syria", 0, "SY", "", KindCountry, event.LocCountry, true},
		{"capital default", "She moved to Paris last year.", "Paris", 0, "FR", "", KindCity, event.LocExact, true},
		{"comma region", "The festival is held in Paris, Texas, every spring.", "Paris", 0, "US", "Texas", KindCity, event.LocExact, true},
		{"document focus", "Dallas police said a man from Paris was arrested. Texas officials in Austin and Houston agreed.",
			"Paris", 0, "US", "Texas", KindCity, event.LocExact, true},
		{"port hint", "Russia sent a missile system to the Syrian port of Tartus.", "Tartus", 0, "SY", "", KindCity, event.LocExact, true},
		{"metonym", "Moscow denies the charge and says the convoy caught fire.", "Moscow", 0, "RU", "", KindCity, event.LocExact, false},
		{"metonym with adverbial", "Washington on Tuesday blamed the rebels.", "Washington", 0, "US", "", KindCity, event.LocExact, false},
		{"locative capital", "Talks were held in Moscow on Friday.", "Moscow", 0, "RU", "", KindCity, event.LocExact, true},
		{"agent capital", "He questioned why Moscow was making the move.", "Moscow", 0, "RU", "", KindCity, event.LocExact, false},
		{"agent country", "Russia has sent a missile system.", "Russia", 0, "RU", "", KindCountry, event.LocCountry, false},
		{"passive country", "Syria was hit by storms.", "Syria", 0, "SY", "", KindCountry, event.LocCountry, true},
		{"georgia country", "Protesters gathered in Tbilisi as Georgia and Russia traded accusations.", "Georgia", 0, "GE", "", KindCountry, event.LocCountry, true},
		{"georgia state", "Storms hit Atlanta, Georgia, and parts of Alabama and Tennessee.", "Georgia", 0, "US", "", KindAdmin1, event.LocRegion, true},
		{"state list", "Cases were reported in Texas, Georgia and Ohio.", "Georgia", 0, "US", "", KindAdmin1, event.LocRegion, true},
		{"abbreviated state", "The plant in Gainesville, Va., closed.", "Gainesville", 0, "US", "Virginia", KindCity, event.LocExact, true},
		{"name after its state", "Officials in Portland, Maine, said.", "Portland", 0, "US", "Maine", KindCity, event.LocExact, true},
		{"sea", "The ship sank in the Mediterranean.", "Mediterranean", 0, "", "", KindFeature, event.LocRegion, true},
		{"former country name", "Floods hit the Gold Coast after heavy rain.", "Gold Coast", 0, "AU", "", KindCity, event.LocExact, true},
		{"former name alone", "He was born in Rhodesia in 1950.", "Rhodesia", 0, "ZW", "", KindCountry, event.LocCountry, true},
		{"state by its bare name", "OLYMPIA, Wash. - Crews from Washington also served in Florida and Washington, D.C., last year.", "Washington", 0, "US", "Washington State",
			KindAdmin1, event.LocRegion, true},
		{"capital with its abbreviation in a list", "OLYMPIA, Wash. - Crews from Washington also served in Florida and Washington, D.C., last year.",
			"Washington", 1, "US", "District of Columbia", KindCity, event.LocExact, true},
		{"province by its bare name", "Cholera cases in Midlands doubled this week, health officials in Gweru said.", "Midlands", 0,
			"ZW", "", KindAdmin1, event.LocRegion, true},
		{"named site over a translated name", "Reporters gathered outside the White House on Monday.", "White House", 0,
			"US", "", KindFeature, event.LocRegion, true},
		{"capital by its bare name", "Talks in Washington ended on Friday.", "Washington", 0, "US", "District of Columbia", KindCity, event.LocExact, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := find(t, p.Parse(tt.text), tt.topo, tt.nth)
			if got.Country != tt.country || !got.Resolved || got.Kind != tt.kind || got.Precision != tt.precision ||
				got.Locational != tt.locational || (tt.admin1 != "" && !strings.HasPrefix(got.Admin1, tt.admin1)) {
				t.Errorf("%q -> %+v, want country %s admin1 %q kind %s precision %s locational %v", tt.topo, got,
					tt.country, tt.admin1, tt.kind, tt.precision, tt.locational)
			}
			if got.Rule == "" {
				t.Error("no rule named")
			}
			if tt.text[got.Start:got.End] != got.Text {
				t.Errorf("span %d-%d is %q, text %q", got.Start, got.End, tt.text[got.Start:got.End], got.Text)
			}
		})
	}
}

// TestForeignHomonym checks that in a document centred on one country, a name whose readings are small towns
// abroad is placed in that country instead: by the place it is written with, else at the division or the
// country the document centres on.
func TestForeignHomonym(t *testing.T) {
	p := testParser(t)
	const ukraine = "Shelling hit Kharkiv and Izium in eastern Ukraine on Monday. "
	tests := []struct {
		name, text, topo         string
		country, kind, precision string
	}{
		{"in-country reading wins", "Floods hit Tours and Orléans in France on Monday. In Léré, the river rose.", "Léré",
			"FR", KindCity, event.LocExact},
		{"document division", ukraine + "Residents of the village of Noves fled west.", "Noves",
			"UA", KindAdmin1, event.LocRegion},
		{"document country", "Shelling hit Kharkiv and Odesa in Ukraine on Monday. Residents of the village of Noves fled west.",
			"Noves", "UA", KindCountry, event.LocCountry},
		{"possessive city", ukraine + "A shell struck Kharkiv's Noves district.", "Noves", "UA", KindCity, event.LocNear},
		{"unfocused document keeps the town", "Residents of the village of Noves celebrated.", "Noves",
			"FR", KindCity, event.LocExact},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := find(t, p.Parse(tt.text), tt.topo, 0)
			if got.Country != tt.country || got.Kind != tt.kind || got.Precision != tt.precision {
				t.Errorf("%q -> %+v, want country %s kind %s precision %s", tt.topo, got, tt.country, tt.kind, tt.precision)
			}
		})
	}
}

func TestRecognitionLeavesOut(t *testing.T) {
	p := testParser(t)
	tests := []struct{ name, text, absent string }{
		{"demonym", "Syrian forces advanced with Russian support.", "Syrian"},
		{"person", "Secretary of State John Kerry met Sergei Lavrov.", "Kerry"},
		{"person by title", "President Jackson spoke.", "Jackson"},
		{"newspaper", "The New York Times reported the attack.", "New York"},
		{"airline", "A Turkish Airlines flight landed.", "Turkish"},
		{"sentence-initial word", "March was the deadliest month.", "March"},
		{"common word used lower case too", "Reading is fun. People enjoy reading books.", "Reading"},
		{"acronym", "UNOSAT reviewed the images.", "UNOSAT"},
		{"surname seen before", "Pentagon spokesman Peter Cook said so. Cook added that talks continue.", "Cook"},
		{"organisation of a place", "She studied at the University of Manchester.", "Manchester"},
		{"stop word starting a name", "He shops at Best Buy.", "Buy"},
		{"names joined by and", "Birds died in Bumbacari and Dudescu.", "Bumbacari and"},
		{"weather pattern", "Forecasters said El Niño would bring heavy rain.", "Niño"},
		{"month in a dateline", "KABUL, Nov. 5 (AP) - Gunmen attacked a checkpoint.", "Nov"},
		{"weekday and month in a date", "The vote is set for Wed 4 Dec in Khartoum.", "Dec"},
		{"foreign hamlet without a cue", "Shelling hit Kharkiv and Izium in eastern Ukraine on Monday. Noves said it would help.", "Noves"},
		{"outlet in a dateline", "GAO, Oct 3 (Niger Delta Courier) - Gunmen attacked a market.", "Niger Delta"},
		{"outlet named after a region", "Fighting went on, the Sahel Ledger reported.", "Sahel"},
		{"outlet in a byline", "By Sara Haddad, Levant Wire. Shells hit a school.", "Levant"},
		{"outlet with a word before its noun", "The Sahel Evening Ledger said gunmen fled.", "Sahel"},
		{"broadcaster", "Kenya Television reported the blast.", "Kenya"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, got := range p.Parse(tt.text) {
				if strings.Contains(got.Text, tt.absent) {
					t.Errorf("%q recognised as a place (%+v)", got.Text, got)
				}
			}
		})
	}
}

func TestRecognitionFinds(t *testing.T) {
	p := testParser(t)
	tests := []struct{ name, text, want string }{
		{"multi-word", "Flooding hit New Orleans and Rio de Janeiro.", "Rio de Janeiro"},
		{"arabic article", "Clashes erupted near al-Bab.", "al-Bab"},
		{"hyphenated", "Police in Stoke-on-Trent said.", "Stoke-on-Trent"},
		{"possessive in name", "the Democratic People's Republic of Korea said", "People's Republic of Korea"},
		{"dateline", "BEIRUT (Reuters) - Clashes went on.", "BEIRUT"},
		{"province head", "Shelling continued in Idlib Province.", "Idlib Province"},
		{"after a sentence-initial cue", "In Beijing, the ministry said.", "Beijing"},
		{"capitals dateline", "WAUSAU, Wis. (WSAW) -- It took hours.", "WAUSAU"},
		{"state abbreviation", "WAUSAU, Wis. (WSAW) -- It took hours.", "Wis."},
		{"postal code", "The plant in Austin, TX closed.", "TX"},
		{"province code", "The office in Kamloops, BC opened.", "BC"},
		{"abbreviated country", "Total U.S. crops fell.", "U.S."},
		{"direction of", "The village lies north of Mosul.", "Mosul"},
		{"state institution", "The Queensland Police Inspector said.", "Queensland"},
		{"abbreviated state name", "Horses in NSW were sick.", "NSW"},
		{"company seat", "Onions grown by Boskovich Farms Inc. of Oxnard, California.", "Oxnard"},
		{"hamlet listed with towns", "In Peru, mercury spills hit the communities of San Juan, Choropampa, and Magdalena near Cajamarca.", "Choropampa"},
		{"elided article", "Cases in Côte d'Ivoire and Ghana rose.", "Côte d'Ivoire"},
		{"country after an initial capital", "Neighbouring Uganda stepped up checks.", "Uganda"},
		{"possessive with a typographic apostrophe", "Though London’s total was higher.", "London"},
		{"variant going on past a shorter name", "Rebels entered Jisr al-Shughur at dawn.", "Jisr al-Shughur"},
		{"name after its article", "Shells struck the Al-Rawdah area of Taiz.", "Al-Rawdah"},
		{"region head is not an outlet", "GAO, Oct 3 (Niger Delta Courier) - Gunmen struck in the Mopti region.", "Mopti"},
		{"strip head is not an outlet", "The Sahel Ledger said aid reached the Gaza Strip.", "Gaza Strip"},
		{"dateline before an outlet", "GAO, Oct 3 (Sahel Ledger) - Gunmen attacked a market.", "GAO"},
		{"variant before a weekday", "Shells fell on a bakery in Maarat al-Numan on Friday.", "Maarat al-Numan"},
		{"variant before a weekday after a dateline", "HAMA, Syria - A drone struck the town of Maarat al-Numan on Sunday, medics said.", "Maarat al-Numan"},
		{"variant before a month", "Families fled Maarat al-Numan in January.", "Maarat al-Numan"},
		{"particle inside a name before a weekday", "Floods reached Rostov on Don on Tuesday.", "Rostov on Don"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := p.Parse(tt.text)
			for _, got := range ts {
				if strings.Contains(got.Text, tt.want) || strings.Contains(tt.want, got.Text) && len(got.Text) > 4 {
					return
				}
			}
			t.Errorf("%q not found in %v", tt.want, texts(ts))
		})
	}
}

func TestNearUnknownVillage(t *testing.T) {
	text := "The convoy was hit at Urem Al-Kubra near the northern city of Aleppo."
	got := find(t, testParser(t).Parse(text), "Urem Al-Kubra", 0)
	if got.Precision != event.LocNear || got.Country != "SY" || !strings.HasPrefix(got.Rule, "near") {
		t.Errorf("unknown village -> %+v, want Aleppo with precision near", got)
	}
	if got.Name != "Aleppo" || got.GeonameID != 0 {
		t.Errorf("name = %q, id %d, want Aleppo without an id of its own", got.Name, got.GeonameID)
	}
}

func TestImportedVillage(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	if _, err := gazetteer.Import(ctx, dir, []string{"testdata/SY.txt"}, gazetteer.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	g, err := gazetteer.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	p := New(g)
	for _, text := range []string{
		"The convoy was hit at Urem Al-Kubra near the northern city of Aleppo.",
		"Aid trucks burned in Orum al-Kubra, west of Aleppo.",
	} {
		ts := p.Parse(text)
		var got *Toponym
		for i := range ts {
			if strings.Contains(strings.ToLower(ts[i].Text), "kubra") {
				got = &ts[i]
			}
		}
		if got == nil || got.GeonameID != 98000001 || got.Precision != event.LocExact {
			t.Errorf("%q: got %+v (all %v), want the imported village 98000001, exact", text, got, texts(ts))
		}
	}
}

func TestResolveSpans(t *testing.T) {
	text := "Troops left northern Syria for the Syrian port of Tartus; Qwzxv stayed."
	spans := []event.Span{
		event.SpanOf(text, strings.Index(text, "Tartus"), strings.Index(text, "Tartus")+6),
		event.SpanOf(text, strings.Index(text, "northern Syria"), strings.Index(text, "northern Syria")+14),
		event.SpanOf(text, strings.Index(text, "Qwzxv"), strings.Index(text, "Qwzxv")+5),
		{Start: -3, End: 900, Text: "Syrian"},
	}
	ts := testParser(t).Resolve(text, spans)
	if len(ts) != 4 {
		t.Fatalf("Resolve gave %d toponyms, want 4: %+v", len(ts), ts)
	}
	want := []struct {
		text     string
		country  string
		resolved bool
	}{{"Syrian", "SY", true}, {"northern Syria", "SY", true}, {"Tartus", "SY", true}, {"Qwzxv", "SY", true}}
	for i, w := range want {
		if ts[i].Text != w.text || ts[i].Country != w.country || ts[i].Resolved != w.resolved {
			t.Errorf("toponym %d = %+v, want %s in %q resolved %v", i, ts[i], w.text, w.country, w.resolved)
		}
	}
	if ts[3].Rule != "document-country" || ts[3].Precision != event.LocCountry {
		t.Errorf("unknown name = %+v, want the document's country with precision country", ts[3])
	}
	lone := "Qwzxv stayed."
	if got := testParser(t).Resolve(lone, []event.Span{event.SpanOf(lone, 0, 5)}); len(got) != 1 || got[0].Resolved {
		t.Errorf("unknown name without context = %+v, want unresolved", got)
	}
	for _, abbr := range []string{"Calif.", "N.M.", "BC"} {
		got := testParser(t).Resolve(abbr, []event.Span{event.SpanOf(abbr, 0, len(abbr))})
		if len(got) != 1 || got[0].Kind != KindAdmin1 {
			t.Errorf("abbreviation %q = %+v, want a first-order division", abbr, got)
		}
	}
	village := "Aid reached Qwzxv, Syria, on Monday."
	at := strings.Index(village, "Qwzxv")
	got := testParser(t).Resolve(village, []event.Span{event.SpanOf(village, at, at+5), event.SpanOf(village, at+7, at+12)})
	if len(got) != 2 || got[0].Rule != "near:Syria" || got[0].Precision != event.LocCountry {
		t.Errorf("unknown name before its country = %+v", got)
	}
}

func TestEventPlace(t *testing.T) {
	tp := Toponym{Start: 3, End: 9, Text: "Aleppo", Name: "Aleppo", GeonameID: 170063, Lat: 36.2, Lon: 37.16,
		Country: "SY", Admin1: "Aleppo Governorate", Precision: event.LocExact, Resolved: true}
	p := tp.EventPlace()
	if p.GeonameID == nil || *p.GeonameID != 170063 || p.Admin1 == nil || *p.Admin1 != "Aleppo Governorate" ||
		p.Span == nil || p.Span.Start != 3 || p.Precision != event.LocExact || p.Name != "Aleppo" {
		t.Errorf("EventPlace = %+v", p)
	}
	none := Toponym{Text: "Syria", Name: "Syria", Country: "SY", Precision: event.LocCountry}.EventPlace()
	if none.GeonameID != nil || none.Admin1 != nil {
		t.Errorf("EventPlace without id or admin1 = %+v", none)
	}
}

func TestSeedArticle(t *testing.T) {
	const seed = "Russia, which has been accused of attacking Aleppo indiscriminately, has sent an advanced " +
		"missile system to the Syrian port of Tartus. Moscow on Tuesday said it deployed a S-300 missile system " +
		"to Tartus on the Mediterranean coast. Some 20 people were killed in the attack on the convoy at Urem " +
		"Al-Kubra near the northern city of Aleppo. The United States blamed two Russian warplanes. Moscow " +
		"denies the charge. He questioned why Moscow was making the move."
	ts := testParser(t).Parse(seed)
	for _, tp := range ts {
		if tp.Text == "Moscow" && tp.Locational {
			t.Errorf("Moscow as a location: %+v", tp)
		}
		if !tp.Resolved {
			t.Errorf("unresolved toponym from Parse: %+v", tp)
		}
	}
	if got := find(t, ts, "Tartus", 1); got.Country != "SY" {
		t.Errorf("Tartus -> %+v", got)
	}
}

func TestParseConcurrent(t *testing.T) {
	p := testParser(t)
	docs := []string{
		"Shelling hit Aleppo and Idlib as Moscow denied involvement.",
		"Storms hit Atlanta, Georgia, and parts of Alabama.",
		"The festival is held in Paris, Texas, every spring.",
	}
	want := make([][]Toponym, len(docs))
	for i, s := range docs {
		want[i] = p.Parse(s)
	}
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range 20 {
				i := (w + n) % len(docs)
				if got := p.Parse(docs[i]); len(got) != len(want[i]) || (len(got) > 0 && got[0] != want[i][0]) {
					t.Errorf("concurrent Parse(%q) = %v, want %v", docs[i], texts(got), texts(want[i]))
				}
			}
		}()
	}
	wg.Wait()
}

func TestDemonymOption(t *testing.T) {
	g := defaultGazetteer(t)
	text := "Syrian forces and Russian jets hit Aleppo. Syrians fled."
	if ts := New(g).Parse(text); len(ts) != 1 || ts[0].Text != "Aleppo" {
		t.Errorf("default parser: %v, want Aleppo only", texts(ts))
	}
	ts := NewWithOptions(g, Options{Demonyms: true}).Parse(text)
	want := []string{"Syrian/SY", "Russian/RU", "Aleppo/SY"}
	if got := texts(ts); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("with demonyms: %v, want %v (the plural noun left out)", got, want)
	}
	if ts[0].Locational || ts[0].Kind != KindDemonym || ts[0].Precision != event.LocCountry {
		t.Errorf("demonym toponym = %+v", ts[0])
	}
}

func TestStreetInCity(t *testing.T) {
	text := "Shells fell on Aleppo overnight. Police closed Baron Street after the blast."
	got := find(t, testParser(t).Parse(text), "Baron Street", 0)
	if got.Name != "Aleppo" || got.Precision != event.LocNear || got.Rule != "street-in:Aleppo" {
		t.Errorf("street -> %+v, want Aleppo, near", got)
	}
	for _, tp := range testParser(t).Parse("Police closed Baron Street after the blast.") {
		t.Errorf("a street in a document without a city: %+v", tp)
	}
}

func TestFirstNameOption(t *testing.T) {
	given := map[string]bool{"andrew": true, "victoria": true, "sam": true}
	p := NewWithOptions(defaultGazetteer(t), Options{FirstName: func(w string) bool { return given[strings.ToLower(w)] }})
	for _, text := range []string{
		"The title went to Andrew Jordan last year.",
		"The series was created by Victoria Rowell.",
	} {
		if ts := p.Parse(text); len(ts) != 0 {
			t.Errorf("%q: %v, want no places", text, texts(ts))
		}
	}
	if ts := p.Parse("Troops crossed from Jordan into Syria."); len(ts) != 2 {
		t.Errorf("countries after a cue: %v", texts(ts))
	}
}

func TestDateline(t *testing.T) {
	p := testParser(t)
	for _, tt := range []struct {
		text, name string
		want       bool
	}{
		{"BEIRUT (Reuters) - Shelling hit Aleppo.", "BEIRUT", true},
		{"Some title\nKabul, Oct. 5 (AP) — Blasts shook Kandahar.", "Kabul", true},
		{"BEIRUT (Reuters) - Shelling hit Aleppo.", "Aleppo", false},
		{"Beirut is calm - for now.", "Beirut", false},
	} {
		if got := find(t, p.Parse(tt.text), tt.name, 0); got.Dateline != tt.want {
			t.Errorf("%q in %q: Dateline %v, want %v", tt.name, tt.text, got.Dateline, tt.want)
		}
	}
}
