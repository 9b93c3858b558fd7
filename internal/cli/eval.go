package cli

import (
	"context"
	"fmt"
)

// runEval dispatches `sitrep eval events|geo|entities`.
func runEval(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return usagef("eval: want a gold set: events, geo or entities (e.g. sitrep eval geo --gold ../shared/eval/geo/geowebnews.jsonl)")
	}
	switch args[0] {
	case "events":
		return runEvalEvents(ctx, e, args[1:])
	case "geo":
		return runEvalGeo(ctx, e, args[1:])
	case "entities":
		return runEvalEntities(ctx, e, args[1:])
	case "-h", "-help", "--help", "help":
		// Like every other command's -h: the usage on stderr, exit 0.
		fmt.Fprint(e.stderr, "Usage: sitrep eval events|geo|entities --gold FILE [flags]\n\n"+
			"Gold sets:\n"+
			"  events     score event extraction on a hand-coded article (--gold FILE --article FILE)\n"+
			"  geo        score the geoparser on GeoWebNews or GeoVirus (--gold FILE.jsonl)\n"+
			"  entities   score entity recognition on re3d (--gold FILE.jsonl)\n\n"+
			"Run 'sitrep eval SET -h' for a gold set's flags.\n")
		return nil
	default:
		return usagef("eval: unknown gold set %q: want events, geo or entities", args[0])
	}
}
