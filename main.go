// Command sitrep turns news reports about armed conflict into a queryable record of incidents.
package main

import (
	"os"

	"sitrep/internal/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
