//go:build !unix

package cli

import "time"

// cpuTime is not measured on this platform; cpu-ms/doc reads 0.
func cpuTime() time.Duration { return 0 }
