package extract

import (
	"strings"

	"sitrep/internal/lexicon"
)

// militaryNames maps each country code to the name of its military forces in actors_state.
func militaryNames(lex *lexicon.Lexicon) map[string]string {
	out := map[string]string{}
	for _, e := range lex.Entries("actors_state") {
		if c := e.Attr("country"); c != "" && strings.HasPrefix(e.Name, "Military Forces of ") {
			out[c] = e.Name
		}
	}
	return out
}
