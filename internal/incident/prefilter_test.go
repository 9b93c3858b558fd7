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

// TestMergeableSubTypesUnagreed checks the lists for a report whose actor1 cannot agree: for every pair of
// sub-types, MergeableSubTypesFor names a sub-type exactly when compareTypes, told that actor1 does not agree,
// lets the pair merge; and a report with an identified actor1 gets MergeableSubTypes whole.
func TestMergeableSubTypesUnagreed(t *testing.T) {
	all := append(event.SubTypes(), "Unknown thing")
	unknown := []event.Actor{{Role: event.RoleActor1, Name: "Unidentified gunmen"}, {Role: event.RoleActor2, Name: "Civilians (Mali)"}}
	known := []event.Actor{{Role: event.RoleActor1, Name: "Wagner Group"}}
	for _, actors := range [][]event.Actor{nil, unknown} {
		if Actor1MayAgree(actors) {
			t.Errorf("Actor1MayAgree(%v) = true", actors)
		}
		for _, b := range all {
			list := MergeableSubTypesFor(b, actors)
			for _, a := range all {
				typ := compareTypes(typeOf("", a), a, typeOf("", b), b, false)
				got := a == b || slices.Contains(list, a)
				if got != !typ.veto || SubTypesMayMergeUnagreed(a, b) != !typ.veto {
					t.Errorf("sub-types %q, %q, actor1 unidentified: listed %v, SubTypesMayMergeUnagreed %v, compareTypes veto %v (%s)",
						a, b, got, SubTypesMayMergeUnagreed(a, b), typ.veto, typ.reason)
				}
			}
		}
	}
	if !Actor1MayAgree(known) {
		t.Error("Actor1MayAgree: an identified actor1 cannot agree")
	}
	narrower := 0
	for _, b := range all {
		if !slices.Equal(MergeableSubTypesFor(b, known), MergeableSubTypes(b)) {
			t.Errorf("MergeableSubTypesFor(%q, identified actor1) differs from MergeableSubTypes", b)
		}
		if len(MergeableSubTypesFor(b, nil)) < len(MergeableSubTypes(b)) {
			narrower++
		}
	}
	if narrower == 0 {
		t.Error("no sub-type has a narrower list without actor1")
	}
}
