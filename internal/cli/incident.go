package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"sitrep/internal/incident"
	"sitrep/internal/store"
)

const incidentUsage = `show ID | split INCIDENT_ID DOCUMENT_ID  [--db F]

show   prints an incident as JSON with its reports, merge reasons, source documents and change history.
split  undoes a merge: moves DOCUMENT_ID's reports (and its syndicated copies) out of the incident into a new
       one, which it prints. The change is recorded in both incidents' history.`

func runIncident(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "incident", incidentUsage)
	db := fs.String("db", "sitrep.db", "the store: a SQLite `file`, or a postgres:// DSN")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		fs.Usage()
		return usagef("incident: want show or split")
	}
	sub, ids := pos[0], pos[1:]
	want := map[string]int{"show": 1, "split": 2}
	n, ok := want[sub]
	switch {
	case !ok:
		return usagef("incident: unknown subcommand %q (want show or split)", sub)
	case len(ids) != n:
		return usagef("incident %s: want %d argument(s), got %d", sub, n, len(ids))
	}
	var st store.Store
	st, err = openExistingStore(ctx, *db)
	if err != nil {
		return fmt.Errorf("incident: %w", err)
	}
	defer st.Close()
	var v any
	if sub == "show" {
		v, err = st.GetIncident(ctx, ids[0])
	} else {
		v, err = st.SplitIncident(ctx, ids[0], ids[1])
	}
	if errors.Is(err, store.ErrNotFound) || errors.Is(err, incident.ErrNoReport) || errors.Is(err, incident.ErrOnlyReport) {
		return inputError{fmt.Errorf("incident %s: %w", sub, err)}
	}
	if err != nil {
		return fmt.Errorf("incident %s: %w", sub, err)
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("incident %s: write: %w", sub, err)
	}
	return nil
}
