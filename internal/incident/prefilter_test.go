package incident

import (
	"slices"
	"testing"

	"sitrep/internal/event"
)

// TestMergeableSubTypes checks that MergeableSubTypes names exactly the sub-types SubTypesMayMerge accepts, other
// than "" and the report's own, for every pair of known sub-types and a few unknown ones.
func TestMergeableSubTypes(t *testing.T) {
	all := append(event.SubTypes(), "Unknown thing", "armed clash")
	for p := range compatibleSubTypes {
		all = append(all, p.a, p.b)
	}
	longest := 0
	for _, b := range all {
		list := MergeableSubTypes(b)
		longest = max(longest, len(list))
		if !slices.IsSorted(list) || len(slices.Compact(slices.Clone(list))) != len(list) {
			t.Errorf("MergeableSubTypes(%q) = %q: not sorted and unique", b, list)
		}
		if !SubTypesMayMerge("", b) {
			t.Errorf("SubTypesMayMerge(\"\", %q) is false", b)
		}
		for _, a := range all {
			want := SubTypesMayMerge(a, b)
			got := a == b || slices.Contains(list, a)
			if got != want {
				t.Errorf("sub-types %q, %q: in MergeableSubTypes %v, SubTypesMayMerge %v", a, b, got, want)
			}
		}
		if slices.Contains(list, "") || slices.Contains(list, b) {
			t.Errorf("MergeableSubTypes(%q) = %q holds \"\" or itself", b, list)
		}
	}
	if got := MaxMergeableSubTypes(); got != longest || got == 0 {
		t.Errorf("MaxMergeableSubTypes() = %d, longest list %d", got, longest)
	}
}
