package lexicon

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

func TestZZStats(t *testing.T) {
	l, _ := Default()
	files, _ := filepath.Glob("../extract/testdata/*.txt")
	cnt := map[string]int{}
	tot, pass, hit := 0, 0, 0
	for _, p := range files {
		d, _ := os.ReadFile(p)
		s := string(d)
		for pos := 0; pos < len(s); {
			st, en := nextToken(s, pos)
			if st == len(s) {
				break
			}
			tot++
			if l.filter.mayStart(s[st:en]) {
				pass++
				k := string(foldToken(nil, s[st:en]))
				ks := l.root.children(nil, []byte(k))
				if len(ks) > 0 {
					hit++
					var m uint64
					for _, c := range ks {
						m |= c.mask
					}
					cnt[fmt.Sprintf("%s %b", k, m)]++
				}
			}
			pos = en
		}
	}
	fmt.Println(tot, pass, hit)
	var ks []string
	for k := range cnt {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return cnt[ks[i]] > cnt[ks[j]] })
	for _, k := range ks[:40] {
		fmt.Print(k, "=", cnt[k], "; ")
	}
	fmt.Println(strings.Join(nil, ""), l.cats)
}
