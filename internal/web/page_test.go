package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// findIncident returns the id of the incident at place, through the API.
func findIncident(t testing.TB, base, place string) string {
	t.Helper()
	res, err := http.Get(base + "/api/map")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var body struct {
		Markers []struct{ ID, Location string } `json:"markers"`
	}
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	for _, m := range body.Markers {
		if m.Location == place {
			return m.ID
		}
	}
	t.Fatalf("no incident at %s", place)
	return ""
}

// fixtureSite serves a store with 80 scattered incidents plus the named ones.
func fixtureSite(t testing.TB, token string) string {
	st := openStore(t)
	fill(t, st, 80, 7)
	fillNamed(t, st)
	return site(t, st, token)
}

func TestPageLoadsEveryMarker(t *testing.T) {
	ctx := browser(t, 1280, 900)
	base := fixtureSite(t, "")
	do(t, ctx, "load", chromedp.Navigate(base+"/"), ready(1))
	want := apiMarkers(t, base, "")
	if got := bodyInt(t, ctx, "markers"); got != want || want < 80 {
		t.Errorf("markers on the map = %d, API has %d (want at least 80)", got, want)
	}
	if rows := eval[int](t, ctx, `document.querySelectorAll("#incidents tbody tr").length`); rows != want {
		t.Errorf("list rows = %d, want %d", rows, want)
	}
	if bars := eval[int](t, ctx, `document.querySelectorAll("#timeline rect").length`); bars == 0 {
		t.Error("the timeline drew no bars")
	}
	do(t, ctx, "basemap", waitJS(`document.querySelectorAll(".leaflet-overlay-pane path").length > 100`))
	screenshot(t, ctx, "loaded")
}

func TestMarkerOpensDossierWithEvidence(t *testing.T) {
	ctx := browser(t, 1280, 900)
	base := fixtureSite(t, "")
	id := findIncident(t, base, convoyPlace)
	marker := chromedp.CSS(`.inc-marker[data-id="` + id + `"]`)
	do(t, ctx, "open", chromedp.Navigate(base+"/?lat=36.15&lon=36.85&z=13"), ready(1),
		chromedp.WaitVisible(marker), chromedp.Click(marker),
		waitJS(`document.querySelector("#dossier").dataset.id === "`+id+`"`))
	checks := []struct{ name, js string }{
		{"two reports", `document.querySelectorAll("#dossier li.report").length === 2`},
		{"evidence highlighted in both", `document.querySelectorAll("#dossier li.report mark.m-evidence").length >= 2`},
		{"actor span marked", `[...document.querySelectorAll("#dossier mark.m-actor")].some(m => m.textContent === "Military Forces of Russia")`},
		{"place span marked (UTF-8 offsets)", `[...document.querySelectorAll("#dossier mark.m-place")].some(m => m.textContent === "` + convoyPlace + `")`},
		{"disputed actor marked", `document.querySelector("#dossier .actors .badge.alleged, #dossier .actors .badge.contested") !== null`},
		{"claims by stance", `document.querySelector("#dossier .stance-accuses") !== null && document.querySelector("#dossier .stance-denies") !== null`},
		{"per-source figures", `/20/.test(document.querySelector("#dossier .per-source").textContent) && /21/.test(document.querySelector("#dossier .per-source").textContent)`},
		{"reconciled range", `/20/.test(document.querySelector("#dossier .reconciled").textContent)`},
		{"merge reasons", `[...document.querySelectorAll("#dossier h3")].some(h => /merged/.test(h.textContent))`},
		{"list row selected", `document.querySelector('#incidents tr.selected[data-id="` + id + `"]') !== null`},
		{"marker selected", `document.querySelector('.inc-marker.selected[data-id="` + id + `"]') !== null`},
		{"url names the incident", `new URLSearchParams(location.search).get("incident") === "` + id + `"`},
	}
	for _, c := range checks {
		if !eval[bool](t, ctx, c.js) {
			t.Errorf("dossier: %s: %s is false", c.name, c.js)
		}
	}
	screenshot(t, ctx, "dossier")
}

