// Package feed reads news feeds (RSS 2.0 and 1.0, Atom 1.0, JSON Feed 1.0/1.1) and polls the feed sources kept in
// the store: one conditional GET per due source through the guarded fetch client, exponential backoff after
// errors (recorded in the source's LastError and NextPoll), and every new item's page fetched, extracted and
// handed to the pipeline. An item whose page cannot be fetched or read falls back to the text the feed carries.
package feed
