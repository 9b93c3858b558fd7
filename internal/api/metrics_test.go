package api

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// sampleLine is one sample of the Prometheus text format: name, optional labels, value.
var sampleLine = regexp.MustCompile(`^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*"(?:,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*")*\})? (\S+)$`)

// TestMetricsFormat checks every line of /metrics against the text exposition format, that every sample's family
// was declared, and that histogram buckets are cumulative.
func TestMetricsFormat(t *testing.T) {
	h, _ := writeServer(t, Options{})
	call(t, h, "POST", "/api/documents", `{"text":"Regierungstruppen beschossen die Stadt.","language":"de"}`)
	call(t, h, "GET", "/api/incidents?limit=2", "")
	call(t, h, "GET", "/api/incidents?limit=-2", "")
	code, body := call(t, h, "GET", "/metrics", "")
	if code != 200 {
		t.Fatalf("status %d", code)
	}
	declared := map[string]string{}
	var lastBucket float64
	for i, line := range strings.Split(strings.TrimSuffix(body, "\n"), "\n") {
		if rest, ok := strings.CutPrefix(line, "# TYPE "); ok {
			name, kind, _ := strings.Cut(rest, " ")
			declared[name] = kind
			continue
		}
		if strings.HasPrefix(line, "# HELP ") {
			continue
		}
		m := sampleLine.FindStringSubmatch(line)
		if m == nil {
			t.Errorf("line %d is not a sample: %q", i+1, line)
			continue
		}
		v, err := strconv.ParseFloat(m[3], 64)
		if err != nil && m[3] != "+Inf" {
			t.Errorf("line %d: value %q", i+1, m[3])
		}
		family := m[1]
		for _, suffix := range []string{"_bucket", "_sum", "_count"} {
			if base := strings.TrimSuffix(family, suffix); declared[base] == "histogram" {
				family = base
			}
		}
		if declared[family] == "" {
			t.Errorf("line %d: family %s has no TYPE line before it", i+1, family)
		}
		if strings.HasSuffix(m[1], "_bucket") {
			if strings.Contains(m[2], `le="0.001"`) {
				lastBucket = 0
			}
			if v < lastBucket {
				t.Errorf("line %d: bucket count falls from %v to %v", i+1, lastBucket, v)
			}
			lastBucket = v
		}
	}
	for _, want := range []string{
		`sitrep_pipeline_errors_by_reason_total{reason="unsupported language"} 1`,
		"sitrep_pipeline_documents_total 1",
		`sitrep_http_requests_total{route="GET /api/incidents",code="400"} 1`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}
