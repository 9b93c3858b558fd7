package queue

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"sitrep/internal/event"
)

// BenchmarkQueue measures the queue alone: publish a 2 KB document, a worker receives it and acknowledges it
// (no extraction, no store), with 1 and 2 worker connections.
func BenchmarkQueue(b *testing.B) {
	text := strings.Repeat("Shelling hit the northern districts overnight, officials said. ", 32)
	for _, procs := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", procs), func(b *testing.B) {
			n := startNATS(b)
			pub := dial(b, n)
			var done atomic.Int64
			noop := func(context.Context, event.Document) error {
				done.Add(1)
				return nil
			}
			var stops []func() error
			for range procs {
				stops = append(stops, runWorker(NewWorker(dial(b, n), noop, WorkerOptions{Workers: 4})))
			}
			b.SetBytes(int64(len(text)))
			b.ResetTimer()
			for i := range b.N {
				doc := event.Document{ID: fmt.Sprintf("bench-%d", i), Language: "en", Text: text}
				if _, err := pub.Publish(context.Background(), doc); err != nil {
					b.Fatal(err)
				}
			}
			for done.Load() < int64(b.N) {
				time.Sleep(time.Millisecond)
			}
			b.StopTimer()
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
			for _, stop := range stops {
				if err := stop(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
