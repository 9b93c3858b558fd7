// Package web serves sitrep's web page: a map, a timeline, incident dossiers and an extraction explorer, built
// from the TypeScript sources in web/ by esbuild into dist/ and embedded in the binary. The page talks only to
// the JSON API (internal/api). Browser tests drive it in headless Chromium against a real store.
package web
