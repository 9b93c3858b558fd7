package document

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestParseRecordMatchesUnmarshal checks that parseRecord reads what json.Unmarshal reads, or leaves the line
// to it: on records written as encoding/json and Python's json.dumps write them (escapes, surrogate pairs,
// spaces), with keys in other case, escaped, unknown or repeated, values null or of other types, and on copies
// with bytes changed, dropped or inserted.
func TestParseRecordMatchesUnmarshal(t *testing.T) {
	keys := []string{"id", "text", "html", "published", "url", "title", "publisher", "source", "language", "Text",
		"TITLE", "t\\u0065xt", "extra", "body", "ſource", "k", "a_very_long_unknown_key_name"}
	values := []string{`"bench-0"`, `"BAMAKO, June 7 - Several hundred people marched."`, `"Libert\u00e9 \"quoted\"\n\nline"`,
		`"emoji \ud83d\ude00 and lone \ud83d"`, `"tab\tand \/ slash \\ back"`, `"2025-09-19"`, `""`, `null`, `12`,
		`{"a":"b"}`, `["x"]`, `true`, "\"raw é 中文 🙂\"", "\"bad \xff byte\"", `"ctl` + "\x01" + `"`, `"\u2028\u0000"`,
		`"` + strings.Repeat("long plain text ", 20) + `"`}
	spaces := []string{"", "", " ", "\n", "\t ", "\r\n"}
	rng := rand.New(rand.NewPCG(11, 12))
	sp := func() string { return spaces[rng.IntN(len(spaces))] }
	var fast, n int
	check := func(line []byte) {
		t.Helper()
		n++
		var want record
		wantErr := json.Unmarshal(line, &want)
		var got record
		if !parseRecord(line, &got) {
			return
		}
		fast++
		if wantErr != nil {
			t.Fatalf("%q: read %+v, json.Unmarshal fails: %v", line, got, wantErr)
		}
		if got != want {
			t.Fatalf("%q:\n got %+v\nwant %+v", line, got, want)
		}
	}
	for range 20000 {
		var b strings.Builder
		b.WriteString(sp() + "{" + sp())
		for i := range rng.IntN(7) {
			if i > 0 {
				b.WriteString(sp() + "," + sp())
			}
			b.WriteString(`"` + keys[rng.IntN(len(keys))] + `"` + sp() + ":" + sp() + values[rng.IntN(len(values))])
		}
		b.WriteString(sp() + "}" + sp())
		line := []byte(b.String())
		check(line)
		if len(line) > 0 {
			alt := []byte(string(line))
			switch i := rng.IntN(len(alt)); rng.IntN(3) {
			case 0:
				const set = "{}[]\",: \\u0a\x01\xff"
				alt[i] = set[rng.IntN(len(set))]
			case 1:
				alt = append(alt[:i], alt[i+1:]...)
			case 2:
				const set = "{}[]\",: \\u0a\f\v"
				alt = append(alt[:i], append([]byte{set[rng.IntN(len(set))]}, alt[i:]...)...)
			}
			check(alt)
		}
	}
	for _, line := range []string{
		`{"id": "bench-0", "title": "Hundreds march", "url": "https://x.example/a/v0", "published": "2025-09-19", "source": "Sahel Dispatch", "text": "BAMAKO - marchers \u00e9 \"No fuel\"\n\nPolice \ud83d\ude00 lined."}`,
		`{"id":"d1","text":"plain","html":null,"lang":"en"}`,
	} {
		var rec record
		if !parseRecord([]byte(line), &rec) {
			t.Errorf("%s: left to json.Unmarshal", line)
		}
		check([]byte(line))
	}
	if fast < n/8 {
		t.Fatalf("only %d of %d lines read without json.Unmarshal", fast, n)
	}
	t.Logf("%d of %d lines read without json.Unmarshal", fast, n)
}
