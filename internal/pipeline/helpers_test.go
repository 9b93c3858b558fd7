package pipeline

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"sitrep/internal/event"
	"sitrep/internal/extract"
	"sitrep/internal/store"
)

// testEngine builds the engine from the embedded lexicon and gazetteer once per test binary.
func testEngine(t testing.TB) *extract.Engine {
	t.Helper()
	eng, err := extract.Default(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return eng
}

// newTestPipeline returns a pipeline over a fresh SQLite store in a temporary directory.
func newTestPipeline(t testing.TB) (*Pipeline, *store.SQLite) {
	t.Helper()
	st, err := store.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "p.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return New(testEngine(t), st, Options{}), st
}

// published is the publication date of the test articles.
var published = event.NewDate(2026, 3, 4)

// article builds a document with a URL and text, published on 2026-03-04.
func article(url, title, text string) event.Document {
	d := published
	return event.Document{URL: url, Title: title, Publisher: "Test Wire", Published: &d, Text: title + "\n\n" + text}
}

// Synthetic reports of one invented incident: an air strike on a market in Maarat al-Numan.
const (
	strikeFirst = `An airstrike on a market in the town of Maarat al-Numan in Idlib province killed 12 civilians on
Tuesday, a local monitoring group said. The Syrian Observatory for Human Rights said Russian warplanes carried out
the raid. Rescue workers were searching the rubble for survivors late into the evening.

Witnesses said the first missile struck shortly after eight in the morning, when the market was at its busiest,
and a second hit the same street minutes later as neighbours ran to help. Video shared by residents showed
collapsed shop fronts, burning vegetable stalls and a line of damaged cars along the main road into the town.

A doctor at the town's only functioning hospital said staff had treated more than thirty wounded people, several
of them children, and that supplies of blood and anaesthetic were running low. Patients with the most serious
injuries were being moved north towards the border by ambulance.

The town has been hit repeatedly over the past month as fighting intensified along the southern edge of the
province. Aid agencies say tens of thousands of people have fled their homes since the start of the year, many
of them to crowded camps near the frontier where shelter and clean water are scarce.`
	strikeSecond = `The death toll from Tuesday's air strike on a crowded market in Maarat al-Numan, in Syria's Idlib
province, rose to 19 on Wednesday, rescuers from the civil defence said. Residents described several explosions
in quick succession as vendors were setting up their stalls.`
	footer = `Reporting by a staff correspondent; editing by the news desk.`
)

// vocabulary is filler for generated articles, so that no two are near-duplicates.
var vocabulary = strings.Fields(`officials residents witnesses farmers roads bridges checkpoints convoys schools
clinics markets villages hills valleys rivers fuel bread water power lines talks envoys observers monitors
families shelters tents winter harvest prices traders buses trucks patrols curfews permits elections councils`)

// towns are real places the generated articles happen in.
var towns = []string{"Kharkiv", "Mosul", "Kandahar", "Gao", "Maiduguri", "Aleppo", "Sanaa", "Goma", "Mogadishu",
	"Homs", "Donetsk", "Kherson", "Kirkuk", "Herat", "Timbuktu", "Bunia", "Juba", "Khartoum", "Taiz", "Hodeidah",
	"Benghazi", "Misrata", "Raqqa", "Daraa", "Kunduz", "Jalalabad", "Mopti", "Kidal", "Beni", "Bukavu", "Marib",
	"Aden", "Idlib", "Deir ez-Zor", "Tikrit", "Ramadi", "Falluja", "Zaporizhzhia", "Mariupol", "Sumy"}

// generated returns n distinct synthetic articles (about 1.5 KB each), reproducible from seed.
func generated(n int, seed uint64) []event.Document {
	r := rand.New(rand.NewPCG(seed, 7))
	out := make([]event.Document, n)
	for i := range out {
		town := towns[r.IntN(len(towns))]
		var b strings.Builder
		fmt.Fprintf(&b, "Shelling hit a residential area of %s on Monday, killing %d people and wounding %d, "+
			"local officials said. ", town, 2+r.IntN(30), 3+r.IntN(40))
		for range 8 {
			for range 12 + r.IntN(8) {
				b.WriteString(vocabulary[r.IntN(len(vocabulary))])
				b.WriteByte(' ')
			}
			b.WriteString("were affected, a spokesman said. ")
		}
		out[i] = article(fmt.Sprintf("https://news.example/%d/%d", seed, i), "Shelling in "+town, b.String())
		day := event.NewDate(2025, 1, 1).AddDays(r.IntN(700))
		out[i].Published = &day
	}
	return out
}
