package eval

import (
	"fmt"
	"io"
	"strings"
)

// EventMatch is one gold event and, when found, the predicted event paired with it and its field scores.
type EventMatch struct {
	Gold      string       `json:"gold"`
	Required  bool         `json:"required"`
	EventType string       `json:"event_type"`
	Pred      string       `json:"pred,omitempty"` // "" when not found
	Fields    []FieldScore `json:"fields,omitempty"`
}

// FalseEvent is a predicted event that matches no gold event.
type FalseEvent struct {
	Pred          string `json:"pred"`
	EventType     string `json:"event_type"`
	SubEventType  string `json:"sub_event_type"`
	Lines         []int  `json:"lines"`                     // article lines its evidence touches
	NotEventLines []int  `json:"not_event_lines,omitempty"` // of those, lines the gold says hold no event
}

// FieldTotal counts the outcomes of one field over the matched events.
type FieldTotal struct {
	Field     string `json:"field"`
	Correct   int    `json:"correct"`
	Incorrect int    `json:"incorrect"`
	Missing   int    `json:"missing"`
	Extra     int    `json:"extra"`
}

// Scored is the number of outcomes counted.
func (t FieldTotal) Scored() int { return t.Correct + t.Incorrect + t.Missing + t.Extra }

func (t *FieldTotal) add(outcome string) {
	switch outcome {
	case Correct:
		t.Correct++
	case Incorrect:
		t.Incorrect++
	case Missing:
		t.Missing++
	case Extra:
		t.Extra++
	}
}

// EventsReport is the field-by-field score of one article.
type EventsReport struct {
	Doc           string       `json:"doc"`
	RequiredFound int          `json:"required_found"`
	Required      int          `json:"required"`
	OptionalFound int          `json:"optional_found"`
	Optional      int          `json:"optional"`
	Matches       []EventMatch `json:"events"`
	FalseEvents   []FalseEvent `json:"false_events"`
	Fields        []FieldTotal `json:"fields"` // over every matched gold event
	Total         FieldTotal   `json:"total"`
	EventPRF      Scores       `json:"event_detection"` // required gold events vs predictions
}

func (r *EventsReport) total() {
	idx := map[string]int{}
	for i, f := range eventFields {
		r.Fields = append(r.Fields, FieldTotal{Field: f})
		idx[f] = i
	}
	r.Total = FieldTotal{Field: "total"}
	for _, m := range r.Matches {
		if m.Required {
			r.Required++
		} else {
			r.Optional++
		}
		if m.Pred == "" {
			continue
		}
		if m.Required {
			r.RequiredFound++
		} else {
			r.OptionalFound++
		}
		for _, f := range m.Fields {
			r.Fields[idx[f.Field]].add(f.Outcome)
			r.Total.add(f.Outcome)
		}
	}
	r.EventPRF = PRF{TP: r.RequiredFound, FP: len(r.FalseEvents), FN: r.Required - r.RequiredFound}.Scores()
}

// WriteText prints the report as tables for a person.
func (r EventsReport) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "events: %s: required found %d/%d, optional found %d/%d, false events %d\n",
		r.Doc, r.RequiredFound, r.Required, r.OptionalFound, r.Optional, len(r.FalseEvents))
	writeScores(&b, "event detection", r.EventPRF)
	for _, m := range r.Matches {
		writeMatch(&b, m)
	}
	for _, f := range r.FalseEvents {
		fmt.Fprintf(&b, "\nfalse event %s: %s / %s, lines %v", f.Pred, f.EventType, f.SubEventType, f.Lines)
		if len(f.NotEventLines) > 0 {
			fmt.Fprintf(&b, " (gold: no event on lines %v)", f.NotEventLines)
		}
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "\n%-16s %7s %9s %7s %5s  %s\n", "field", "correct", "incorrect", "missing", "extra", "accuracy")
	for _, t := range append(r.Fields, r.Total) {
		fmt.Fprintf(&b, "%-16s %7d %9d %7d %5d  %s\n", t.Field, t.Correct, t.Incorrect, t.Missing, t.Extra,
			accuracy(t))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeMatch(b *strings.Builder, m EventMatch) {
	req := "optional"
	if m.Required {
		req = "required"
	}
	if m.Pred == "" {
		fmt.Fprintf(b, "\n%s (%s, %s): not found\n", m.Gold, req, m.EventType)
		return
	}
	fmt.Fprintf(b, "\n%s (%s) matched %s\n", m.Gold, req, m.Pred)
	for _, f := range m.Fields {
		note := ""
		if f.Note != "" {
			note = "  [" + f.Note + "]"
		}
		fmt.Fprintf(b, "  %-16s %-9s gold %-34q pred %q%s\n", f.Field, f.Outcome, f.Gold, f.Pred, note)
	}
}

func accuracy(t FieldTotal) string {
	if t.Scored() == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", ratio(t.Correct, t.Scored()))
}
