package cli

import (
	"context"
	"errors"
)

// placeholder until the geoparse command lands; replaced by the package that owns it.
func runGeoparse(_ context.Context, _ *env, _ []string) error {
	return errors.New("geoparse: not built yet")
}
