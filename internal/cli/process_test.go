package cli

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestSitrepProcess is not a test: sitrepProcess runs the test binary with it to get a sitrep process that a test
// can kill.
func TestSitrepProcess(t *testing.T) {
	if os.Getenv("SITREP_CLI_HELPER") != "1" {
		t.Skip("helper process for tests that kill sitrep")
	}
	args := os.Args
	for i, a := range args {
		if a == "--" {
			args = args[i+1:]
			break
		}
	}
	os.Exit(Run(args, strings.NewReader(""), os.Stdout, os.Stderr))
}

// sitrepProcess returns a command that runs `sitrep args...` in a process of its own (not yet started).
func sitrepProcess(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], append([]string{"-test.run=^TestSitrepProcess$", "--"}, args...)...)
	cmd.Env = append(os.Environ(), "SITREP_CLI_HELPER=1")
	return cmd
}
