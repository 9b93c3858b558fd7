package api

import (
	"net/http"
	"slices"
	"sync"
	"time"
)

// latencyBuckets are the upper bounds (seconds) of the request latency histogram.
var latencyBuckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

// routeStats are the counters of one route.
type routeStats struct {
	codes   map[int]int64 // responses by status code
	buckets []int64       // cumulative counts are computed when written; these are per-bucket
	count   int64
	sum     float64
}

// metrics counts requests and their latency per route pattern.
type metrics struct {
	mu     sync.Mutex
	routes map[string]*routeStats
}

func newMetrics() *metrics { return &metrics{routes: map[string]*routeStats{}} }

// observe records one request.
func (m *metrics) observe(route string, code int, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	rs := m.routes[route]
	if rs == nil {
		rs = &routeStats{codes: map[int]int64{}, buckets: make([]int64, len(latencyBuckets))}
		m.routes[route] = rs
	}
	rs.codes[code]++
	sec := d.Seconds()
	if i, _ := slices.BinarySearch(latencyBuckets, sec); i < len(latencyBuckets) {
		rs.buckets[i]++
	}
	rs.count++
	rs.sum += sec
}

// snapshot copies the counters in route order, for writing without the lock.
func (m *metrics) snapshot() ([]string, map[string]routeStats) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make(map[string]routeStats, len(m.routes))
	names := make([]string, 0, len(m.routes))
	for name, rs := range m.routes {
		c := *rs
		c.codes = make(map[int]int64, len(rs.codes))
		for k, v := range rs.codes {
			c.codes[k] = v
		}
		c.buckets = slices.Clone(rs.buckets)
		out[name] = c
		names = append(names, name)
	}
	slices.Sort(names)
	return names, out
}

// recorder remembers the status a handler wrote.
type recorder struct {
	http.ResponseWriter
	code int
}

func (r *recorder) WriteHeader(code int) {
	if r.code == 0 {
		r.code = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.code == 0 {
		r.code = http.StatusOK
	}
	return r.ResponseWriter.Write(b)
}

// Flush lets streaming handlers flush through the recorder.
func (r *recorder) Flush() {
	if f, ok := r.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// Unwrap gives http.ResponseController the underlying writer.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// instrument counts the requests of route and their latency.
func (s *Server) instrument(route string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &recorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		if rec.code == 0 {
			rec.code = http.StatusOK
		}
		took := time.Since(start)
		s.metrics.observe(route, rec.code, took)
		s.log.Debug("request", "method", r.Method, "path", r.URL.Path, "route", route, "status", rec.code,
			"took", took)
	})
}
