// Package api is sitrep's HTTP API: JSON over the store, the pipeline and the extraction engine, with
// Prometheus metrics, an OpenAPI 3.1 description and the web page mounted at /. Every route is registered in
// one function (routes.go); handlers return a value or an error, and one function maps errors to statuses.
package api
