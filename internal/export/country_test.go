package export

import (
	"testing"

	"sitrep/internal/event"
)

// TestDefaultCountryNames checks that the zero Options write country names, as ACLED does, and keep a code
// the gazetteer does not know.
func TestDefaultCountryNames(t *testing.T) {
	for _, tt := range []struct{ code, want string }{
		{"SD", "Sudan"},
		{"UA", "Ukraine"},
		{"sy", "Syria"},
		{"XX", "XX"},
		{"", ""},
	} {
		inc := event.Incident{Location: &event.Place{Name: "Somewhere", Country: tt.code}}
		if got := RowOf(inc, Options{}).Country; got != tt.want {
			t.Errorf("%q: country %q, want %q", tt.code, got, tt.want)
		}
		keep := Options{CountryName: func(c string) string { return c }}
		if got := RowOf(inc, keep).Country; got != tt.code {
			t.Errorf("%q with the caller's lookup: country %q", tt.code, got)
		}
	}
}
