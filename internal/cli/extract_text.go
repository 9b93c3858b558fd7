package cli

import (
	"fmt"
	"io"
	"strings"

	"sitrep/internal/event"
)

// writeTextHeader prints the document line of a text report.
func writeTextHeader(w io.Writer, d event.Document) {
	pub := "unknown"
	if d.Published != nil {
		pub = d.Published.String()
	}
	fmt.Fprintf(w, "document %s  published %s  language %s\n", d.ID, pub, d.Language)
	if d.Title != "" {
		fmt.Fprintf(w, "title    %s\n", d.Title)
	}
}

// writeTextEvent prints event number n of a text report.
func writeTextEvent(w io.Writer, n int, ev event.Event) {
	fmt.Fprintf(w, "\n[%d] %s / %s  (confidence %.2f)\n", n, ev.EventType, ev.SubEventType, ev.Confidence)
	row(w, "date", describeWhen(ev.Date))
	row(w, "place", describePlace(ev.Location))
	for _, a := range ev.Actors {
		row(w, a.Role, fmt.Sprintf("%s (%s%s, %s)", a.Name, a.Kind, prefixed(", ", a.Country), a.Attribution))
	}
	row(w, "killed", describeCount(ev.Fatalities))
	row(w, "injured", describeCount(ev.Injuries))
	row(w, "weapons", joinThings(ev.Weapons))
	row(w, "targets", joinThings(ev.Targets))
	for _, c := range ev.Claims {
		row(w, "claim", fmt.Sprintf("%s %s%s: %q", c.Claimant.Name, c.Stance, prefixed(" about ", c.About), clip(c.Span.Text, 100)))
	}
	if len(ev.Sources) > 0 {
		row(w, "sources", strings.Join(ev.Sources, "; "))
	}
	for _, s := range ev.Evidence {
		row(w, "evidence", fmt.Sprintf("[%d:%d] %s", s.Start, s.End, clip(s.Text, 140)))
	}
	for _, x := range ev.Explain {
		row(w, "why", fmt.Sprintf("%s=%s by %s%s", x.Field, x.Value, x.Rule, prefixed(" from ", x.Entry)))
	}
}

// writeTextFooter ends a text report of n events.
func writeTextFooter(w io.Writer, n int) error {
	if n == 0 {
		fmt.Fprintln(w, "no events")
	}
	_, err := fmt.Fprintln(w)
	return err
}

func row(w io.Writer, label, value string) {
	if value != "" {
		fmt.Fprintf(w, "    %-9s %s\n", label, value)
	}
}

func prefixed(prefix, s string) string {
	if s == "" {
		return ""
	}
	return prefix + s
}

func describeWhen(d *event.When) string {
	if d == nil {
		return ""
	}
	if d.Start.Equal(d.End.Time) {
		return fmt.Sprintf("%s (%s)", d.Start, d.Precision)
	}
	return fmt.Sprintf("%s .. %s (%s)", d.Start, d.End, d.Precision)
}

func describePlace(p *event.Place) string {
	if p == nil {
		return ""
	}
	admin := ""
	if p.Admin1 != nil {
		admin = ", " + *p.Admin1
	}
	return fmt.Sprintf("%s%s, %s (%.4f, %.4f; %s)", p.Name, admin, p.Country, p.Lat, p.Lon, p.Precision)
}

func describeCount(c *event.Count) string {
	if c == nil {
		return ""
	}
	num := func(p *int) string {
		if p == nil {
			return "?"
		}
		return fmt.Sprint(*p)
	}
	return fmt.Sprintf("low %s, best %s, high %s%s", num(c.Low), num(c.Best), num(c.High), prefixed(" — ", c.Qualifier))
}

func joinThings(ts []event.Thing) string {
	names := make([]string, len(ts))
	for i, t := range ts {
		names[i] = t.Name
	}
	return strings.Join(names, ", ")
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && (s[cut]&0xC0) == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}
