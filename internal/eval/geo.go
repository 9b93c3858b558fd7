package eval

import (
	"cmp"
	"slices"

	"sitrep/internal/gazetteer"
)

// GeoPred is one predicted toponym: the part of geoparse.Toponym that scoring needs.
type GeoPred struct {
	Start, End int
	Text       string
	Lat, Lon   float64
	Resolved   bool // false: recognised but not placed (counts as MaxErrorKm when matched to gold with coordinates)
}

// GeoError is one matched toponym's resolution error, kept for the report's list of largest errors.
type GeoError struct {
	Doc     string  `json:"doc"`
	Start   int     `json:"start"`
	Text    string  `json:"text"`
	GoldLat float64 `json:"gold_lat"`
	GoldLon float64 `json:"gold_lon"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
	Km      float64 `json:"km"`
	Placed  bool    `json:"resolved"`
}

// TypeRecall counts, for one gold class, how many spans there were and how many a prediction overlapped.
type TypeRecall struct {
	Gold  int `json:"gold"`
	Found int `json:"found"`
}

// GeoScorer accumulates geoparsing scores over articles. The zero value is not ready; use NewGeoScorer.
type GeoScorer struct {
	overlap, exact PRF
	errs           []GeoError
	unresolved     int
	docs           int
	byType         map[string]*TypeRecall
	nonToponyms    int // predictions that matched no toponym but overlap an annotated non-toponym span
}

// NewGeoScorer returns an empty scorer.
func NewGeoScorer() *GeoScorer { return &GeoScorer{byType: map[string]*TypeRecall{}} }

// Add scores one article's predictions against its gold toponyms (GeoDoc.Gold): recognition by overlap and
// by exact span, and, for matched gold toponyms with coordinates, the distance to the predicted point.
func (s *GeoScorer) Add(doc GeoDoc, pred []GeoPred) {
	s.docs++
	gold := doc.Gold()
	gi, pi := geoIntervals(gold, pred)
	pairs := MatchSpans(gi, pi, Overlap)
	s.overlap.Add(PRF{TP: len(pairs), FP: len(pred) - len(pairs), FN: len(gold) - len(pairs)})
	s.exact.Add(CountMatches(gi, pi, Exact))
	s.countTypes(gold, pairs)
	s.countNonToponymFP(doc, pi, pairs)
	for _, p := range pairs {
		g, t := gold[p.Gold], pred[p.Pred]
		if !g.HasCoords() {
			continue
		}
		e := GeoError{Doc: doc.ID, Start: g.Start, Text: g.Text, GoldLat: *g.Lat, GoldLon: *g.Lon, Km: MaxErrorKm}
		if t.Resolved {
			e.Lat, e.Lon, e.Placed = t.Lat, t.Lon, true
			e.Km = gazetteer.DistanceKm(*g.Lat, *g.Lon, t.Lat, t.Lon)
		} else {
			s.unresolved++
		}
		s.errs = append(s.errs, e)
	}
}

func geoIntervals(gold []GeoGold, pred []GeoPred) (gi, pi []Interval) {
	gi = make([]Interval, len(gold))
	for i, g := range gold {
		gi[i] = Interval{g.Start, g.End}
	}
	pi = make([]Interval, len(pred))
	for i, p := range pred {
		pi[i] = Interval{p.Start, p.End}
	}
	return gi, pi
}

func (s *GeoScorer) countTypes(gold []GeoGold, pairs []Pair) {
	found := make([]bool, len(gold))
	for _, p := range pairs {
		found[p.Gold] = true
	}
	for i, g := range gold {
		tr := s.byType[g.Type]
		if tr == nil {
			tr = &TypeRecall{}
			s.byType[g.Type] = tr
		}
		tr.Gold++
		if found[i] {
			tr.Found++
		}
	}
}

// countNonToponymFP counts false positives that fall on spans annotated as non-toponyms (demonyms, homonyms...).
func (s *GeoScorer) countNonToponymFP(doc GeoDoc, pi []Interval, pairs []Pair) {
	matched := make([]bool, len(pi))
	for _, p := range pairs {
		matched[p.Pred] = true
	}
	for i, p := range pi {
		if matched[i] {
			continue
		}
		for _, t := range doc.Toponyms {
			if !t.IsToponym() && overlap(p, Interval{t.Start, t.End}) > 0 {
				s.nonToponyms++
				break
			}
		}
	}
}

// GeoReport is the summary of a GeoScorer.
type GeoReport struct {
	Docs          int                   `json:"docs"`
	Oracle        bool                  `json:"oracle"`
	Recognition   Scores                `json:"recognition"`       // span overlap
	Exact         Scores                `json:"recognition_exact"` // same start and end
	Resolution    Resolution            `json:"resolution"`        // matched gold toponyms with coordinates
	Unresolved    int                   `json:"unresolved"`        // of Resolution.N: matched but not placed
	FPNonToponym  int                   `json:"fp_on_non_toponyms"`
	RecallByClass map[string]TypeRecall `json:"recall_by_class"`
	Largest       []GeoError            `json:"largest_errors"`
}

// Report summarises what was added so far; largest lists up to that many of the biggest errors.
func (s *GeoScorer) Report(largest int) GeoReport {
	km := make([]float64, len(s.errs))
	for i, e := range s.errs {
		km[i] = e.Km
	}
	by := make(map[string]TypeRecall, len(s.byType))
	for k, v := range s.byType {
		by[k] = *v
	}
	worst := slices.Clone(s.errs)
	slices.SortStableFunc(worst, func(a, b GeoError) int { return cmp.Compare(b.Km, a.Km) })
	return GeoReport{
		Docs: s.docs, Recognition: s.overlap.Scores(), Exact: s.exact.Scores(), Resolution: Resolve(km),
		Unresolved: s.unresolved, FPNonToponym: s.nonToponyms, RecallByClass: by,
		Largest: worst[:min(largest, len(worst))],
	}
}
