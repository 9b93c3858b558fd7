package web

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// storedDocuments counts the documents the API lists.
func storedDocuments(t testing.TB, base string) int {
	t.Helper()
	res, err := http.Get(base + "/api/documents?limit=1000")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var body struct {
		Documents []json.RawMessage `json:"documents"`
	}
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	return len(body.Documents)
}

func TestExplorerExtractsExplainsAndSaves(t *testing.T) {
	ctx := browser(t, 1280, 900)
	st := openStore(t)
	base := site(t, st, "s3cret")
	article := "An air strike killed 12 civilians in Aleppo on Monday, the Syrian Observatory for Human Rights said.\n\n" +
		"The Syrian government denied carrying out the strike."
	do(t, ctx, "extract", chromedp.Navigate(base+"/?tab=explore"),
		chromedp.SetValue(chromedp.CSS(`#extract-form [name=text]`), article),
		chromedp.SetValue(chromedp.CSS(`#extract-form [name=published]`), "2026-03-04"),
		chromedp.SetValue(chromedp.CSS(`#extract-form [name=url]`), "https://news.example/aleppo-strike"),
		chromedp.SetValue(chromedp.CSS(`#extract-form [name=token]`), "s3cret"),
		chromedp.Click(chromedp.CSS(`#extract-form button[type=submit]`)),
		waitJS(`document.querySelector("#extract-out h2") !== null`))
	checks := []struct{ name, js string }{
		{"an event card", `document.querySelectorAll("#extract-out .event-card").length >= 1`},
		{"spans marked in the text", `document.querySelectorAll("#extract-out .doc-text mark").length >= 2`},
		{"place marked", `[...document.querySelectorAll("#extract-out .doc-text mark.m-place")].some(m => m.textContent === "Aleppo")`},
		{"explain reasons", `document.querySelectorAll("#extract-out .explain tbody tr").length >= 1`},
		{"nothing stored", `/nothing stored/.test(document.querySelector("#extract-status").textContent)`},
	}
	for _, c := range checks {
		if !eval[bool](t, ctx, c.js) {
			t.Errorf("explorer: %s: %s is false", c.name, c.js)
		}
	}
	if n := storedDocuments(t, base); n != 0 {
		t.Fatalf("extracting stored %d documents", n)
	}
	screenshot(t, ctx, "extracted")
	status := `document.querySelector("#extract-status").textContent`
	do(t, ctx, "save without token", waitJS(`(document.querySelector("#extract-form [name=token]").value = "", true)`),
		chromedp.Click(chromedp.CSS(`#save`)), waitJS(`/failed/.test(`+status+`)`))
	if s := eval[string](t, ctx, status); !strings.Contains(s, "401") {
		t.Errorf("saving without the token: status %q, want a 401 message", s)
	}
	do(t, ctx, "save with token", chromedp.SetValue(chromedp.CSS(`#extract-form [name=token]`), "s3cret"),
		chromedp.Click(chromedp.CSS(`#save`)), waitJS(`/^Saved document/.test(`+status+`)`))
	if n := storedDocuments(t, base); n != 1 {
		t.Errorf("after saving, the store holds %d documents, want 1", n)
	}
	screenshot(t, ctx, "saved")
}

func TestPhoneSizedWindow(t *testing.T) {
	ctx := browser(t, 390, 844)
	base := fixtureSite(t, "")
	do(t, ctx, "load", chromedp.Navigate(base+"/"), ready(1))
	fits := `document.documentElement.scrollWidth <= window.innerWidth + 1`
	if !eval[bool](t, ctx, fits) {
		t.Errorf("page wider than a phone: scrollWidth %d, innerWidth %d",
			eval[int](t, ctx, `document.documentElement.scrollWidth`), eval[int](t, ctx, `window.innerWidth`))
	}
	if eval[bool](t, ctx, `getComputedStyle(document.querySelector("#filters")).display !== "none"`) {
		t.Error("filters take the screen on a phone before they are asked for")
	}
	screenshot(t, ctx, "map")
	do(t, ctx, "filters", chromedp.Click(chromedp.CSS(`#toggle-filters`)),
		waitJS(`getComputedStyle(document.querySelector("#filters")).display !== "none"`))
	screenshot(t, ctx, "filters")
	id := findIncident(t, base, convoyPlace)
	do(t, ctx, "dossier", chromedp.Click(chromedp.CSS(`#incidents tr[data-id="`+id+`"]`)),
		waitJS(`document.querySelector("#dossier").dataset.id === "`+id+`"`))
	if !eval[bool](t, ctx, `Math.abs(document.querySelector("#dossier").getBoundingClientRect().width - window.innerWidth) < 2`) {
		t.Error("the dossier does not fill a phone's width")
	}
	if !eval[bool](t, ctx, fits) {
		t.Error("the dossier makes the page wider than a phone")
	}
	screenshot(t, ctx, "dossier")
}
