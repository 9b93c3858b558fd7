package export

import (
	"strconv"
	"strings"

	"sitrep/internal/event"
)

// Row is one incident flattened to the ACLED-style columns (see docs/export.md). Optional numbers are nil
// when unknown.
type Row struct {
	EventIDCnty   string   `json:"event_id_cnty"`
	EventDate     string   `json:"event_date"`
	Year          *int     `json:"year"`
	TimePrecision *int     `json:"time_precision"`
	EventType     string   `json:"event_type"`
	SubEventType  string   `json:"sub_event_type"`
	Actor1        string   `json:"actor1"`
	AssocActor1   string   `json:"assoc_actor_1"`
	Inter1        int      `json:"inter1"`
	Actor2        string   `json:"actor2"`
	AssocActor2   string   `json:"assoc_actor_2"`
	Inter2        int      `json:"inter2"`
	Country       string   `json:"country"`
	Admin1        string   `json:"admin1"`
	Location      string   `json:"location"`
	Latitude      *float64 `json:"latitude"`
	Longitude     *float64 `json:"longitude"`
	GeoPrecision  *int     `json:"geo_precision"`
	Source        string   `json:"source"`
	Notes         string   `json:"notes"`
	Fatalities    int      `json:"fatalities"`
	FatalitiesLow *int     `json:"fatalities_low"`
	FatalitiesHi  *int     `json:"fatalities_high"`
	Claims        string   `json:"claims"`
	SourcesCount  int      `json:"sources_count"`
}

// Columns are the CSV header, in order.
var Columns = []string{"event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
	"actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "country", "admin1", "location",
	"latitude", "longitude", "geo_precision", "source", "notes", "fatalities", "fatalities_low", "fatalities_high",
	"claims", "sources_count"}

// Strings is the row as CSV fields in Columns order; unknown values are empty.
func (r Row) Strings() []string {
	return []string{r.EventIDCnty, r.EventDate, optInt(r.Year), optInt(r.TimePrecision), r.EventType,
		r.SubEventType, r.Actor1, r.AssocActor1, strconv.Itoa(r.Inter1), r.Actor2, r.AssocActor2,
		strconv.Itoa(r.Inter2), r.Country, r.Admin1, r.Location, optFloat(r.Latitude), optFloat(r.Longitude),
		optInt(r.GeoPrecision), r.Source, r.Notes, strconv.Itoa(r.Fatalities), optInt(r.FatalitiesLow),
		optInt(r.FatalitiesHi), r.Claims, strconv.Itoa(r.SourcesCount)}
}

// optInt formats an optional integer.
func optInt(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

// optFloat formats an optional coordinate with four decimals (about 11 m), as ACLED does.
func optFloat(p *float64) string {
	if p == nil {
		return ""
	}
	return strconv.FormatFloat(*p, 'f', 4, 64)
}

// joinUnique joins the distinct non-empty values in order of first appearance with "; ".
func joinUnique(vs []string) string {
	seen := map[string]bool{}
	var out []string
	for _, v := range vs {
		if v != "" && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return strings.Join(out, "; ")
}

// ptr returns a pointer to v.
func ptr[T any](v T) *T { return &v }

// dateOf is the start date of w, with its year and ACLED time precision.
func dateOf(w *event.When) (date string, year, precision *int) {
	if w == nil || w.Start.IsZero() {
		return "", nil, nil
	}
	return w.Start.String(), ptr(w.Start.Year()), ptr(TimePrecision(w.Precision))
}
