package api

import (
	"bufio"
	"fmt"
	"slices"

	"sitrep/internal/pipeline"
)

// writePipelineMetrics writes the pipeline's running totals as counters.
func writePipelineMetrics(b *bufio.Writer, st pipeline.Stats) {
	counter(b, "sitrep_pipeline_documents_total", "Documents the pipeline processed.", st.Documents)
	counter(b, "sitrep_pipeline_duplicates_total", "Exact duplicate documents (nothing new stored).", st.Duplicates)
	counter(b, "sitrep_pipeline_near_duplicates_total", "Near-duplicate documents linked to the one they copy.", st.NearDuplicates)
	counter(b, "sitrep_pipeline_events_total", "Events extracted and stored.", st.Events)
	counter(b, "sitrep_pipeline_incidents_created_total", "Incidents created.", st.Created)
	counter(b, "sitrep_pipeline_events_merged_total", "Events merged into existing incidents.", st.Merged)
	counter(b, "sitrep_pipeline_errors_total", "Documents that failed.", st.Errors)
	reasons := make([]string, 0, len(st.Reasons))
	for r := range st.Reasons {
		reasons = append(reasons, r)
	}
	slices.Sort(reasons)
	header(b, "sitrep_pipeline_errors_by_reason_total", "counter", "Documents that failed, by reason.")
	for _, r := range reasons {
		fmt.Fprintf(b, "sitrep_pipeline_errors_by_reason_total{reason=%s} %d\n", label(r), st.Reasons[r])
	}
}
