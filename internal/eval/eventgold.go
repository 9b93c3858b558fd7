package eval

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"sitrep/internal/event"
)

// EventGold is a gold file of hand-coded events for one article (../shared/eval/seed/gold.json).
type EventGold struct {
	Doc       GoldDocInfo    `json:"doc"`
	Events    []GoldEvent    `json:"events"`
	NotEvents []GoldNotEvent `json:"not_events"`
}

// GoldDocInfo describes the article the events come from.
type GoldDocInfo struct {
	ID        string `json:"id"`
	File      string `json:"file"`      // the article, relative to the gold file
	Published string `json:"published"` // YYYY-MM-DD, "" when unknown
	Language  string `json:"language"`
}

// GoldEvent is one hand-coded event. Required events count as missing when not found; optional ones are
// scored when found and never counted as missing.
type GoldEvent struct {
	ID            string        `json:"id"`
	Required      bool          `json:"required"`
	Summary       string        `json:"summary"`
	EventType     string        `json:"event_type"`
	SubEventType  StringList    `json:"sub_event_type"` // any of these is right
	Actor1        *GoldActor    `json:"actor1"`
	Actor2        *GoldActor    `json:"actor2"`
	Location      *GoldLocation `json:"location"`
	Date          *GoldDate     `json:"date"`
	Fatalities    *GoldCount    `json:"fatalities"`
	Claims        []GoldClaim   `json:"claims"`
	EvidenceLines []int         `json:"evidence_lines"` // 1-based lines of the article
}

// GoldActor is an actor as coded: Name may list alternatives separated by " / ".
type GoldActor struct {
	Name        string   `json:"name"`
	Kind        string   `json:"kind"`
	Country     string   `json:"country"`
	Mentions    []string `json:"mentions"`
	Attribution string   `json:"attribution"` // "" means stated
}

// GoldLocation is where the event happened, with the distance within which a prediction is right.
type GoldLocation struct {
	Name        string   `json:"name"`
	Aliases     []string `json:"aliases"`
	Country     string   `json:"country"`
	Lat         *float64 `json:"lat"`
	Lon         *float64 `json:"lon"`
	ToleranceKm float64  `json:"tolerance_km"`
	Precision   string   `json:"precision"`
}

// GoldDate is the interval in which the event happened.
type GoldDate struct {
	Earliest  string `json:"earliest"`
	Latest    string `json:"latest"`
	Precision string `json:"precision"`
}

// GoldCount is a fatality count.
type GoldCount struct {
	Low       *int   `json:"low"`
	Best      *int   `json:"best"`
	High      *int   `json:"high"`
	Qualifier string `json:"qualifier"`
}

// GoldClaim is who says what about the event.
type GoldClaim struct {
	Claimant         string   `json:"claimant"`
	ClaimantMentions []string `json:"claimant_mentions"`
	Stance           string   `json:"stance"`
	Content          string   `json:"content"`
}

// GoldNotEvent is a line that must yield no event.
type GoldNotEvent struct {
	Line int    `json:"line"`
	Why  string `json:"why"`
}

// StringList reads a JSON string or array of strings.
type StringList []string

// UnmarshalJSON accepts "x" or ["x", "y"] (and null).
func (s *StringList) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		var one string
		if err := json.Unmarshal(b, &one); err != nil {
			return err
		}
		*s = StringList{one}
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return err
	}
	*s = many
	return nil
}

// ReadEventGold parses an event gold file; name is used in error messages. Problems wrap ErrMalformed.
func ReadEventGold(r io.Reader, name string) (*EventGold, error) {
	var g EventGold
	dec := json.NewDecoder(r)
	if err := dec.Decode(&g); err != nil {
		return nil, fmt.Errorf("%s: %w: %v", name, ErrMalformed, err)
	}
	if err := g.check(); err != nil {
		return nil, fmt.Errorf("%s: %w: %v", name, ErrMalformed, err)
	}
	return &g, nil
}

func (g *EventGold) check() error {
	if len(g.Events) == 0 {
		return fmt.Errorf("no events")
	}
	for _, e := range g.Events {
		if e.ID == "" || e.EventType == "" {
			return fmt.Errorf("event %q: want an id and an event_type", e.ID)
		}
		if d := e.Date; d != nil {
			if _, err := parseDay(d.Earliest); err != nil {
				return fmt.Errorf("event %s: date: %v", e.ID, err)
			}
			if _, err := parseDay(d.Latest); err != nil {
				return fmt.Errorf("event %s: date: %v", e.ID, err)
			}
		}
		for _, l := range e.EvidenceLines {
			if l < 1 {
				return fmt.Errorf("event %s: evidence line %d: lines start at 1", e.ID, l)
			}
		}
	}
	return nil
}

// altNames splits a gold name listing alternatives ("Civilians (Syria) / humanitarian aid workers").
func altNames(name string) []string {
	var out []string
	for _, n := range strings.Split(name, " / ") {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// parseDay reads a gold date "YYYY-MM-DD".
func parseDay(s string) (event.Date, error) { return event.ParseDate(s) }
