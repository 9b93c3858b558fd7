package store

import (
	"context"
	"errors"
	"time"

	"sitrep/internal/event"
	"sitrep/internal/incident"
)

// Errors callers branch on.
var (
	// ErrNotFound means no row has the given id.
	ErrNotFound = errors.New("not found")
	// ErrBadCursor means a pagination cursor was not one this store issued.
	ErrBadCursor = errors.New("invalid cursor")
)

// Store is the storage seam: SQLite now, PostgreSQL later.
type Store interface {
	// PutDocument stores d unless a document with its canonical URL or content hash exists.
	PutDocument(ctx context.Context, d Document) (Put, error)
	// PutResult stores d and its events and merges each event into incidents, all in one transaction.
	PutResult(ctx context.Context, d Document, events []event.Event) (Ingest, error)
	// GetDocument returns one document with its text.
	GetDocument(ctx context.Context, id string) (Document, error)
	// ListDocuments returns documents, newest fetched first, one page at a time.
	ListDocuments(ctx context.Context, f DocumentFilter) ([]Document, string, error)
	// GetIncident returns an incident with its source documents and change history.
	GetIncident(ctx context.Context, id string) (IncidentDetail, error)
	// ListIncidents returns the incidents matching f, one page at a time.
	ListIncidents(ctx context.Context, f Filter) (Page, error)
	// Timeline counts the dated incidents matching f and sums their fatalities per start day and event type.
	Timeline(ctx context.Context, f Filter) ([]TimelineDay, error)
	// Markers returns at most limit placed incidents matching f as map markers, newest first, and whether
	// more matched.
	Markers(ctx context.Context, f Filter, limit int) ([]Marker, bool, error)
	// SplitIncident moves documentID's reports out of an incident into a new one, which it returns.
	SplitIncident(ctx context.Context, incidentID, documentID string) (event.Incident, error)
	// PutSource adds or updates a feed source.
	PutSource(ctx context.Context, s Source) error
	// ListSources returns every source by URL.
	ListSources(ctx context.Context) ([]Source, error)
	// DeleteSource removes a source.
	DeleteSource(ctx context.Context, url string) error
	// Counts returns the sizes of the main tables.
	Counts(ctx context.Context) (Counts, error)
	// Close releases the database.
	Close() error
}

// Document is a stored article: the extracted document plus what the store keeps about it.
type Document struct {
	event.Document
	// CanonicalURL dedupes documents; "" when the document has no URL.
	CanonicalURL string `json:"canonical_url,omitempty"`
	// ContentHash is the hex SHA-256 of the text; computed when empty.
	ContentHash string    `json:"content_hash"`
	FetchedAt   time.Time `json:"fetched_at"`
	// DuplicateOf links a near-duplicate (a syndicated copy) to the document it copies.
	DuplicateOf string `json:"duplicate_of,omitempty"`
}

// Put is the outcome of PutDocument.
type Put struct {
	ID string `json:"id"`
	// Duplicate is true when an existing document had the same canonical URL or content hash; ID is then its id.
	Duplicate bool `json:"duplicate"`
}

// Ingest is the outcome of PutResult.
type Ingest struct {
	Put
	Events  int               `json:"events"`
	Created int               `json:"created"`
	Merged  int               `json:"merged"`
	Changes []incident.Change `json:"changes,omitempty"`
}

// IncidentDetail is one incident with the documents its reports come from and its change history.
type IncidentDetail struct {
	Incident  event.Incident    `json:"incident"`
	Documents []Document        `json:"documents"`
	Changes   []incident.Change `json:"changes"`
}

// Filter selects incidents. Zero fields do not filter.
type Filter struct {
	From, To      event.Date // incidents whose date interval overlaps [From, To]
	BBox          *BBox
	Country       string // ISO2
	Admin1        string
	EventType     string
	SubEventType  string
	Actor         string // substring of an actor name, case-insensitive
	Query         string // full-text query over event summaries and source documents
	MinFatalities int
	Limit         int    // page size; DefaultLimit when 0, at most MaxLimit
	Cursor        string // from the previous Page.Next
}

// Page sizes.
const (
	DefaultLimit = 50
	MaxLimit     = 1000
)

// BBox is a latitude/longitude rectangle.
type BBox struct{ MinLat, MinLon, MaxLat, MaxLon float64 }

// Page is one page of incidents, newest first; Next is "" on the last page.
type Page struct {
	Incidents []event.Incident `json:"incidents"`
	Next      string           `json:"next,omitempty"`
}

// DocumentFilter pages through documents; Query is full-text over title and text.
type DocumentFilter struct {
	Query  string
	Limit  int
	Cursor string
}

// Source is a polled feed.
type Source struct {
	URL          string    `json:"url"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	LastError    string    `json:"last_error,omitempty"`
	NextPoll     time.Time `json:"next_poll"`
	Added        time.Time `json:"added"`
}
