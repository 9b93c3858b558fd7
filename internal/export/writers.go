package export

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
)

// WriteCSV writes the ACLED-style CSV: a header of Columns, then one row per incident.
func WriteCSV(w io.Writer, incs Incidents, opts Options) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(Columns); err != nil {
		return fmt.Errorf("export csv: %w", err)
	}
	for inc, err := range incs {
		if err != nil {
			return fmt.Errorf("export csv: %w", err)
		}
		if err := cw.Write(RowOf(inc, opts).Strings()); err != nil {
			return fmt.Errorf("export csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("export csv: %w", err)
	}
	return nil
}

// WriteJSONL writes one incident, in full, per line.
func WriteJSONL(w io.Writer, incs Incidents) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	for inc, err := range incs {
		if err != nil {
			return fmt.Errorf("export jsonl: %w", err)
		}
		if err := enc.Encode(inc); err != nil {
			return fmt.Errorf("export jsonl: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export jsonl: %w", err)
	}
	return nil
}

// feature is a GeoJSON Feature with the row's columns as flat properties (what QGIS reads best).
type feature struct {
	Type       string    `json:"type"`
	ID         string    `json:"id"`
	Geometry   *geometry `json:"geometry"`
	Properties Row       `json:"properties"`
}

// geometry is a GeoJSON Point, [longitude, latitude].
type geometry struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"`
}

// WriteGeoJSON writes a FeatureCollection, one Point feature per incident (a null geometry when the incident
// has no coordinates), streamed feature by feature.
func WriteGeoJSON(w io.Writer, incs Incidents, opts Options) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(`{"type":"FeatureCollection","features":[`)
	first := true
	for inc, err := range incs {
		if err != nil {
			return fmt.Errorf("export geojson: %w", err)
		}
		r := RowOf(inc, opts)
		f := feature{Type: "Feature", ID: inc.ID, Properties: r}
		if r.Latitude != nil {
			f.Geometry = &geometry{Type: "Point", Coordinates: [2]float64{*r.Longitude, *r.Latitude}}
		}
		b, err := json.Marshal(f)
		if err != nil {
			return fmt.Errorf("export geojson: %w", err)
		}
		if !first {
			bw.WriteString(",")
		}
		first = false
		bw.WriteString("\n")
		bw.Write(b)
	}
	bw.WriteString("\n]}\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export geojson: %w", err)
	}
	return nil
}
