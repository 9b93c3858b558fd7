package eval

import (
	"fmt"
	"io"
)

// Re3dEntity is one annotated entity span of the re3d gold.
type Re3dEntity struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"` // Organisation, Location, Person, Weapon, MilitaryPlatform, Temporal, ...
}

// Re3dDoc is one document of the re3d gold (relations are not read).
type Re3dDoc struct {
	ID       string       `json:"id"`
	Source   string       `json:"source"`
	Title    *string      `json:"title"`
	Text     string       `json:"text"`
	Entities []Re3dEntity `json:"entities"`
}

// Re3dReader streams a re3d gold file, one document per JSON line.
type Re3dReader struct{ r *jsonlReader[Re3dDoc] }

// NewRe3dReader reads r; name is used in error messages (file:line).
func NewRe3dReader(r io.Reader, name string) *Re3dReader {
	return &Re3dReader{&jsonlReader[Re3dDoc]{lr: newLineReader(r, name), check: checkRe3dDoc}}
}

// Next returns the next document, io.EOF at the end, or a *LineError wrapping ErrMalformed.
func (r *Re3dReader) Next() (Re3dDoc, error) { return r.r.next() }

func checkRe3dDoc(d Re3dDoc) error {
	for i, e := range d.Entities {
		if err := checkSpan(d.Text, e.Start, e.End); err != nil {
			return fmt.Errorf("entity %d (%q): %v", i, e.Text, err)
		}
	}
	return nil
}
