//go:build !unix

package cputime

import "time"

// Self is 0 where getrusage is missing; CPU-per-unit figures then read 0.
func Self() time.Duration { return 0 }
