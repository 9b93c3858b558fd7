package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"sitrep/internal/demo"
	"sitrep/internal/event"
	"sitrep/internal/extract"
	"sitrep/internal/pgtest"
	"sitrep/internal/pipeline"
	"sitrep/internal/queue"
	"sitrep/internal/queue/natstest"
	"sitrep/internal/store"
)

// benchEngine is built once for every benchmark run.
var benchEngine = sync.OnceValues(func() (*extract.Engine, error) {
	return buildEngine(context.Background(), "", "", false)
})

// BenchmarkWorkerEndToEnd measures documents per second through the distributed path: publish to JetStream,
// worker processes (each with its own connection and pipeline, one document at a time) extract and store. The
// store is PostgreSQL when installed (SITREP_BENCH_SQLITE=1 forces SQLite). Each document is a sample-corpus
// article made unique by a reference line, so nothing is skipped as a duplicate.
func BenchmarkWorkerEndToEnd(b *testing.B) {
	docs, err := demo.Documents()
	if err != nil {
		b.Fatal(err)
	}
	eng, err := benchEngine()
	if err != nil {
		b.Fatal(err)
	}
	var size int
	for _, d := range docs {
		size += len(d.Text)
	}
	for _, procs := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", procs), func(b *testing.B) {
			st := benchStore(b)
			n := natstest.Start(b)
			ctx := context.Background()
			pub, err := queue.Dial(ctx, n.URL(), queue.Options{})
			if err != nil {
				b.Fatal(err)
			}
			defer pub.Close()
			stop := startBenchWorkers(b, n.URL(), eng, st, procs)
			b.SetBytes(int64(size / len(docs)))
			cpu0 := cpuTime()
			b.ResetTimer()
			for i := range b.N {
				if _, err := pub.Publish(ctx, uniqueDoc(docs[i%len(docs)], i)); err != nil {
					b.Fatal(err)
				}
			}
			waitStored(b, st, b.N)
			b.StopTimer()
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
			b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/doc")
			stop()
		})
	}
}

// benchStore opens an empty store for one benchmark.
func benchStore(b *testing.B) store.Store {
	dsn := filepath.Join(b.TempDir(), "bench.db")
	if _, err := pgtest.BinDir(); err == nil && os.Getenv("SITREP_BENCH_SQLITE") == "" {
		srv := pgtest.Own(b)
		if dsn, err = srv.CreateDB("bench"); err != nil {
			b.Fatal(err)
		}
	}
	st, err := store.Open(context.Background(), dsn, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

// startBenchWorkers starts procs workers, each as a separate process would run: own connection and pipeline.
func startBenchWorkers(b *testing.B, url string, eng *extract.Engine, st store.Store, procs int) func() {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for range procs {
		c, err := queue.Dial(ctx, url, queue.Options{})
		if err != nil {
			b.Fatal(err)
		}
		w := queue.NewWorker(c, processWith(pipeline.New(eng, st, pipeline.Options{})), queue.WorkerOptions{})
		wg.Go(func() {
			defer c.Close()
			if err := w.Run(ctx); err != nil {
				b.Error(err)
			}
		})
	}
	return func() {
		cancel()
		wg.Wait()
	}
}

// uniqueDoc is d with a reference line that makes its text, URL and id unique to i.
func uniqueDoc(d event.Document, i int) event.Document {
	d.Text += fmt.Sprintf("\n\nReference %d.", i)
	d.URL = fmt.Sprintf("%s?ref=%d", d.URL, i)
	d.ID = ""
	return d
}

// waitStored polls the store until it holds n documents.
func waitStored(b *testing.B, st store.Store, n int) {
	deadline := time.Now().Add(10 * time.Minute) // liveness bound only
	for {
		c, err := st.Counts(context.Background())
		if err == nil && c.Documents >= n {
			return
		}
		if time.Now().After(deadline) {
			b.Fatalf("gave up waiting: %+v, %v", c, err)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
