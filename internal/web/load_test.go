package web

import (
	"io"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// BenchmarkPageLoad10k loads the page over a store of 10,000 incidents: each op is one navigation until the
// page has drawn every marker, the list and the timeline. It reports the browser's own time from navigation
// start to ready (ms/load) and the time of GET /api/map alone (ms/api-map). Filling the store is not timed.
func BenchmarkPageLoad10k(b *testing.B) {
	const n = 10000
	needBundle(b)
	chromium(b)
	st := openStore(b)
	start := time.Now()
	fill(b, st, n, 11)
	b.Logf("filled %d reports in %v", n, time.Since(start).Round(time.Millisecond))
	base := site(b, st, "")
	markers := apiMarkers(b, base, "")
	b.Logf("%d markers", markers)
	ctx := browser(b, 1280, 900) // after the fill: the tab has a deadline
	var loadMs, apiMs float64
	runs := 0
	for b.Loop() {
		runs++
		t0 := time.Now()
		res, err := http.Get(base + "/api/map")
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		apiMs += float64(time.Since(t0).Microseconds()) / 1000
		do(b, ctx, "load", chromedp.Navigate(base+"/?run="+strconv.Itoa(runs)), ready(1))
		if got := bodyInt(b, ctx, "markers"); got != markers {
			b.Fatalf("page shows %d markers, API %d", got, markers)
		}
		loadMs += float64(bodyInt(b, ctx, "readyMs"))
		b.Logf("page phases (ms): %s", eval[string](b, ctx, `document.body.dataset.timings`))
	}
	b.ReportMetric(loadMs/float64(runs), "ms/load")
	b.ReportMetric(apiMs/float64(runs), "ms/api-map")
	screenshot(b, ctx, "10k")
}