func TestDateBrushFiltersMapAndList(t *testing.T) {
	ctx := browser(t, 1280, 900)
	base := fixtureSite(t, "")
	do(t, ctx, "load", chromedp.Navigate(base+"/"), ready(1))
	total := bodyInt(t, ctx, "markers")
	var box struct{ Left, Top, Width, Height float64 }
	box = eval[struct{ Left, Top, Width, Height float64 }](t, ctx,
		`(() => { const r = document.querySelector("#timeline svg").getBoundingClientRect(); return {left: r.left, top: r.top, width: r.width, height: r.height}; })()`)
	y := box.Top + box.Height/2
	x0, x1 := box.Left+box.Width*0.3, box.Left+box.Width*0.6
	left := chromedp.ButtonType("left")
	do(t, ctx, "brush",
		chromedp.MouseEvent(chromedp.MouseMoved, x0, y),
		chromedp.MouseEvent(chromedp.MousePressed, x0, y, left, chromedp.ClickCount(1)),
		chromedp.MouseEvent(chromedp.MouseMoved, (x0+x1)/2, y, left),
		chromedp.MouseEvent(chromedp.MouseMoved, x1, y, left),
		chromedp.MouseEvent(chromedp.MouseReleased, x1, y, left, chromedp.ClickCount(1)),
		ready(2))
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(loc)
	from, to := u.Query().Get("from"), u.Query().Get("to")
	if from == "" || to == "" || from > to {
		t.Fatalf("after brushing, URL %s has no from/to range", loc)
	}
	want := apiMarkers(t, base, "from="+from+"&to="+to)
	got := bodyInt(t, ctx, "markers")
	if got != want || got >= total || got == 0 {
		t.Errorf("brushed %s..%s: %d markers, API %d, all %d (want API's count, fewer than all, not 0)", from, to, got, want, total)
	}
	if v := eval[string](t, ctx, `document.querySelector("#filters [name=from]").value`); v != from {
		t.Errorf("from field = %q, want %q", v, from)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("#timeline .tl-brush").length`); n != 1 {
		t.Errorf("brush rectangles = %d, want 1", n)
	}
	screenshot(t, ctx, "brushed")
}

func TestURLRestoresView(t *testing.T) {
	ctx := browser(t, 1280, 900)
	base := fixtureSite(t, "")
	do(t, ctx, "load", chromedp.Navigate(base+"/"), ready(1),
		chromedp.SetValue(chromedp.CSS(`#filters [name=event_type]`), "Explosions/Remote violence"),
		chromedp.SetValue(chromedp.CSS(`#filters [name=min_fatalities]`), "5"),
		chromedp.Click(chromedp.CSS(`#filters button[type=submit]`)), ready(2),
		chromedp.Click(chromedp.CSS(`#incidents th[data-sort=fatalities] button`)))
	first := bodyInt(t, ctx, "markers")
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(loc)
	q := u.Query()
	if q.Get("event_type") != "Explosions/Remote violence" || q.Get("min_fatalities") != "5" || q.Get("sort") != "-fatalities" {
		t.Fatalf("URL %s does not hold the filters and the order", loc)
	}
	// A fresh load of the shared URL shows the same view.
	do(t, ctx, "reload", chromedp.Navigate("about:blank"), chromedp.Navigate(loc), ready(1))
	want := apiMarkers(t, base, "event_type="+url.QueryEscape("Explosions/Remote violence")+"&min_fatalities=5")
	if got := bodyInt(t, ctx, "markers"); got != want || got != first {
		t.Errorf("restored view: %d markers, before %d, API %d", got, first, want)
	}
	if v := eval[string](t, ctx, `document.querySelector("#filters [name=event_type]").value`); v != "Explosions/Remote violence" {
		t.Errorf("restored event type = %q", v)
	}
	if v := eval[string](t, ctx, `document.querySelector("#incidents th[data-sort=fatalities]").getAttribute("aria-sort")`); v != "descending" {
		t.Errorf("restored order: fatalities column aria-sort = %q, want descending", v)
	}
	ok := eval[bool](t, ctx, `(() => { const v = [...document.querySelectorAll("#incidents tbody td.num")].map(td => Number(td.textContent));
		return v.length > 0 && v.every((x, i) => i === 0 || v[i-1] >= x) && v.every(x => x >= 5); })()`)
	if !ok {
		t.Error("restored list is not sorted by fatalities, descending, all at least 5")
	}
	// An incident in the URL opens its dossier on load.
	id := findIncident(t, base, convoyPlace)
	do(t, ctx, "incident", chromedp.Navigate(base+"/?incident="+id), ready(1),
		waitJS(`document.querySelector("#dossier").dataset.id === "`+id+`"`))
	if hidden := eval[bool](t, ctx, `document.querySelector("#dossier").hidden`); hidden {
		t.Error("dossier hidden after loading a URL naming an incident")
	}
	screenshot(t, ctx, "restored")
}

