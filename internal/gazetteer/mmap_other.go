//go:build !unix

package gazetteer

import "os"

// mapFile reads a file into memory (platforms without mmap).
func mapFile(path string) ([]byte, error) { return os.ReadFile(path) }
