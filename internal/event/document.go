package event

// Document is one article as sitrep reads it: metadata and the plain text that spans point into.
type Document struct {
	ID        string `json:"id"`
	URL       string `json:"url,omitempty"`
	Title     string `json:"title,omitempty"`
	Publisher string `json:"publisher,omitempty"`
	// Published resolves relative dates; nil when unknown.
	Published *Date  `json:"published"`
	Language  string `json:"language"`
	Text      string `json:"text,omitempty"`
}
