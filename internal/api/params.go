package api

import (
	"fmt"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"sitrep/internal/event"
	"sitrep/internal/gazetteer"
	"sitrep/internal/store"
)

// filterParams are the query parameters every incident route accepts.
var filterParams = []string{"from", "to", "bbox", "country", "admin1", "event_type", "sub_event_type", "actor",
	"q", "min_fatalities"}

// pageParams are the pagination parameters of list routes.
var pageParams = []string{"limit", "cursor"}

// checkParams refuses a parameter not in known, and a parameter given twice, so typos are not silently ignored.
func checkParams(q url.Values, known ...[]string) error {
	for name, vs := range q {
		if !slices.ContainsFunc(known, func(k []string) bool { return slices.Contains(k, name) }) {
			return badRequest("unknown query parameter %q (known: %s)", name, strings.Join(slices.Concat(known...), ", "))
		}
		if len(vs) > 1 {
			return badRequest("query parameter %q given %d times", name, len(vs))
		}
	}
	return nil
}

// parseFilter reads the incident filter parameters of q; an actor alias becomes its canonical name (ActorQuery).
func (s *Server) parseFilter(q url.Values) (store.Filter, error) {
	var f store.Filter
	var err error
	if f.From, err = dateParam(q, "from"); err != nil {
		return f, err
	}
	if f.To, err = dateParam(q, "to"); err != nil {
		return f, err
	}
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From.Time) {
		return f, badRequest("to (%s) is before from (%s)", f.To, f.From)
	}
	if f.BBox, err = bboxParam(q.Get("bbox")); err != nil {
		return f, err
	}
	if f.Country, err = countryParam(q.Get("country")); err != nil {
		return f, err
	}
	f.Admin1, f.Actor, f.Query = q.Get("admin1"), q.Get("actor"), q.Get("q")
	if f.Actor != "" {
		f.Actor = ActorQuery(s.lexicon(), f.Actor, f.Country)
	}
	if f.EventType, f.SubEventType, err = typeParams(q.Get("event_type"), q.Get("sub_event_type")); err != nil {
		return f, err
	}
	if f.MinFatalities, err = intParam(q, "min_fatalities", 0, math.MaxInt32); err != nil {
		return f, err
	}
	return f, nil
}

// loadGazetteer returns the gazetteer that resolves country names; a variable so tests can count the loads.
var loadGazetteer = gazetteer.Default

// countryParam turns the country parameter into an ISO 3166-1 alpha-2 code, as sitrep export --country does: a
// two-letter code is taken as it is (upper-cased, without loading the gazetteer); an alpha-3 code ("SDN") or an
// English country name or alias ("Sudan", "the DRC", "Syrian Arab Republic") is resolved through the embedded
// gazetteer, loaded on the first such request. Anything else is a 400.
func countryParam(v string) (string, error) {
	c := strings.TrimSpace(v)
	if c == "" {
		return "", nil
	}
	if len(c) == 2 && isLetters(c) {
		return strings.ToUpper(c), nil
	}
	g, err := loadGazetteer()
	if err != nil {
		return "", fmt.Errorf("country %q: gazetteer: %w", v, err)
	}
	if ctry, ok := g.CountryOf(c); ok {
		return ctry.Code, nil
	}
	return "", badRequest("country %q: not an ISO 3166-1 code or a country name (want e.g. SD, SDN or Sudan)", v)
}

// parsePage reads limit and cursor.
func parsePage(q url.Values) (limit int, cursor string, err error) {
	limit, err = intParam(q, "limit", 1, store.MaxLimit)
	return limit, q.Get("cursor"), err
}

// dateParam reads a YYYY-MM-DD parameter; the zero date when absent.
func dateParam(q url.Values, name string) (event.Date, error) {
	v := q.Get(name)
	if v == "" {
		return event.Date{}, nil
	}
	d, err := event.ParseDate(v)
	if err != nil {
		return d, badRequest("%s %q: want a date as YYYY-MM-DD", name, v)
	}
	return d, nil
}

// intParam reads an integer parameter within [lo, hi]; 0 when absent.
func intParam(q url.Values, name string, lo, hi int) (int, error) {
	v := q.Get(name)
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, badRequest("%s %q: want a whole number from %d to %d", name, v, lo, hi)
	}
	return n, nil
}

// bboxParam reads minLon,minLat,maxLon,maxLat; nil when absent.
func bboxParam(v string) (*store.BBox, error) {
	b, err := store.ParseBBox(v)
	if err != nil {
		return nil, badRequest("bbox: %v", err)
	}
	return b, nil
}

// typeParams checks an event type and sub-type against the ACLED taxonomy.
func typeParams(typ, sub string) (string, string, error) {
	if sub != "" {
		t, ok := event.TypeOf(sub)
		if !ok {
			return "", "", badRequest("sub_event_type %q is not an ACLED sub-event type (one of: %s)", sub,
				strings.Join(event.SubTypes(), "; "))
		}
		if typ != "" && typ != t {
			return "", "", badRequest("sub_event_type %q belongs to event_type %q, not %q", sub, t, typ)
		}
	}
	if typ != "" && !slices.Contains(event.Types(), typ) {
		return "", "", badRequest("event_type %q is not an ACLED event type (one of: %s)", typ,
			strings.Join(event.Types(), "; "))
	}
	return typ, sub, nil
}

// isLetters reports whether s is ASCII letters only.
func isLetters(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') }) < 0
}
