package web

import "net/http"

// notBuiltPage explains how to build the bundle; it holds no outside text.
const notBuiltPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>sitrep: web page not built</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 2em auto">
<h1>The web page is not built into this binary</h1>
<p>This sitrep was compiled without the web bundle. Build it and recompile:</p>
<pre>make web    # cd web &amp;&amp; npm ci &amp;&amp; npm run build  (writes internal/web/dist)
make build</pre>
<p>The JSON API works without it: see <a href="/api/openapi.json">/api/openapi.json</a>.</p>
</body></html>
`

// notBuilt serves notBuiltPage at "/" and 404 elsewhere.
func notBuilt(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/" && r.URL.Path != "/index.html" {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusServiceUnavailable)
	w.Write([]byte(notBuiltPage))
}
