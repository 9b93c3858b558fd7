package geoparse

import (
	"sitrep/internal/event"
)

// Kinds of resolved places.
const (
	KindCity    = "city"    // a populated place
	KindAdmin1  = "admin1"  // a first-order division (state, province, governorate)
	KindAdmin   = "admin"   // another administrative division
	KindCountry = "country" // a country
	KindFeature = "feature" // a sea, river, mountain, site or other natural or man-made feature
	KindRegion  = "region"  // a continent or a region larger than a country
	KindDemonym = "demonym" // an adjective of nationality standing for its country (Options.Demonyms)
)

// Toponym is a place name found in a text and the place it was resolved to.
type Toponym struct {
	Start, End int    // UTF-8 byte offsets in the text
	Text       string // the text of the name as written
	Name       string // resolved name ("" when unresolved)
	GeonameID  int64  // 0 when none
	Lat, Lon   float64
	Country    string // ISO 3166-1 alpha-2
	Admin1     string // admin1 name, "" when none
	Kind       string // KindCity, KindAdmin1, KindCountry, KindFeature, KindRegion, ...
	// Locational is false for metonyms ("Moscow denies") and other non-place uses.
	Locational bool
	// Dateline is true for the place a report was filed from, heading its text ("BEIRUT (Reuters) -",
	// "KABUL, Oct 5 -"): not, by itself, where the events it reports happened.
	Dateline  bool
	Resolved  bool
	Precision string // event.LocExact, LocNear, LocRegion or LocCountry
	Rule      string // the rule that chose the place (for --explain)
}

// EventPlace returns the toponym as an event location with its evidence span.
func (t Toponym) EventPlace() event.Place {
	p := event.Place{Name: t.Name, Lat: t.Lat, Lon: t.Lon, Country: t.Country, Precision: t.Precision,
		Span: &event.Span{Start: t.Start, End: t.End, Text: t.Text}}
	if p.Name == "" {
		p.Name = t.Text
	}
	if t.GeonameID != 0 {
		id := t.GeonameID
		p.GeonameID = &id
	}
	if t.Admin1 != "" {
		a := t.Admin1
		p.Admin1 = &a
	}
	return p
}
