package web

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromium finds the browser: $SITREP_CHROMIUM, else chromium on PATH or its usual Debian places. Without one,
// the test is skipped, except under CI=true, where a missing browser fails.
func chromium(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("SITREP_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "/usr/bin/chromium", "/usr/lib/chromium/chromium"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium not found but CI=true: install the Debian package chromium")
	}
	t.Skip("chromium not found: install the Debian package chromium (or set SITREP_CHROMIUM) to run the browser tests")
	return ""
}

// needBundle skips (fails under CI) when the page's bundle is not built into the test binary.
func needBundle(t testing.TB) {
	t.Helper()
	if Built() {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("internal/web/dist has no bundle but CI=true: run make web first")
	}
	t.Skip("the page's bundle is not built: run make web (cd web && npm ci && npm run build)")
}

// shared is the one Chromium of the test binary; each test opens its own tab in it.
var shared struct {
	once   sync.Once
	ctx    context.Context
	cancel func()
	dir    string
	err    error
}

// TestMain stops the shared browser after the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	if shared.cancel != nil {
		shared.cancel()
	}
	if shared.dir != "" {
		os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}

// startBrowser starts headless Chromium with a fresh profile.
func startBrowser(path string) {
	shared.dir, shared.err = os.MkdirTemp("", "sitrep-chromium-")
	if shared.err != nil {
		return
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(shared.dir),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelB := chromedp.NewContext(actx)
	shared.ctx, shared.cancel = ctx, func() { cancelB(); cancelA() }
	shared.err = chromedp.Do(ctx)
}

// browser returns a new tab of the shared headless Chromium with a width x height viewport, closed when the
// test ends.
func browser(t testing.TB, width, height int) context.Context {
	t.Helper()
	if testing.Short() {
		t.Skip("browser tests are skipped with -short")
	}
	needBundle(t)
	path := chromium(t)
	shared.once.Do(func() { startBrowser(path) })
	if shared.err != nil {
		t.Fatalf("start chromium: %v", shared.err)
	}
	tab, cancelTab := chromedp.NewContext(shared.ctx)
	ctx, cancelT := context.WithTimeout(tab, 90*time.Second)
	t.Cleanup(func() { cancelT(); cancelTab() })
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(width), int64(height))); err != nil {
		t.Fatalf("open a tab: %v", err)
	}
	return ctx
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9_.-]+`)

// screenshot saves a PNG of the window to $SITREP_SCREENSHOTS (or the test's temporary directory) and logs where.
func screenshot(t testing.TB, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("SITREP_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	path := filepath.Join(dir, unsafeName.ReplaceAllString(t.Name()+"-"+name, "_")+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}

// do runs actions, failing the test on an error.
func do(t testing.TB, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		screenshot(t, ctx, "failed")
		t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](t testing.TB, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

// waitJS waits until a JavaScript expression is truthy. A poll that started in a page that was then replaced
// (its JavaScript context gone) is started again in the new one.
func waitJS(js string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		var err error
		for range 3 {
			_, err = chromedp.Poll[chromedp.Void](js, chromedp.WithPollingInterval(50*time.Millisecond),
				chromedp.WithPollingTimeout(30*time.Second))(ctx, t)
			if err == nil || !strings.Contains(err.Error(), "Cannot find context") {
				return err
			}
		}
		return err
	})
}

// ready waits until the page has loaded its data for load generation gen or later (body[data-gen]).
func ready(gen int) chromedp.Action[chromedp.Void] {
	return waitJS(`document.body.dataset.state === "ready" && Number(document.body.dataset.gen) >= ` + strconv.Itoa(gen))
}

// bodyInt reads an integer data attribute of <body> (-1 when absent).
func bodyInt(t testing.TB, ctx context.Context, name string) int {
	t.Helper()
	return eval[int](t, ctx, `Number(document.body.dataset.`+name+` || -1)`)
}
