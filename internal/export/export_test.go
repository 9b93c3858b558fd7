package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"sitrep/internal/event"
	"sitrep/internal/incident"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// fixture builds two incidents: one merged from two reports (one with a contested claim and a syndicated
// copy), one without coordinates or fatalities.
func fixture() []event.Incident {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	n := func(v int) *int { return &v }
	adm := "North Kivu"
	day := event.NewDate(2026, 2, 10)
	base := event.Event{
		ID: "e1", EventType: "Battles", SubEventType: "Armed clash", Summary: "Clashes near Rutshuru, \"heavy\" fighting",
		Date:     &event.When{Start: day, End: day, Precision: event.PrecisionDay},
		Location: &event.Place{Name: "Rutshuru", Lat: -1.1833, Lon: 29.45, Country: "CD", Admin1: &adm, Precision: event.LocNear},
		Actors: []event.Actor{
			{Role: event.RoleActor1, Name: "M23", Kind: event.KindRebelGroup, Attribution: event.AttrStated},
			{Role: event.RoleActor2, Name: "Military Forces of the Democratic Republic of Congo", Kind: event.KindStateForces, Attribution: event.AttrStated},
			{Role: event.RoleAssociated, Name: "Wazalendo", Kind: event.KindPoliticalMilitia, Attribution: event.AttrAlleged},
		},
		Fatalities: &event.Count{Low: n(8), Best: n(8), High: n(8)},
	}
	second := base
	second.Fatalities = &event.Count{Low: n(10), Best: n(12), High: n(15)}
	second.Claims = []event.Claim{{Claimant: event.Claimant{Name: "M23"}, Stance: event.StanceDenies, About: "attack on civilians"}}
	r1 := event.Report{DocumentID: "doc-a", Publisher: "Kivu Daily", Event: base}
	r2 := event.Report{DocumentID: "doc-b", Publisher: "Lakes Wire", Event: second}
	r3 := event.Report{DocumentID: "doc-c", Publisher: "Echo Post", Event: second, DuplicateOf: "doc-b"}
	inc := incident.New(r1, now)
	m := incident.NewMerger(incident.Options{})
	for _, r := range []event.Report{r2, r3} {
		if _, match, ok := m.Assign([]event.Incident{inc}, r); ok {
			incident.Add(&inc, r, match, now)
		}
	}
	vague := event.Event{ID: "e1", EventType: "Protests", SubEventType: "Peaceful protest", Summary: "Protest in the capital",
		Date:     &event.When{Start: event.NewDate(2026, 2, 1), End: event.NewDate(2026, 2, 28), Precision: event.PrecisionMonth},
		Location: &event.Place{Name: "Sudan", Country: "SD", Precision: event.LocCountry},
		Actors:   []event.Actor{{Role: event.RoleActor1, Name: "Protesters (Sudan)", Kind: event.KindProtesters, Attribution: event.AttrStated}},
	}
	return []event.Incident{inc, incident.New(event.Report{DocumentID: "doc-d", Publisher: "Nile Times", Event: vague}, now)}
}

// seq streams incidents.
func seq(incs []event.Incident) Incidents {
	return func(yield func(event.Incident, error) bool) {
		for _, inc := range incs {
			if !yield(inc, nil) {
				return
			}
		}
	}
}

func TestGolden(t *testing.T) {
	names := map[string]string{"CD": "Democratic Republic of Congo", "SD": "Sudan"}
	opts := Options{CountryName: func(c string) string { return names[c] }}
	for _, tt := range []struct{ format, file string }{
		{FormatCSV, "incidents.csv"}, {FormatGeoJSON, "incidents.geojson"}, {FormatJSONL, "incidents.jsonl"},
	} {
		t.Run(tt.format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, tt.format, seq(fixture()), opts); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", tt.file)
			if *update {
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s differs from golden (run with -update to inspect):\n%s", tt.file, buf.String())
			}
		})
	}
}

func TestGeoJSONValid(t *testing.T) {
	for _, incs := range [][]event.Incident{nil, fixture()} {
		var buf bytes.Buffer
		if err := WriteGeoJSON(&buf, seq(incs), Options{}); err != nil {
			t.Fatal(err)
		}
		var fc struct {
			Type     string            `json:"type"`
			Features []json.RawMessage `json:"features"`
		}
		if err := json.Unmarshal(buf.Bytes(), &fc); err != nil || fc.Type != "FeatureCollection" || len(fc.Features) != len(incs) {
			t.Errorf("%d incidents: %v %s", len(incs), err, buf.String())
		}
	}
}

func TestErrors(t *testing.T) {
	boom := errors.New("boom")
	failing := func(yield func(event.Incident, error) bool) { yield(event.Incident{}, boom) }
	for _, f := range Formats {
		if err := Write(&bytes.Buffer{}, f, failing, Options{}); !errors.Is(err, boom) {
			t.Errorf("%s: %v", f, err)
		}
	}
	if err := Write(&bytes.Buffer{}, "xml", seq(nil), Options{}); !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("unknown format: %v", err)
	}
}
