package cputime

import (
	"runtime"
	"testing"
)

// TestSelfGrows: busy work is counted (on unix, where getrusage exists).
func TestSelfGrows(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" || runtime.GOOS == "js" || runtime.GOOS == "wasip1" {
		t.Skip("no getrusage here")
	}
	start := Self()
	x := 0
	for i := 0; Self()-start == 0 && i < 1<<32; i++ {
		x += i % 7
	}
	if Self() <= start {
		t.Fatalf("CPU time did not grow after busy work (%d)", x)
	}
}
