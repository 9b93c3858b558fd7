package cli

import (
	"context"
	"errors"
)

// placeholder until the gazetteer command lands; replaced by the package that owns it.
func runGazetteer(_ context.Context, _ *env, _ []string) error {
	return errors.New("gazetteer: not built yet")
}
