package eval

import (
	"fmt"
	"io"
	"strings"
)

// WriteText prints the report as a table for a person.
func (r EntityReport) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "entities: %d documents\n", r.Docs)
	fmt.Fprintf(&b, "%-14s %-26s %-30s %s\n", "class", "gold types", "overlap P / R / F1 (tp fp fn)", "exact P / R / F1")
	row := func(name, types string, ov, ex Scores) {
		fmt.Fprintf(&b, "%-14s %-26s %.3f %.3f %.3f (%d %d %d)   %.3f %.3f %.3f\n", name, types,
			ov.P, ov.R, ov.F1, ov.TP, ov.FP, ov.FN, ex.P, ex.R, ex.F1)
	}
	for _, c := range r.Classes {
		row(c.Class, strings.Join(c.GoldTypes, "+"), c.Overlap, c.Exact)
	}
	row("micro", "", r.MicroOverlap, r.MicroExact)
	_, err := io.WriteString(w, b.String())
	return err
}
