//go:build unix

package geoparse

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time (user and system) the process has used so far, or 0 when unknown.
func cpuTime() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
