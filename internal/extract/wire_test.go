package extract

import "testing"

func TestDefaultIsSharedPerOptions(t *testing.T) {
	plain, err := Default(Options{})
	if err != nil {
		t.Fatal(err)
	}
	again, _ := Default(Options{})
	explain, _ := Default(Options{Explain: true})
	if plain != again {
		t.Error("Default(Options{}) built a second engine")
	}
	if explain == plain || !explain.opts.Explain || plain.opts.Explain {
		t.Error("Default does not keep engines apart by their options")
	}
}
