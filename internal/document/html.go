package document

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"sitrep/internal/event"
	"sitrep/internal/fetch"
)

// FromHTML extracts the main content of an HTML page (go-trafilatura, with its readability and DOM-distiller
// fallbacks) and its metadata: title, site name, canonical URL and publication date. pageURL is where the page
// came from ("" when unknown); it wins over the page's own canonical URL. The bytes are decoded to UTF-8 by their
// <meta> charset (UTF-8 when valid and undeclared, else windows-1252). Pages with more than 128 KiB of visible
// text take a plain path (see maxExtractorText). Paragraphs are separated by blank lines. A page without article
// text gives ErrNoArticle; binary data gives ErrBinary.
func FromHTML(ctx context.Context, page []byte, pageURL string) (event.Document, error) {
	if err := ctx.Err(); err != nil {
		return event.Document{}, err
	}
	if IsBinary(bytes.TrimPrefix(page, []byte(utf8BOM))) {
		return event.Document{}, ErrBinary
	}
	if len(bytes.TrimSpace(page)) == 0 {
		return event.Document{}, ErrEmpty
	}
	body, _ := fetch.ToUTF8(page, "text/html")
	root, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		return event.Document{}, fmt.Errorf("%w: parse html: %v", ErrNoArticle, err)
	}
	var content string
	var meta headMeta
	if visibleTextLen(root, maxExtractorText) > maxExtractorText {
		meta = readHeadMeta(root)
		content = plainContent(root)
	} else if content, meta, err = extractMain(root, pageURL); err != nil {
		return event.Document{}, err
	}
	text, err := normalizeString(content)
	if err != nil || !looksLikeArticle(text) {
		return event.Document{}, fmt.Errorf("%w: the main content has no sentence of %d words or more", ErrNoArticle,
			minSentenceWords)
	}
	doc := event.Document{
		URL:       firstNonEmpty(pageURL, meta.url),
		Title:     meta.title,
		Publisher: meta.site,
		Text:      text,
		Language:  DetectLanguage(text),
	}
	doc.ID = ID(doc.URL, text)
	if !meta.published.IsZero() {
		d := event.DateOf(meta.published)
		doc.Published = &d
	}
	return doc, ctx.Err()
}

// extractMain runs the main-content extractor on root and returns the content as text and its metadata.
func extractMain(root *html.Node, pageURL string) (string, headMeta, error) {
	res, err := extractHTML(root, pageURL)
	if err != nil {
		return "", headMeta{}, err
	}
	content := res.ContentText
	if res.ContentNode != nil {
		dropRepeatedBlocks(res.ContentNode)
		content = restoreBreaks(nodeText(res.ContentNode), root)
	}
	m := res.Metadata
	return content, headMeta{title: strings.TrimSpace(m.Title), site: strings.TrimSpace(m.Sitename),
		url: absoluteURL(m.URL), published: m.Date}, nil
}

// extractHTML runs the extractor, turning its failures (and panics, as it is outside code) into ErrNoArticle.
func extractHTML(root *html.Node, pageURL string) (res *trafilatura.ExtractResult, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("%w: the extractor failed: %v", ErrNoArticle, r)
		}
	}()
	opts := trafilatura.Options{
		EnableFallback:  true,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Fast,
	}
	if u, err := url.Parse(pageURL); err == nil && u.IsAbs() {
		opts.OriginalURL = u
	}
	res, err = trafilatura.ExtractDocument(root, opts)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNoArticle, err)
	}
	if res == nil || strings.TrimSpace(res.ContentText) == "" {
		return nil, ErrNoArticle
	}
	return res, nil
}

// minSentenceWords is the length of the shortest sentence that makes extracted content an article.
const minSentenceWords = 6

// looksLikeArticle reports whether text holds at least one sentence: minSentenceWords words or more ending in
// sentence punctuation. Menus, forms, link lists and cookie walls do not. A long unspaced run (Chinese, Thai)
// counts as one word per six characters.
func looksLikeArticle(text string) bool {
	words := 0
	for _, f := range strings.Fields(text) {
		words += wordWeight(f)
		if endsSentence(f) {
			if words >= minSentenceWords {
				return true
			}
			words = 0
		}
	}
	return false
}

// wordWeight is 1 for a word, or half its length for a run in a script written without spaces.
func wordWeight(f string) int {
	for _, r := range f {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer) {
			return max(1, utf8.RuneCountInString(f)/2)
		}
	}
	return 1
}

// endsSentence reports whether a word ends with sentence punctuation, before closing quotes and brackets.
func endsSentence(word string) bool {
	word = strings.TrimRight(word, "\"')]}”’»")
	r, _ := utf8.DecodeLastRuneInString(word)
	return strings.ContainsRune(".!?…؟。！？।", r)
}

// absoluteURL keeps raw only when it is an absolute http(s) URL.
func absoluteURL(raw string) string {
	if CanonicalURL(raw) == "" {
		return ""
	}
	return strings.TrimSpace(raw)
}
