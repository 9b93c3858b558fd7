//go:build unix

package gazetteer

import (
	"fmt"
	"os"
	"syscall"
)

// mapFile maps a file read-only into memory, so that opening a large overlay costs no reading: pages come in
// as lookups touch them. The mapping lives as long as the process.
func mapFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	size := st.Size()
	if size == 0 || size != int64(int(size)) {
		return nil, fmt.Errorf("%w: overlay size %d", ErrFormat, size)
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return os.ReadFile(path) // file systems without mmap
	}
	return data, nil
}
