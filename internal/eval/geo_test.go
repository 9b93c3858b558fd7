package eval

import "testing"

func fp(x float64) *float64 { return &x }

// geoFixture: "Alpha met Beta near Gamma in Delta."
//
//	Alpha [0,5) Literal at 0,0; Beta [10,14) Literal at 10,10; Gamma [20,25) Metonymic at 20,20;
//	Delta [29,34) Demonym (not a toponym).
func geoFixture() GeoDoc {
	return GeoDoc{ID: "d1", Text: "Alpha met Beta near Gamma in Delta.", Toponyms: []GeoGold{
		{Start: 0, End: 5, Text: "Alpha", Type: "Literal", Lat: fp(0), Lon: fp(0)},
		{Start: 10, End: 14, Text: "Beta", Type: "Literal", Lat: fp(10), Lon: fp(10)},
		{Start: 20, End: 25, Text: "Gamma", Type: "Metonymic", Lat: fp(20), Lon: fp(20)},
		{Start: 29, End: 34, Text: "Delta", Type: "Demonym"},
	}}
}

func TestGeoScorer(t *testing.T) {
	s := NewGeoScorer()
	s.Add(geoFixture(), []GeoPred{
		{Start: 0, End: 5, Lat: 1, Lon: 0, Resolved: true}, // one degree of latitude off: 111.195 km
		{Start: 10, End: 14}, // recognised, not placed: 20039 km
		{Start: 15, End: 25, Lat: 20, Lon: 20, Resolved: true}, // "near Gamma": overlap, not exact; 0 km
		{Start: 29, End: 34, Lat: 5, Lon: 5, Resolved: true},   // on the demonym: false positive
		{Start: 6, End: 9, Resolved: true},                     // "met": false positive
	})
	r := s.Report(2)
	// overlap: tp 3, fp 2, fn 0 -> P .6 R 1 F1 .75; exact: tp 2 (Alpha, Beta), fp 3, fn 1 -> P .4 R 2/3 F1 .5
	if r.Recognition.PRF != (PRF{TP: 3, FP: 2}) || !near(r.Recognition.F1, 0.75, 1e-9) {
		t.Errorf("recognition = %+v", r.Recognition)
	}
	if r.Exact.PRF != (PRF{TP: 2, FP: 3, FN: 1}) || !near(r.Exact.F1, 0.5, 1e-9) {
		t.Errorf("exact = %+v", r.Exact)
	}
	if r.FPNonToponym != 1 || r.Unresolved != 1 {
		t.Errorf("fp on non-toponyms %d, unresolved %d; want 1, 1", r.FPNonToponym, r.Unresolved)
	}
	// errors 111.195, 20039, 0: Acc 2/3, mean 6716.73, median 111.195,
	// AUC: y = 0, ln(112.195)/ln(20039) = .476535, 1.000005 -> (.238268 + .738270) / 2 = .488269
	res := r.Resolution
	if res.N != 3 || !near(res.Acc161, 2.0/3, 1e-9) || !near(res.MeanKm, 6716.73, 0.01) ||
		!near(res.MedianKm, 111.195, 0.001) || !near(res.AUC, 0.488269, 1e-5) {
		t.Errorf("resolution = %+v", res)
	}
	if got := r.RecallByClass; got["Literal"] != (TypeRecall{2, 2}) || got["Metonymic"] != (TypeRecall{1, 1}) || len(got) != 2 {
		t.Errorf("recall by class = %v", got)
	}
	if len(r.Largest) != 2 || r.Largest[0].Text != "Beta" || r.Largest[0].Placed || r.Largest[1].Text != "Alpha" {
		t.Errorf("largest = %+v", r.Largest)
	}
}

func TestGeoScorerEdges(t *testing.T) {
	tests := []struct {
		name string
		pred []GeoPred
		rec  PRF
		acc  float64
		n    int
	}{
		{"no predictions", nil, PRF{FN: 3}, 0, 0},
		{"all right", []GeoPred{
			{Start: 0, End: 5, Resolved: true}, {Start: 10, End: 14, Lat: 10, Lon: 10, Resolved: true},
			{Start: 20, End: 25, Lat: 20, Lon: 20, Resolved: true},
		}, PRF{TP: 3}, 1, 3},
		{"all placed at the antipode", []GeoPred{
			{Start: 0, End: 5, Lat: 0, Lon: 180, Resolved: true}, {Start: 10, End: 14, Lat: -10, Lon: -170, Resolved: true},
			{Start: 20, End: 25, Lat: -20, Lon: -160, Resolved: true},
		}, PRF{TP: 3}, 0, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := NewGeoScorer()
			s.Add(geoFixture(), tc.pred)
			r := s.Report(0)
			if r.Recognition.PRF != tc.rec || r.Resolution.N != tc.n || !near(r.Resolution.Acc161, tc.acc, 1e-9) {
				t.Errorf("got %+v / %+v", r.Recognition, r.Resolution)
			}
			if tc.n > 0 && tc.acc == 1 && r.Resolution.AUC != 0 {
				t.Errorf("AUC of exact answers = %v, want 0", r.Resolution.AUC)
			}
			if tc.n > 0 && tc.acc == 0 && !near(r.Resolution.AUC, 1, 1e-3) {
				t.Errorf("AUC at the antipode = %v, want about 1", r.Resolution.AUC)
			}
		})
	}
}
