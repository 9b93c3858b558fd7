package eval

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// WriteText prints the report for a person: recognition, resolution, recall by gold class, largest errors.
func (r GeoReport) WriteText(w io.Writer) error {
	var b strings.Builder
	mode := "end to end"
	if r.Oracle {
		mode = "oracle (gold spans given; recognition is not measured)"
	}
	fmt.Fprintf(&b, "geo: %d documents, %s\n", r.Docs, mode)
	if !r.Oracle {
		writeScores(&b, "recognition (overlap)", r.Recognition)
		writeScores(&b, "recognition (exact)", r.Exact)
		fmt.Fprintf(&b, "  false positives on annotated non-toponyms: %d\n", r.FPNonToponym)
	}
	res := r.Resolution
	fmt.Fprintf(&b, "resolution over %d matched gold toponyms with coordinates (%d not placed, counted as %d km):\n",
		res.N, r.Unresolved, MaxErrorKm)
	if res.N == 0 {
		b.WriteString("  n/a\n")
	} else {
		fmt.Fprintf(&b, "  Acc@161km %.3f   mean %.0f km   median %.1f km   AUC %.3f\n",
			res.Acc161, res.MeanKm, res.MedianKm, res.AUC)
	}
	writeClassRecall(&b, r.RecallByClass)
	writeLargest(&b, r.Largest)
	_, err := io.WriteString(w, b.String())
	return err
}

func writeScores(b *strings.Builder, label string, s Scores) {
	fmt.Fprintf(b, "%-24s P %.3f  R %.3f  F1 %.3f   (tp %d, fp %d, fn %d)\n", label, s.P, s.R, s.F1, s.TP, s.FP, s.FN)
}

func writeClassRecall(b *strings.Builder, by map[string]TypeRecall) {
	if _, untyped := by[""]; len(by) == 0 || (len(by) == 1 && untyped) {
		return
	}
	b.WriteString("recall by gold class:\n")
	keys := make([]string, 0, len(by))
	for k := range by {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		v := by[k]
		fmt.Fprintf(b, "  %-22s %5d/%-5d %.3f\n", orNone(k), v.Found, v.Gold, ratio(v.Found, v.Gold))
	}
}

func writeLargest(b *strings.Builder, es []GeoError) {
	if len(es) == 0 {
		return
	}
	b.WriteString("largest errors:\n")
	for _, e := range es {
		got := "not placed"
		if e.Placed {
			got = fmt.Sprintf("%.2f,%.2f", e.Lat, e.Lon)
		}
		fmt.Fprintf(b, "  %8.0f km  %-14s @%-6d %-24q gold %.2f,%.2f  got %s\n",
			e.Km, e.Doc, e.Start, e.Text, e.GoldLat, e.GoldLon, got)
	}
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}
