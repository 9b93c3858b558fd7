package extract

import (
	"strconv"

	"sitrep/internal/event"
)

// explainer collects the reasons behind an event's values when explaining is on.
type explainer struct {
	on      bool
	reasons []event.Reason
}

// add records one reason.
func (x *explainer) add(field, value, rule, entry string, span *event.Span) {
	if !x.on {
		return
	}
	x.reasons = append(x.reasons, event.Reason{Field: field, Value: value, Rule: rule, Entry: entry, Span: span})
}

// itoa formats an int.
func itoa(v int) string { return strconv.Itoa(v) }
