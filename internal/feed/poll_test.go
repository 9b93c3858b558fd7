package feed

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"sitrep/internal/document"
	"sitrep/internal/fetch"
	"sitrep/internal/store"
)

// Synthetic reports of one invented incident, written for these tests.
var (
	strikeParas = []string{
		"An airstrike on a market in the town of Maarat al-Numan in Idlib province killed 12 civilians on Tuesday, a local monitoring group said.",
		"The Syrian Observatory for Human Rights said Russian warplanes carried out the raid. Rescue workers were searching the rubble for survivors late into the evening.",
		"Witnesses said the first missile struck shortly after eight in the morning, when the market was at its busiest, and a second hit the same street minutes later as neighbours ran to help.",
		"A doctor at the town's only functioning hospital said staff had treated more than thirty wounded people, several of them children, and that supplies of blood and anaesthetic were running low.",
		"The town has been hit repeatedly over the past month as fighting intensified along the southern edge of the province. Aid agencies say tens of thousands of people have fled their homes since the start of the year.",
	}
	tollParas = []string{
		"The death toll from Tuesday's air strike on a crowded market in Maarat al-Numan, in Syria's Idlib province, rose to 19 on Wednesday, rescuers from the civil defence said.",
		"Residents described several explosions in quick succession as vendors were setting up their stalls. Funerals were held in the afternoon under a heavy security presence.",
	}
)

// latin1Page is a windows-1252 page (é is byte E9) about a separate clash.
const latin1Page = "latin1:<!doctype html><html><head><title>Clash in Kidal</title></head><body><article><h1>Clash in Kidal</h1>" +
	"<p>Fighters attacked an army post near Kidal in northern Mali on Monday, killing four soldiers, the army said in a statement read by Colonel Andr\xe9 Traor\xe9.</p>" +
	"<p>The army said the attackers fled towards the desert after an exchange of fire that lasted about an hour, and that reinforcements had been sent to the area.</p>" +
	"</article></body></html>"

func testSite(t *testing.T) *site {
	huge := page("Huge", strings.Repeat("A very long paragraph that repeats itself. ", 3000))
	pages := map[string]string{
		"/a/strike":     page("Airstrike kills 12 in Idlib market", strikeParas...),
		"/b/toll":       page("Idlib market strike toll rises to 19", tollParas...),
		"/c/syndicated": page("Russian jets blamed for deadly Idlib raid", append(strikeParas, "Distributed by a news syndicate.")...),
		"/d/kidal":      latin1Page,
		"/e/huge":       huge,
	}
	items := rssItemXML("BASE/a/strike", "Airstrike kills 12", "") +
		rssItemXML("BASE/b/toll", "Toll rises", "") +
		rssItemXML("BASE/c/syndicated", "Russian jets blamed", "") +
		rssItemXML("BASE/missing", "Gone", "") +
		rssItemXML("/d/kidal", "Clash in Kidal", "") +
		rssItemXML("BASE/e/huge", "Huge", "")
	feeds := map[string]string{
		"/feed.xml":   `<?xml version="1.0"?><rss version="2.0"><channel><title>Local Test Wire</title>` + items + `</channel></rss>`,
		"/broken.xml": `<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>cut off`,
	}
	return newSite(t, pages, feeds)
}

func TestPollEndToEnd(t *testing.T) {
	ctx := context.Background()
	s := testSite(t)
	r := newRig(t, 64<<10)
	feedURL := s.URL + "/feed.xml"
	stored, err := r.poller.Poll(ctx, store.Source{URL: feedURL})
	if err != nil {
		t.Fatal(err)
	}
	if stored != 4 {
		t.Errorf("stored %d documents, want 4 (strike, toll, syndicated copy, latin-1 page)", stored)
	}
	src := r.source(t, feedURL)
	if src.LastError != "2 items failed: http 404 (1), too large (1)" || src.ETag == "" ||
		!src.NextPoll.Equal(r.now.Add(time.Minute)) {
		t.Errorf("source after poll: %+v", src)
	}
	strikeID := document.ID(s.URL+"/a/strike", "")
	tollID := document.ID(s.URL+"/b/toll", "")
	copyDoc, err := r.st.GetDocument(ctx, document.ID(s.URL+"/c/syndicated", ""))
	if err != nil || copyDoc.DuplicateOf != strikeID {
		t.Errorf("syndicated copy: duplicate_of %q, %v; want %s", copyDoc.DuplicateOf, err, strikeID)
	}
	kidal, err := r.st.GetDocument(ctx, document.ID(s.URL+"/d/kidal", ""))
	if err != nil || !strings.Contains(kidal.Text, "André Traoré") {
		t.Errorf("windows-1252 page not decoded: %q, %v", kidal.Text, err)
	}
	if !mergedTogether(t, r.st, strikeID, tollID) {
		t.Errorf("the toll report did not merge into the strike's incident")
	}
	st := r.pipe.Stats()
	if st.NearDuplicates != 1 || st.Reasons["http 404"] != 1 || st.Reasons["too large"] != 1 {
		t.Errorf("pipeline stats %+v", st)
	}

	hits := s.pageHits.Load()
	if n, err := r.poller.Poll(ctx, r.source(t, feedURL)); err != nil || n != 0 {
		t.Errorf("second poll: %d, %v", n, err)
	}
	if s.conditional.Load() != 1 || s.pageHits.Load() != hits {
		t.Errorf("second poll: %d conditional requests, %d page fetches; want 1 and none", s.conditional.Load(),
			s.pageHits.Load()-hits)
	}
	src.ETag = ""
	if n, err := r.poller.Poll(ctx, src); err != nil || n != 0 {
		t.Errorf("unconditional poll: %d, %v", n, err)
	}
	if got := s.pageHits.Load() - hits; got != 1 {
		t.Errorf("unconditional poll fetched %d pages, want 1 (only the huge page has no stored document)", got)
	}
}

