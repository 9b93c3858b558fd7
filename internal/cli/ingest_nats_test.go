package cli

import (
	"testing"

	"sitrep/internal/queue/natstest"
)

func TestIngestPublishesToNATS(t *testing.T) {
	srv := natstest.Start(t)
	dir := reportsDir(t)
	code, s, stderr := ingestJSON(t, "--nats", srv.URL(), dir)
	if code != ExitInput || s.Published == nil || *s.Published != 5 || s.Errors != 1 || s.Events != 0 {
		t.Fatalf("exit %d, %+v (published %v); stderr %s", code, s, s.Published, stderr)
	}
	code, s, stderr = ingestJSON(t, "--nats", srv.URL(), dir)
	if *s.Published != 0 || s.Duplicates != 5 {
		t.Errorf("republished: exit %d, %+v (published %v); stderr %s", code, s, *s.Published, stderr)
	}
	if code, _, stderr := run(t, "", "ingest", "--nats", srv.URL(), "--watch", "1s", dir); code != ExitUsage {
		t.Errorf("--nats with --watch: exit %d: %s", code, stderr)
	}
}
