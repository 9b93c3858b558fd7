package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"sitrep/internal/cputime"
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
// article made unique by a reference line, so nothing is skipped as a duplicate. The servers and stores are
// set up once per benchmark and kept across the runs that size b.N.
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
	newDSN := benchDSN(b)
	seq := 0 // documents published so far, across runs: keeps every document unique
	for _, procs := range []int{1, 2} {
		st := openBenchStore(b, newDSN(fmt.Sprintf("bench%d", procs)))
		n := natstest.Start(b)
		b.Run(fmt.Sprintf("workers=%d", procs), func(b *testing.B) {
			ctx := context.Background()
			pub, err := queue.Dial(ctx, n.URL(), queue.Options{})
			if err != nil {
				b.Fatal(err)
			}
			defer pub.Close()
			before := storedCount(b, st)
			stop := startBenchWorkers(b, n.URL(), eng, st, procs)
			b.SetBytes(int64(size / len(docs)))
			cpu0 := cputime.Self()
			b.ResetTimer()
			for range b.N {
				if _, err := pub.Publish(ctx, uniqueDoc(docs[seq%len(docs)], seq)); err != nil {
					b.Fatal(err)
				}
				seq++
			}
			waitStored(b, st, before+b.N)
			b.StopTimer()
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
			b.ReportMetric(float64((cputime.Self()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/doc")
			stop()
		})
	}
}

// benchDSN returns a function making a new empty database: on one PostgreSQL server for the benchmark when
// installed, else a SQLite file.
func benchDSN(b *testing.B) func(name string) string {
	if _, err := pgtest.BinDir(); err == nil && os.Getenv("SITREP_BENCH_SQLITE") == "" {
		srv := pgtest.Own(b)
		return func(name string) string {
			dsn, err := srv.CreateDB(name)
			if err != nil {
				b.Fatal(err)
			}
			return dsn
		}
	}
	dir := b.TempDir()
	return func(name string) string { return filepath.Join(dir, name+".db") }
}

// openBenchStore opens the store of dsn until the benchmark ends.
func openBenchStore(b *testing.B, dsn string) store.Store {
	st, err := store.Open(context.Background(), dsn, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

// storedCount is the number of stored documents.
func storedCount(b *testing.B, st store.Store) int {
	c, err := st.Counts(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	return c.Documents
}

// startBenchWorkers starts procs workers, each as a separate process would run (own connection, pipeline and
// batch) and as sitrep worker runs them: documents are written in batches.
func startBenchWorkers(b *testing.B, url string, eng *extract.Engine, st store.Store, procs int) func() {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for range procs {
		c, err := queue.Dial(ctx, url, queue.Options{})
		if err != nil {
			b.Fatal(err)
		}
		batch := pipeline.New(eng, st, pipeline.Options{}).NewBatch(context.WithoutCancel(ctx), pipeline.BatchOptions{})
		w := queue.NewBatchWorker(c, batchSink{batch}, queue.WorkerOptions{})
		wg.Go(func() {
			defer c.Close()
			if err := w.Run(ctx); err != nil {
				b.Error(err)
			}
			batch.Close()
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
