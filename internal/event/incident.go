package event

import "time"

// Incident is one real-world event as the reports of several documents describe it: merged, with every report
// kept, figures reconciled and the reasons for each merge recorded so an analyst can check and undo them.
type Incident struct {
	ID           string `json:"id"`
	EventType    string `json:"event_type"`
	SubEventType string `json:"sub_event_type"`
	Summary      string `json:"summary,omitempty"`
	Date         *When  `json:"date"`
	Location     *Place `json:"location"`
	// Actors are the reconciled actors; an actor that some reports state and others dispute is contested.
	Actors []Actor `json:"actors"`
	// Fatalities is the reconciled range over the reports' figures.
	Fatalities *Count    `json:"fatalities"`
	Reports    []Report  `json:"reports"`
	Merges     []Merge   `json:"merges,omitempty"`
	Created    time.Time `json:"created"`
	Updated    time.Time `json:"updated"`
}

// Report is one document's account of an incident.
type Report struct {
	DocumentID string `json:"document_id"`
	URL        string `json:"url,omitempty"`
	Publisher  string `json:"publisher,omitempty"`
	Published  *Date  `json:"published"`
	Event      Event  `json:"event"`
	// DuplicateOf names the document this one copies (a syndicated wire story), if any.
	DuplicateOf string    `json:"duplicate_of,omitempty"`
	Added       time.Time `json:"added"`
}

// Merge records why a report was joined to an incident.
type Merge struct {
	DocumentID string    `json:"document_id"`
	EventID    string    `json:"event_id"`
	Score      float64   `json:"score"`
	Reasons    []string  `json:"reasons"`
	At         time.Time `json:"at"`
}
