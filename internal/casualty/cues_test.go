package casualty

import (
	"reflect"
	"testing"
)

func FuzzCueSpans(f *testing.F) {
	for _, s := range []string{newsText()[:2000], "xkilled killed_ 5killed DEATH  Toll tolls shot dead-end",
		"Bodies of the dead; deaths of 3; lost their lives", "\u212aILLED k\u017filled", "\xffwounded\u00e9hurt"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if a, b := cueRe.FindAllStringIndex(s, -1), cueSpans(s); !reflect.DeepEqual(a, b) {
			t.Fatalf("%q:\nregexp  %v\nscanner %v", s, a, b)
		}
	})
}
