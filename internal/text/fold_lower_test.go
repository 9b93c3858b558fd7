package text

import "testing"

func TestHasPrefixSuffixLower(t *testing.T) {
	tests := []struct {
		s, w           string
		prefix, suffix bool
	}{
		{"Killed in", "killed", true, false},
		{"KILLED", "killed", true, true},
		{"were killed", "killed", false, true},
		{"kill", "killed", false, false},
		{"", "", true, true},
		{"\u212Ailled", "killed", false, false}, // the Kelvin sign is not folded
		{"Among them", "among them", true, true},
	}
	for _, tt := range tests {
		if got := HasPrefixLower(tt.s, tt.w); got != tt.prefix {
			t.Errorf("HasPrefixLower(%q, %q) = %v", tt.s, tt.w, got)
		}
		if got := HasSuffixLower(tt.s, tt.w); got != tt.suffix {
			t.Errorf("HasSuffixLower(%q, %q) = %v", tt.s, tt.w, got)
		}
	}
}
