package event

import (
	"slices"
	"testing"
)

// TestTaxonomy checks that the event types are exactly those the sub-types belong to, in codebook order.
func TestTaxonomy(t *testing.T) {
	var fromSubs []string
	for _, sub := range SubTypes() {
		typ, ok := TypeOf(sub)
		if !ok {
			t.Fatalf("SubTypes lists %q, which TypeOf does not know", sub)
		}
		if !slices.Contains(fromSubs, typ) {
			fromSubs = append(fromSubs, typ)
		}
	}
	if !slices.Equal(Types(), fromSubs) || len(SubTypes()) != 25 || len(subTypes) != 25 {
		t.Errorf("Types() = %q, sub-types give %q (%d sub-types)", Types(), fromSubs, len(SubTypes()))
	}
}
