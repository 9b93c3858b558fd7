package extract

import (
	"fmt"
	"testing"

	"sitrep/internal/casualty"
)

func TestScratchCas(t *testing.T) {
	for _, s := range []string{
		"The death toll from a car bomb in the northern city of Azaz rose to 31 on Wednesday, the Syrian Observatory for Human Rights said.",
		"The death toll rose to 31.",
		"Nusra Front fighters attacked an army checkpoint near Hama on Tuesday, killing four soldiers, among them two officers, a monitor said.",
		"killing four, among them two children",
	} {
		for _, m := range casualty.Find(s, 0) {
			fmt.Printf("%q kind=%s rule=%s %+v\n", m.Text, m.Kind, m.Rule, m.Count)
		}
		fmt.Println("--")
	}
}
