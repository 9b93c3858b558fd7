package cli

import (
	"flag"
	"fmt"
	"slices"
	"strings"

	"sitrep/internal/api"
	"sitrep/internal/event"
	"sitrep/internal/gazetteer"
	"sitrep/internal/lexicon"
	"sitrep/internal/store"
)

// filterFlags registers the incident filter flags on fs (--from, --to, --country, --admin1, --event-type,
// --sub-event-type, --actor, --q, --min-fatalities, --bbox) and returns the function that builds the
// store.Filter from them after fs is parsed. Bad values are usage errors.
func filterFlags(fs *flag.FlagSet) func() (store.Filter, error) {
	var from, to, country, bbox string
	var f store.Filter
	fs.StringVar(&from, "from", "", "only incidents on or after `YYYY-MM-DD`")
	fs.StringVar(&to, "to", "", "only incidents on or before `YYYY-MM-DD`")
	fs.StringVar(&country, "country", "", "only incidents in this `country` (ISO code or English name)")
	fs.StringVar(&f.Admin1, "admin1", "", "only incidents in this first-level administrative `division`")
	fs.StringVar(&f.EventType, "event-type", "", "only this ACLED event `type` (\"Battles\", \"Explosions/Remote violence\"...)")
	fs.StringVar(&f.SubEventType, "sub-event-type", "", "only this ACLED sub-event `type` (\"Air/drone strike\"...)")
	fs.StringVar(&f.Actor, "actor", "", "only incidents with an actor whose name contains `text` (case-insensitive; a lexicon alias such as RSF or VKS means its canonical name)")
	fs.StringVar(&f.Query, "q", "", "full-text `query` over event summaries and source documents")
	fs.IntVar(&f.MinFatalities, "min-fatalities", 0, "only incidents with at least `n` fatalities (best estimate)")
	fs.StringVar(&bbox, "bbox", "", "only incidents inside `minLon,minLat,maxLon,maxLat`")
	return func() (store.Filter, error) {
		out := f
		var err error
		if out.From, err = flagDate("from", from); err != nil {
			return out, err
		}
		if out.To, err = flagDate("to", to); err != nil {
			return out, err
		}
		if !out.From.IsZero() && !out.To.IsZero() && out.To.Before(out.From.Time) {
			return out, usagef("--to %s is before --from %s", to, from)
		}
		if out.Country, err = countryCode(country); err != nil {
			return out, err
		}
		if out.BBox, err = store.ParseBBox(bbox); err != nil {
			return out, usagef("--bbox: %v", err)
		}
		if out.EventType != "" && !slices.Contains(event.Types(), out.EventType) {
			return out, usagef("--event-type %q is not an ACLED event type (want one of %q)", out.EventType, event.Types())
		}
		if _, ok := event.TypeOf(out.SubEventType); out.SubEventType != "" && !ok {
			return out, usagef("--sub-event-type %q is not an ACLED sub-event type (want one of %q)", out.SubEventType,
				event.SubTypes())
		}
		if out.MinFatalities < 0 {
			return out, usagef("--min-fatalities must not be negative")
		}
		if out.Actor, err = actorQuery(out.Actor, out.Country); err != nil {
			return out, err
		}
		return out, nil
	}
}

// actorQuery resolves an --actor alias to its canonical name through the embedded lexicon, as the API's actor=
// does (api.ActorQuery; country, the --country code, picks between entries sharing the alias), so both select
// the same incidents. The lexicon is parsed only when --actor is given.
func actorQuery(v, country string) (string, error) {
	if v == "" {
		return "", nil
	}
	lex, err := lexicon.Default()
	if err != nil {
		return "", fmt.Errorf("--actor: lexicon: %w", err)
	}
	return api.ActorQuery(lex, v, country), nil
}

// flagDate parses a YYYY-MM-DD flag value; "" is the zero date.
func flagDate(name, v string) (event.Date, error) {
	if v == "" {
		return event.Date{}, nil
	}
	d, err := event.ParseDate(v)
	if err != nil {
		return d, usagef("--%s: %v", name, err)
	}
	return d, nil
}

// countryCode turns an ISO 3166 alpha-2 or alpha-3 code or an English country name into the alpha-2 code.
func countryCode(v string) (string, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return "", nil
	}
	g, err := gazetteer.Default()
	if err != nil {
		return "", fmt.Errorf("--country: gazetteer: %w", err)
	}
	if c, ok := g.CountryOf(v); ok {
		return c.Code, nil
	}
	return "", usagef("--country %q: not a country code or name", v)
}
