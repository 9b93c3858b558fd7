//go:build !unix

package geoparse

import "time"

// cpuTime returns 0: the CPU time of the process is not read on this system.
func cpuTime() time.Duration { return 0 }
