package scratch

import "testing"

// TestPool checks that a slice given back comes back empty with its capacity and its elements zeroed, and that
// one past the bound is not kept.
func TestPool(t *testing.T) {
	for _, tc := range []struct {
		name string
		n    int  // values appended
		kept bool // whether the slice should be recycled
	}{
		{"small", 3, true},
		{"at the bound", 8, true},
		{"past the bound", 9, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := New[*int](8)
			sp := p.Get()
			s := (*sp)[:0]
			for range tc.n {
				s = append(s, new(int))
			}
			s = s[:len(s):len(s)] // capacity exactly n, so the bound is tested exactly
			p.Put(sp, s)
			if !tc.kept {
				if len(*sp) != 0 || cap(*sp) != 0 {
					t.Errorf("a slice past the bound was taken back: len %d cap %d", len(*sp), cap(*sp))
				}
				return
			}
			if len(*sp) != 0 || cap(*sp) != tc.n {
				t.Errorf("kept slice: len %d cap %d, want 0 and %d", len(*sp), cap(*sp), tc.n)
			}
			for i, v := range (*sp)[:tc.n] {
				if v != nil {
					t.Errorf("element %d not zeroed", i)
				}
			}
		})
	}
}
