// Package queue is sitrep's distributed mode: documents published to a NATS JetStream stream and consumed by
// any number of workers that extract and store them.
//
// Publishers (ingest, serve) send each document as JSON with its id as the JetStream message id, so that
// republishing within the stream's duplicate window is dropped by the server. Workers share one durable pull
// consumer with explicit acknowledgement: a document is acknowledged only after the store committed it; a
// transient failure is retried with a growing delay; a permanent failure, or a document that failed MaxDeliver
// times, is copied to a dead-letter stream with the reason in a header and then terminated. Because the store
// keys documents by id (and content hash), a redelivery after a crash stores nothing twice.
package queue
