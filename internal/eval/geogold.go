package eval

import (
	"fmt"
	"io"
)

// GeoGold is one annotated span of a geo gold file (GeoWebNews, GeoVirus).
type GeoGold struct {
	Start      int      `json:"start"`
	End        int      `json:"end"`
	Text       string   `json:"text"`
	Type       string   `json:"type"` // GeoWebNews class: Literal, Metonymic, Demonym, Non_Toponym, ...
	Locational bool     `json:"locational"`
	Lat        *float64 `json:"lat"`
	Lon        *float64 `json:"lon"`
	GeonameID  *int64   `json:"geonameid"`
}

// HasCoords reports whether the gold span carries coordinates (only those are scored for resolution).
func (g GeoGold) HasCoords() bool { return g.Lat != nil && g.Lon != nil }

// toponymTypes are the GeoWebNews classes that are toponyms (Gritta et al. 2019, "A pragmatic guide to
// geoparsing evaluation"). The other classes (Demonym, Language, Homonym, Non_Toponym and the *_Expression
// spans around toponyms) are annotated but are not toponyms: they are left out of the gold set, so a
// prediction on them counts as a false positive.
var toponymTypes = map[string]bool{
	"Literal": true, "Mixed": true, "Coercion": true, "Metonymic": true,
	"Literal_Modifier": true, "Non_Literal_Modifier": true, "Embedded_Literal": true, "Embedded_Non_Lit": true,
}

// IsToponym reports whether the span counts as a gold toponym for recognition: a toponym class, or no class
// at all (GeoVirus and other corpora that annotate toponyms only).
func (g GeoGold) IsToponym() bool { return g.Type == "" || toponymTypes[g.Type] }

// GeoDoc is one article of a geo gold file.
type GeoDoc struct {
	ID       string    `json:"id"`
	Corpus   string    `json:"corpus"`
	URL      string    `json:"url"`
	Title    *string   `json:"title"`
	Text     string    `json:"text"`
	Toponyms []GeoGold `json:"toponyms"`
}

// Gold returns the spans that count as toponyms, in file order.
func (d GeoDoc) Gold() []GeoGold {
	var out []GeoGold
	for _, t := range d.Toponyms {
		if t.IsToponym() {
			out = append(out, t)
		}
	}
	return out
}

// GeoReader streams a geo gold file, one article per JSON line.
type GeoReader struct{ r *jsonlReader[GeoDoc] }

// NewGeoReader reads r; name is used in error messages (file:line).
func NewGeoReader(r io.Reader, name string) *GeoReader {
	return &GeoReader{&jsonlReader[GeoDoc]{lr: newLineReader(r, name), check: checkGeoDoc}}
}

// Next returns the next article, io.EOF at the end, or a *LineError wrapping ErrMalformed for a bad line
// (the reader can go on with the next line).
func (g *GeoReader) Next() (GeoDoc, error) { return g.r.next() }

func checkGeoDoc(d GeoDoc) error {
	for i, t := range d.Toponyms {
		if err := checkSpan(d.Text, t.Start, t.End); err != nil {
			return fmt.Errorf("toponym %d (%q): %v", i, t.Text, err)
		}
		if (t.Lat == nil) != (t.Lon == nil) {
			return fmt.Errorf("toponym %d (%q): lat and lon must both be set or both null", i, t.Text)
		}
		if t.HasCoords() && (*t.Lat < -90 || *t.Lat > 90 || *t.Lon < -180 || *t.Lon > 180) {
			return fmt.Errorf("toponym %d (%q): coordinates %v,%v out of range", i, t.Text, *t.Lat, *t.Lon)
		}
	}
	return nil
}
