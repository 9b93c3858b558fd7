//go:build unix

package cputime

import (
	"syscall"
	"time"
)

// Self is the CPU time (user and system) this process has used so far, or 0 when it cannot be read. It counts
// every goroutine of the process (an in-process NATS server included), never another process (a PostgreSQL
// server).
func Self() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
