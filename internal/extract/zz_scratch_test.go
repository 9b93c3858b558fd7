package extract

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestScratch prints a brief of SCRATCH files (a scratch aid, not committed).
func TestScratch(t *testing.T) {
	files := os.Getenv("SCRATCH")
	if files == "" {
		t.Skip("SCRATCH unset")
	}
	e := testEngine(t, os.Getenv("EXPLAIN") != "")
	for _, f := range strings.Split(files, ",") {
		res, err := e.Extract(context.Background(), fixture(t, f))
		if err != nil {
			t.Fatal(err)
		}
		fmt.Println("==", f)
		fmt.Print(brief(res))
		for _, ev := range res.Events {
			for _, c := range ev.Claims {
				fmt.Printf("    claim %s %s\n", c.Claimant.Name, c.Stance)
			}
			if os.Getenv("EXPLAIN") != "" {
				for _, x := range ev.Explain {
					fmt.Printf("    x %s=%s %s %s\n", x.Field, x.Value, x.Rule, x.Entry)
				}
			}
		}
	}
}
