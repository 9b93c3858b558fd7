// Package pipeline takes one document at a time through the steps that turn it into stored incidents: a language
// check, an exact-duplicate check against the store, a near-duplicate check (SimHash fingerprints of recent
// documents, so a syndicated wire story is linked to the first copy seen), extraction, and one store transaction
// that saves the document and merges its events into incidents. A Batch does the same for documents that come in
// bulk but stores them many to a transaction (sitrep ingest uses one). It keeps running totals for summaries and
// metrics. A Pipeline is safe for concurrent use: feeds, the API and batch ingest share one.
package pipeline
