package cli

import (
	"context"
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
	default:
		return usagef("eval: unknown gold set %q: want events, geo or entities", args[0])
	}
}