// mergedTogether reports whether one incident holds reports of both documents.
func mergedTogether(t *testing.T, st store.Store, a, b string) bool {
	for inc, err := range store.All(context.Background(), st, store.Filter{}) {
		if err != nil {
			t.Fatal(err)
		}
		var hasA, hasB bool
		for _, r := range inc.Reports {
			hasA = hasA || r.DocumentID == a
			hasB = hasB || r.DocumentID == b
		}
		if hasA && hasB {
			return true
		}
	}
	return false
}

func TestPollFailuresAreRecordedAndBackOff(t *testing.T) {
	ctx := context.Background()
	s := testSite(t)
	r := newRig(t, 64<<10)
	tests := []struct {
		name, url, reason string
	}{
		{"malformed feed", s.URL + "/broken.xml", "malformed feed: "},
		{"404", s.URL + "/nothing.xml", "http 404: "},
		{"page not feed", s.URL + "/a/strike", "malformed feed: "},
		{"hanging feed", s.URL + "/hang.xml", "timeout: "},
		{"gzip bomb", s.URL + "/bomb.xml", "too large: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for i, wait := range []time.Duration{2 * time.Minute, 4 * time.Minute} {
				n, err := r.poller.Poll(ctx, r.sourceOrNew(t, tt.url))
				if err == nil || n != 0 {
					t.Fatalf("poll %d: %d, %v; want an error", i, n, err)
				}
				src := r.source(t, tt.url)
				if !strings.HasPrefix(src.LastError, tt.reason) || !src.NextPoll.Equal(r.now.Add(wait)) {
					t.Errorf("poll %d: last error %q, next poll in %v; want %q..., %v", i, src.LastError,
						src.NextPoll.Sub(r.now), tt.reason, wait)
				}
			}
		})
	}
	if n, err := r.poller.Poll(ctx, store.Source{URL: s.URL + "/feed.xml"}); err != nil || n != 4 {
		t.Errorf("a good feed after the bad ones: %d, %v", n, err)
	}
}

// sourceOrNew is the stored source with url, or a new one.
func (r *rig) sourceOrNew(t *testing.T, url string) store.Source {
	srcs, _ := r.st.ListSources(context.Background())
	for _, s := range srcs {
		if s.URL == url {
			return s
		}
	}
	return store.Source{URL: url}
}

func TestPollRefusesPrivateAddresses(t *testing.T) {
	s := testSite(t)
	r := newRig(t, 0)
	guarded := NewPoller(r.st, fetch.New(fetch.Options{Timeout: 2 * time.Second}), r.pipe, PollerOptions{})
	for _, u := range []string{s.URL + "/feed.xml", "http://10.0.0.1/feed.xml", "http://localhost:9/feed.xml"} {
		_, err := guarded.Poll(context.Background(), store.Source{URL: u})
		if !errors.Is(err, fetch.ErrPrivateAddress) {
			t.Errorf("poll %s: %v, want ErrPrivateAddress", u, err)
		}
		if src := r.source(t, u); !strings.HasPrefix(src.LastError, "private address refused: ") {
			t.Errorf("source %s: last error %q", u, src.LastError)
		}
	}
	if s.pageHits.Load() != 0 || s.conditional.Load() != 0 {
		t.Errorf("the guarded client reached the local server")
	}
	if got := r.pipe.Stats().Reasons["private address refused"]; got != 3 {
		t.Errorf("stats count %d refusals, want 3", got)
	}
}

func TestRunPollsDueSourcesUntilCancelled(t *testing.T) {
	s := testSite(t)
	r := newRig(t, 64<<10)
	ctx := context.Background()
	for _, u := range []string{s.URL + "/hang.xml", s.URL + "/feed.xml", s.URL + "/broken.xml"} {
		if err := r.st.PutSource(ctx, store.Source{URL: u}); err != nil {
			t.Fatal(err)
		}
	}
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan error)
	go func() { done <- r.poller.Run(runCtx) }()
	deadline := time.Now().Add(30 * time.Second)
	for r.pipe.Stats().Documents < 4 || r.source(t, s.URL+"/broken.xml").LastError == "" {
		if time.Now().After(deadline) {
			t.Fatalf("Run did not poll the good and broken feeds next to a hanging one: %+v", r.pipe.Stats())
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run: %v", err)
	}
	c, _ := r.st.Counts(ctx)
	if c.Documents != 4 {
		t.Errorf("counts %+v", c)
	}
}

func TestPollDoesNotAddBackADeletedSource(t *testing.T) {
	ctx := context.Background()
	s := testSite(t)
	r := newRig(t, 64<<10)
	u := s.URL + "/broken.xml"
	if err := r.st.PutSource(ctx, store.Source{URL: u}); err != nil {
		t.Fatal(err)
	}
	src := r.source(t, u)
	if err := r.st.DeleteSource(ctx, u); err != nil {
		t.Fatal(err)
	}
	r.poller.Poll(ctx, src)
	if srcs, _ := r.st.ListSources(ctx); len(srcs) != 0 {
		t.Errorf("a source deleted during its poll came back: %+v", srcs)
	}
}
