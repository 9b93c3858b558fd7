package cli

import (
	"context"
	"errors"
)

// placeholder until this scorer lands; replaced by the package that owns it.
func runEvalEntities(_ context.Context, _ *env, _ []string) error {
	return errors.New("eval: not built yet")
}
