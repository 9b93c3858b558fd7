package casualty

import (
	"strings"
	"testing"
)

// newsText builds about 300 KB of news-like sentences written for this benchmark.
func newsText() string {
	lines := []string{
		"Some 20 people were killed on Tuesday when an air strike hit a market in the north of the province.",
		"The death toll rose to 31 overnight, according to a monitoring group that tracks the four-year war.",
		"Government forces said they had regained control of three villages earlier this week after heavy fighting.",
		"A car bomb exploded near a checkpoint, killing four, among them two children, and wounding dozens.",
		"Protesters gathered in the capital yesterday for the first time in four years, demanding the release of 18 detainees.",
		"The ministry said 2,000 troops and S-300 missiles had been sent to the base under Resolution 2254 in September 2016.",
		"No one was hurt in the attack, which the group claimed in a statement posted online on 5 October 2016.",
		"Aid agencies say more than a dozen trucks were looted last month and that up to 30 aid workers are missing.",
	}
	var b strings.Builder
	for b.Len() < 300<<10 {
		for _, l := range lines {
			b.WriteString(l)
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// BenchmarkFind runs Find sentence by sentence, as the engine does.
func BenchmarkFind(b *testing.B) {
	text := newsText()
	sents := strings.SplitAfter(text, ". ")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		base := 0
		for _, s := range sents {
			Find(s, base)
			base += len(s)
		}
	}
}
