// Package cli is sitrep's command line: one file per subcommand, and the wiring of config, stores and services
// in one visible place.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
)

// Exit codes, documented in the README.
const (
	ExitOK    = 0 // success
	ExitError = 1 // a runtime failure: I/O, network, store
	ExitUsage = 2 // bad flags or arguments
	ExitInput = 3 // the input cannot be used: empty, binary, too large, unsupported language
)

// env is what every subcommand gets from the process: its streams and a logger.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	log    *slog.Logger
}

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

// commands lists every subcommand, in the order `sitrep help` shows them.
func commands() []command {
	return []command{
		{"extract", "extract ACLED-coded events from an article (file, URL or -)", runExtract},
		{"geoparse", "find and resolve place names in text", runGeoparse},
		{"gazetteer", "build the embedded gazetteer or import GeoNames dumps", runGazetteer},
		{"ingest", "extract and store files, directories, URLs and feeds in one batch run", runIngest},
		{"serve", "run feeds, the pipeline, the store, the HTTP API and the web page", runServe},
		{"demo", "load the bundled synthetic sample corpus into a local store and serve it", runDemo},
		{"export", "write stored incidents as ACLED-style CSV, GeoJSON or JSON Lines", runExport},
		{"incident", "show an incident or split a report out of it", runIncident},
		{"worker", "consume documents from NATS JetStream, extract and store them", runWorker},
		{"eval", "score sitrep on gold data (events, geo, entities)", runEval},
		{"version", "print the version", runVersion},
	}
}

// usageError marks an error caused by the command line; Run exits with ExitUsage.
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// inputError marks input that cannot be used; Run exits with ExitInput.
type inputError struct{ err error }

func (i inputError) Error() string { return i.err.Error() }
func (i inputError) Unwrap() error { return i.err }

// Run runs sitrep with args (without the program name) and returns the process exit code.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: logLevel()}))
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, log: logger}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		printHelp(stdout)
		if len(args) == 0 {
			return ExitUsage
		}
		return ExitOK
	}
	if args[0] == "--version" || args[0] == "-version" {
		args = append([]string{"version"}, args[1:]...)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// After the first signal a command winds down (ingest stores what it has extracted, serve finishes its
	// requests); a second one ends the process at once, as signals do by default.
	context.AfterFunc(ctx, stop)
	for _, c := range commands() {
		if c.name == args[0] {
			return exitCode(stderr, c.run(ctx, e, args[1:]))
		}
	}
	fmt.Fprintf(stderr, "sitrep: unknown command %q (see 'sitrep help')\n", args[0])
	return ExitUsage
}

func exitCode(stderr io.Writer, err error) int {
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return ExitOK
	}
	fmt.Fprintf(stderr, "sitrep: %v\n", err)
	var ue usageError
	var ie inputError
	switch {
	case errors.As(err, &ue):
		return ExitUsage
	case errors.As(err, &ie):
		return ExitInput
	default:
		return ExitError
	}
}

func logLevel() slog.Level {
	if os.Getenv("SITREP_DEBUG") != "" {
		return slog.LevelDebug
	}
	return slog.LevelInfo
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "sitrep turns news reports about armed conflict into a queryable record of incidents.")
	fmt.Fprintln(w, "\nUsage: sitrep COMMAND [flags] [args]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'sitrep COMMAND -h' for a command's flags.")
}

// newFlagSet returns a flag set that reports errors instead of exiting.
func newFlagSet(e *env, name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: sitrep %s %s\n\nFlags:\n", name, usage)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args into fs, mapping a bad flag to a usage error.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	return nil
}
