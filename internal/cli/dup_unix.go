//go:build unix

package cli

import "syscall"

// dupFile duplicates the open file descriptor fd.
func dupFile(fd int) (int, error) { return syscall.Dup(fd) }
