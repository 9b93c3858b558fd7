package feed

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// flexString accepts a JSON string or number (JSON Feed 1.0 ids were sometimes numbers).
type flexString string

func (f *flexString) UnmarshalJSON(b []byte) error {
	if bytes.HasPrefix(b, []byte(`"`)) {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*f = flexString(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return err
	}
	*f = flexString(n.String())
	return nil
}

type jsonItem struct {
	ID            flexString `json:"id"`
	URL           string     `json:"url"`
	ExternalURL   string     `json:"external_url"`
	Title         string     `json:"title"`
	ContentHTML   string     `json:"content_html"`
	ContentText   string     `json:"content_text"`
	Summary       string     `json:"summary"`
	DatePublished string     `json:"date_published"`
	DateModified  string     `json:"date_modified"`
}

// parseJSON decodes a JSON Feed (version https://jsonfeed.org/version/1 or 1.1).
func parseJSON(data []byte) (Feed, error) {
	var doc struct {
		Version string     `json:"version"`
		Title   string     `json:"title"`
		Items   []jsonItem `json:"items"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return Feed{}, fmt.Errorf("%w: json: %v", ErrFormat, err)
	}
	if !strings.HasPrefix(doc.Version, "https://jsonfeed.org/version/") {
		return Feed{}, fmt.Errorf("%w: json without a jsonfeed.org version", ErrFormat)
	}
	f := Feed{Title: strings.TrimSpace(doc.Title)}
	for _, it := range doc.Items {
		f.Items = append(f.Items, Item{
			ID:        strings.TrimSpace(string(it.ID)),
			URL:       strings.TrimSpace(firstOf(it.URL, it.ExternalURL)),
			Title:     strings.TrimSpace(it.Title),
			Content:   firstOf(it.ContentHTML, it.ContentText, it.Summary),
			Published: parseTime(firstOf(it.DatePublished, it.DateModified)),
		})
	}
	return f, nil
}
