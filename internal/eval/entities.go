package eval

import (
	"slices"

	"sitrep/internal/event"
)

// EntityClass is one scored class: the re3d types that make its gold and the sitrep entity kinds that make
// its predictions.
type EntityClass struct {
	Name      string
	GoldTypes []string
	PredKinds []string
}

// EntityClasses maps re3d to sitrep. re3d's Organisation covers armed groups, so sitrep's group kind
// predicts it too; MilitaryPlatform (aircraft, tanks, drones) counts as weapon, as sitrep's weapon lexicon
// holds platforms. Other re3d types (Temporal, Quantity, Nationality, Vehicle, Money, ...) are not scored.
var EntityClasses = []EntityClass{
	{"person", []string{"Person"}, []string{event.EntityPerson}},
	{"organization", []string{"Organisation"}, []string{event.EntityOrganization, event.EntityGroup}},
	{"place", []string{"Location"}, []string{event.EntityPlace}},
	{"weapon", []string{"Weapon", "MilitaryPlatform"}, []string{event.EntityWeapon}},
}

// EntityScorer accumulates entity scores per class, by span overlap and by exact span.
type EntityScorer struct {
	docs           int
	overlap, exact []PRF // by EntityClasses index
}

// NewEntityScorer returns an empty scorer.
func NewEntityScorer() *EntityScorer {
	return &EntityScorer{overlap: make([]PRF, len(EntityClasses)), exact: make([]PRF, len(EntityClasses))}
}

// Add scores one document's predicted entities (every mention is one prediction) against its gold.
func (s *EntityScorer) Add(doc Re3dDoc, pred []event.Entity) {
	s.docs++
	for i, c := range EntityClasses {
		var gold, got []Interval
		for _, e := range doc.Entities {
			if slices.Contains(c.GoldTypes, e.Type) {
				gold = append(gold, Interval{e.Start, e.End})
			}
		}
		for _, e := range pred {
			if slices.Contains(c.PredKinds, e.Kind) {
				for _, m := range e.Mentions {
					got = append(got, Interval{m.Start, m.End})
				}
			}
		}
		got = uniqueIntervals(got)
		s.overlap[i].Add(CountMatches(gold, got, Overlap))
		s.exact[i].Add(CountMatches(gold, got, Exact))
	}
}

// uniqueIntervals sorts and drops repeated spans (two entities may list the same mention).
func uniqueIntervals(iv []Interval) []Interval {
	slices.SortFunc(iv, func(a, b Interval) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return a.End - b.End
	})
	return slices.Compact(iv)
}

// EntityClassScore is one class's scores.
type EntityClassScore struct {
	Class     string   `json:"class"`
	GoldTypes []string `json:"gold_types"`
	Overlap   Scores   `json:"overlap"`
	Exact     Scores   `json:"exact"`
}

// EntityReport is the summary of an EntityScorer: per class and micro-averaged (counts summed over classes).
type EntityReport struct {
	Docs         int                `json:"docs"`
	Classes      []EntityClassScore `json:"classes"`
	MicroOverlap Scores             `json:"micro_overlap"`
	MicroExact   Scores             `json:"micro_exact"`
}

// Report summarises what was added so far.
func (s *EntityScorer) Report() EntityReport {
	r := EntityReport{Docs: s.docs}
	var ov, ex PRF
	for i, c := range EntityClasses {
		r.Classes = append(r.Classes, EntityClassScore{Class: c.Name, GoldTypes: c.GoldTypes,
			Overlap: s.overlap[i].Scores(), Exact: s.exact[i].Scores()})
		ov.Add(s.overlap[i])
		ex.Add(s.exact[i])
	}
	r.MicroOverlap, r.MicroExact = ov.Scores(), ex.Scores()
	return r
}
