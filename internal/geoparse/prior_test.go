package geoparse

import (
	"testing"

	"sitrep/internal/gazetteer"
)

func TestPriorOrder(t *testing.T) {
	place := func(class byte, code string, pop int64) gazetteer.Place {
		return gazetteer.Place{Class: class, Code: code, Population: pop, Country: "SY"}
	}
	tests := []struct {
		name          string
		higher, lower gazetteer.Place
	}{
		{"seat without population over a hamlet", place('P', "PPLA2", 0), place('P', "PPL", 3000)},
		{"provincial seat without population over a town", place('P', "PPLA", 0), place('P', "PPL", 20000)},
		{"populated seat keeps its population", place('P', "PPLA2", 200000), place('P', "PPLA2", 0)},
		{"country over a city", place('A', "PCLI", 1000000), place('P', "PPL", 1000000)},
	}
	for _, tt := range tests {
		if h, l := prior(tt.higher), prior(tt.lower); h <= l {
			t.Errorf("%s: prior %+v = %.2f, not above %+v = %.2f", tt.name, tt.higher, h, tt.lower, l)
		}
	}
}
