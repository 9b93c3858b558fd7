package api

import (
	"bufio"
	"fmt"
	"net/http"
	"runtime"
	"slices"
	"strconv"
	"strings"
)

// serveMetrics writes the Prometheus text exposition format (version 0.0.4) by hand: request counts and latency
// per route, the pipeline's running totals, the store's table sizes and, with a queue, its backlog.
func (s *Server) serveMetrics(w http.ResponseWriter, r *http.Request) error {
	counts, err := s.st.Counts(r.Context())
	if err != nil {
		return fmt.Errorf("metrics: %w", err)
	}
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	b := bufio.NewWriter(w)
	defer b.Flush()
	s.writeHTTPMetrics(b)
	gauge(b, "sitrep_store_documents", "Documents in the store.", int64(counts.Documents))
	gauge(b, "sitrep_store_duplicate_documents", "Stored documents linked as copies of another.", int64(counts.Duplicates))
	gauge(b, "sitrep_store_events", "Events in the store.", int64(counts.Events))
	gauge(b, "sitrep_store_incidents", "Incidents in the store.", int64(counts.Incidents))
	gauge(b, "sitrep_store_sources", "Feed sources.", int64(counts.Sources))
	if s.pipe != nil {
		writePipelineMetrics(b, s.pipe.Stats())
	}
	if s.opts.Forwarder != nil {
		writeForwarderMetrics(b, s.opts.Forwarder.Stats())
	}
	s.writeQueueMetrics(r.Context(), b)
	gauge(b, "go_goroutines", "Goroutines that currently exist.", int64(runtime.NumGoroutine()))
	return nil
}

// writeHTTPMetrics writes the request counters and the latency histogram of every route seen so far.
func (s *Server) writeHTTPMetrics(b *bufio.Writer) {
	names, routes := s.metrics.snapshot()
	header(b, "sitrep_http_requests_total", "counter", "HTTP requests by route pattern and status code.")
	for _, name := range names {
		codes := make([]int, 0, len(routes[name].codes))
		for c := range routes[name].codes {
			codes = append(codes, c)
		}
		slices.Sort(codes)
		for _, c := range codes {
			fmt.Fprintf(b, "sitrep_http_requests_total{route=%s,code=\"%d\"} %d\n", label(name), c, routes[name].codes[c])
		}
	}
	header(b, "sitrep_http_request_duration_seconds", "histogram", "HTTP request latency by route pattern.")
	for _, name := range names {
		rs := routes[name]
		var cum int64
		for i, le := range latencyBuckets {
			cum += rs.buckets[i]
			fmt.Fprintf(b, "sitrep_http_request_duration_seconds_bucket{route=%s,le=\"%s\"} %d\n", label(name),
				strconv.FormatFloat(le, 'g', -1, 64), cum)
		}
		fmt.Fprintf(b, "sitrep_http_request_duration_seconds_bucket{route=%s,le=\"+Inf\"} %d\n", label(name), rs.count)
		fmt.Fprintf(b, "sitrep_http_request_duration_seconds_sum{route=%s} %s\n", label(name),
			strconv.FormatFloat(rs.sum, 'g', -1, 64))
		fmt.Fprintf(b, "sitrep_http_request_duration_seconds_count{route=%s} %d\n", label(name), rs.count)
	}
}

// header writes the HELP and TYPE lines of a metric family.
func header(b *bufio.Writer, name, kind, help string) {
	fmt.Fprintf(b, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, kind)
}

// gauge writes a one-sample gauge.
func gauge(b *bufio.Writer, name, help string, v int64) {
	header(b, name, "gauge", help)
	fmt.Fprintf(b, "%s %d\n", name, v)
}

// counter writes a one-sample counter.
func counter(b *bufio.Writer, name, help string, v int64) {
	header(b, name, "counter", help)
	fmt.Fprintf(b, "%s %d\n", name, v)
}

// labelEscaper escapes a label value as the exposition format requires.
var labelEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)

// label quotes a label value.
func label(v string) string { return `"` + labelEscaper.Replace(v) + `"` }
