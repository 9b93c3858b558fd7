// Package event is sitrep's data model: documents, spans, events with their actors, place, date, counts and
// claims, and the JSON form "sitrep/v1" that `sitrep extract` prints (../shared/schema/extract.schema.json).
package event

// Schema is the value of the "schema" field of every extraction result.
const Schema = "sitrep/v1"
