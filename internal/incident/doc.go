// Package incident merges the events that different documents report about one real-world incident.
//
// A Merger scores a report against candidate incidents (sub-type, dates, place and actor1 must be compatible;
// see Merger.Score) and Assign picks the best one. New starts an incident from a report, Add joins a report to
// one and recomputes its reconciled values (fatalities, date, place, actors with contested attributions), and
// Split undoes a merge. Every function is pure and deterministic: no I/O, no clock (callers pass now), no
// locking (the store serialises merges). The rules are described for analysts in docs/incidents.md.
package incident
