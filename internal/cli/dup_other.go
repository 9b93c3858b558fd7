//go:build !unix

package cli

import "errors"

// dupFile is not available here: -o names of open files (/dev/stdout, /dev/fd/N) exist only on Unix.
func dupFile(int) (int, error) { return -1, errors.New("not supported on this system") }
