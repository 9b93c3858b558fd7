package eval

import "fmt"

// checkSpan validates a [start, end) byte range against text.
func checkSpan(text string, start, end int) error {
	if start < 0 || end < start || end > len(text) {
		return fmt.Errorf("span [%d,%d) outside the text (%d bytes)", start, end, len(text))
	}
	return nil
}
