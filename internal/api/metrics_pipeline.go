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
	byReason(b, "sitrep_pipeline_errors_by_reason_total", "Documents that failed, by reason.", st.Reasons)
}

// writeForwarderMetrics writes the queue forwarder's running totals (serve --nats): what this process published
// for the workers, from the feed poller and POST /api/documents.
func writeForwarderMetrics(b *bufio.Writer, st pipeline.Stats) {
	counter(b, "sitrep_forwarder_documents_total", "Documents handed to the queue forwarder for the workers.", st.Documents)
	counter(b, "sitrep_forwarder_duplicates_total", "Documents the stream already held (republished within the duplicate window).", st.Duplicates)
	counter(b, "sitrep_forwarder_errors_total", "Documents that could not be published or were refused.", st.Errors)
	byReason(b, "sitrep_forwarder_errors_by_reason_total", "Documents that could not be published or were refused, by reason.", st.Reasons)
}

// byReason writes a counter family with one sample per reason, in reason order.
func byReason(b *bufio.Writer, name, help string, counts map[string]int64) {
	reasons := make([]string, 0, len(counts))
	for r := range counts {
		reasons = append(reasons, r)
	}
	slices.Sort(reasons)
	header(b, name, "counter", help)
	for _, r := range reasons {
		fmt.Fprintf(b, "%s{reason=%s} %d\n", name, label(r), counts[r])
	}
}
