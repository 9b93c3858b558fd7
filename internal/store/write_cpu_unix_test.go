//go:build unix

package store

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time this process has used (not a PostgreSQL server's): on a shared machine, cpu-ms/doc
// is steadier than docs/s.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