func TestOutsideTextRendersInert(t *testing.T) {
	ctx := browser(t, 1280, 900)
	base := fixtureSite(t, "")
	id := findIncident(t, base, xssPlace)
	do(t, ctx, "dossier", chromedp.Navigate(base+"/?incident="+id), ready(1),
		waitJS(`document.querySelector("#dossier").dataset.id === "`+id+`"`))
	inert := func(scope string) {
		t.Helper()
		if n := eval[int](t, ctx, `document.querySelectorAll("`+scope+` img, `+scope+` script, `+scope+` b").length`); n != 0 {
			t.Errorf("%s: %d elements made from outside text", scope, n)
		}
		if v := eval[string](t, ctx, `String(window.__xss)`); v != "undefined" {
			t.Errorf("%s: injected script ran (window.__xss = %s)", scope, v)
		}
	}
	inert("#dossier")
	text := eval[string](t, ctx, `document.querySelector("#dossier").textContent`)
	for _, want := range []string{`<script>window.__xss=1</script>`, `<img src=x onerror="window.__xss=2">`, `Evil Outlet`, `<b onmouseover=`} {
		if !strings.Contains(text, want) {
			t.Errorf("dossier does not show %q as text", want)
		}
	}
	screenshot(t, ctx, "dossier")
	article := "Gunmen attacked a village near Kano on Monday, killing 4 people, police said. " +
		`<script>window.__xss=5</script><img src=x onerror="window.__xss=6">`
	do(t, ctx, "explorer", chromedp.Navigate(base+"/?tab=explore"),
		chromedp.SetValue(chromedp.CSS(`#extract-form [name=text]`), article),
		chromedp.Click(chromedp.CSS(`#extract-form button[type=submit]`)),
		waitJS(`document.querySelector("#extract-out h2") !== null`))
	inert("#extract-out")
	if !strings.Contains(eval[string](t, ctx, `document.querySelector("#extract-out").textContent`), "<script>window.__xss=5</script>") {
		t.Error("explorer does not show the article's markup as text")
	}
	screenshot(t, ctx, "explorer")
}

func TestTileServerFromURL(t *testing.T) {
	ctx := browser(t, 1024, 768)
	base := fixtureSite(t, "")
	tiles := base + "/tiles/{z}/{x}/{y}.png"
	do(t, ctx, "load", chromedp.Navigate(base+"/?tiles="+url.QueryEscape(tiles)), ready(1),
		waitJS(`document.querySelectorAll("img.leaflet-tile").length > 0`))
	if !eval[bool](t, ctx, `[...document.querySelectorAll("img.leaflet-tile")].every(i => i.src.startsWith("`+base+`/tiles/"))`) {
		t.Error("tiles do not come from the configured server")
	}
	if n := eval[int](t, ctx, `document.querySelectorAll(".leaflet-overlay-pane path").length`); n != 0 {
		t.Errorf("the embedded basemap is drawn (%d paths) although a tile server is configured", n)
	}
	// A tile URL that is not http(s) is ignored in favour of the embedded basemap.
	do(t, ctx, "bad tiles", chromedp.Navigate(base+"/?tiles="+url.QueryEscape("javascript:alert(1)//{z}")), ready(1),
		waitJS(`document.querySelectorAll(".leaflet-overlay-pane path").length > 100`))
	if n := eval[int](t, ctx, `document.querySelectorAll("img.leaflet-tile").length`); n != 0 {
		t.Errorf("%d tiles from a non-http tile URL", n)
	}
}
