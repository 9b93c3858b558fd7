package extract

import (
	"strings"
	"testing"
)

// TestSummary: the fast path for text already spaced plainly gives what strings.Fields and Join give.
func TestSummary(t *testing.T) {
	for _, s := range []string{"", " ", "a", "Two people died.", " lead", "trail ", "two  spaces", "tab\there",
		"line\nbreak", "cr\rx", "nbsp\u00a0here", "em\u2003space", "café bombed", "a b c", strings.Repeat("word ", 60) + "end"} {
		want := strings.Join(strings.Fields(s), " ")
		if plainSpaced(s) && want != s {
			t.Errorf("plainSpaced(%q) but Fields and Join give %q", s, want)
		}
		full := want
		if len(full) > 240 {
			cut := strings.LastIndexByte(full[:240], ' ')
			full = full[:cut] + "…"
		}
		if got := summary(s); got != full {
			t.Errorf("summary(%q) = %q, want %q", s, got, full)
		}
	}
}
