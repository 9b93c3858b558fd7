package cli

import (
	"context"
	"fmt"
	"os"
	"sync"

	"sitrep/internal/sources"
)

// watch scans each directory every --watch interval until ctx ends (Ctrl-C), then prints the summary. New and
// changed article files are ingested once they have settled; failures are logged as they happen.
func (in *ingester) watch(ctx context.Context, dirs []string) error {
	for _, d := range dirs {
		if st, err := os.Stat(d); err != nil || !st.IsDir() {
			in.prog.finish()
			return usagef("ingest: --watch: %s is not a directory", d)
		}
	}
	in.e.log.Info("watching", "dirs", dirs, "every", in.f.watch)
	var wg sync.WaitGroup
	for _, d := range dirs {
		w := sources.NewDir(d, in.pipe, sources.DirOptions{Interval: in.f.watch, MaxBytes: in.f.maxBytes,
			Published: in.published, Logger: in.e.log})
		wg.Go(func() { w.Run(ctx) })
	}
	wg.Wait()
	sum := in.prog.finish()
	if err := in.writeSummary(sum); err != nil {
		return err
	}
	if sum.Errors > 0 {
		return inputError{fmt.Errorf("ingest: %d input(s) failed", sum.Errors)}
	}
	return nil
}
