//go:build !unix

package pipeline

import "time"

// cpuTime is 0 where getrusage is missing; cpu-ms/doc then reads 0.
func cpuTime() time.Duration { return 0 }
