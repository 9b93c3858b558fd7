package cli

import (
	"context"
	"errors"
)

// placeholder until the extract command lands; replaced by the package that owns it.
func runExtract(_ context.Context, _ *env, _ []string) error {
	return errors.New("extract: not built yet")
}
