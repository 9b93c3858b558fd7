package api

import (
	"net/http"
	"strings"

	"sitrep/internal/export"
	"sitrep/internal/store"
)

// exportTypes are the Content-Type and file extension of each export format.
var exportTypes = map[string][2]string{
	export.FormatCSV:     {"text/csv; charset=utf-8", "csv"},
	export.FormatGeoJSON: {"application/geo+json", "geojson"},
	export.FormatJSONL:   {"application/jsonl; charset=utf-8", "jsonl"},
}

// export answers GET /api/export: every incident matching the filters, streamed in the asked format.
func (s *Server) export(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	if err := checkParams(q, filterParams, []string{"format"}); err != nil {
		return err
	}
	format := q.Get("format")
	if format == "" {
		format = export.FormatJSONL
	}
	ct, ok := exportTypes[format]
	if !ok {
		return badRequest("format %q: want one of %s", format, strings.Join(export.Formats, ", "))
	}
	q.Del("format")
	f, err := s.parseFilter(q)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", ct[0])
	w.Header().Set("Content-Disposition", `attachment; filename="sitrep-incidents.`+ct[1]+`"`)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if err := export.Write(w, format, store.All(r.Context(), s.st, f), s.opts.Export); err != nil {
		// The status is sent; the client sees a truncated body and the log says why.
		s.log.Error("export failed", "format", format, "err", err)
	}
	return nil
}
