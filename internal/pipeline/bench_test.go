package pipeline

import (
	"context"
	"testing"
	"time"

	"sitrep/internal/cputime"
	"sitrep/internal/event"
)

// BenchmarkProcess measures ingest throughput: language check, near-duplicate check, extraction and one SQLite
// transaction per document, over distinct synthetic articles. Reports documents/s besides MB/s.
func BenchmarkProcess(b *testing.B) {
	p, _ := newTestPipeline(b)
	docs := benchDocs(b)
	b.ResetTimer()
	cpu := cputime.Self()
	for i := range b.N {
		if _, err := p.Process(context.Background(), docs[i]); err != nil {
			b.Fatal(err)
		}
	}
	reportDocs(b, cpu)
}

// BenchmarkProcessBatch is BenchmarkProcess through a Batch, as sitrep ingest stores: one transaction for up to
// DefaultBatchSize documents.
func BenchmarkProcessBatch(b *testing.B) {
	p, _ := newTestPipeline(b)
	docs := benchDocs(b)
	bt := p.NewBatch(context.Background(), BatchOptions{})
	b.ResetTimer()
	cpu := cputime.Self()
	for i := range b.N {
		bt.Submit(context.Background(), docs[i], func(_ Outcome, err error) {
			if err != nil {
				b.Error(err)
			}
		})
	}
	bt.Close()
	reportDocs(b, cpu)
}

// benchDocs returns b.N distinct synthetic articles and sets the bytes per operation to their mean size.
func benchDocs(b *testing.B) []event.Document {
	docs := generated(max(b.N, 1), 99)
	var size int64
	for _, d := range docs {
		size += int64(len(d.Text))
	}
	b.SetBytes(size / int64(len(docs)))
	return docs
}

// reportDocs reports documents/s and the CPU time per document (user and system, of the whole process) since
// cpu.
func reportDocs(b *testing.B, cpu time.Duration) {
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
	b.ReportMetric(float64((cputime.Self()-cpu).Microseconds())/1000/float64(max(b.N, 1)), "cpu-ms/doc")
}

// BenchmarkProcessParallel is BenchmarkProcess with GOMAXPROCS goroutines sharing one pipeline and store.
func BenchmarkProcessParallel(b *testing.B) {
	p, _ := newTestPipeline(b)
	docs := generated(max(b.N, 1), 98)
	var size int64
	for _, d := range docs {
		size += int64(len(d.Text))
	}
	b.SetBytes(size / int64(len(docs)))
	next := make(chan int, len(docs))
	for i := range docs {
		next <- i
	}
	close(next)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := p.Process(context.Background(), docs[<-next]); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkProcessBatchParallel is BenchmarkProcessBatch with GOMAXPROCS goroutines submitting to one Batch, as
// sitrep ingest does with its default --workers: the extraction of the next batch overlaps the writing of the
// last. Every fourth document is a syndicated copy of the one before, which waits for its original's batch.
func BenchmarkProcessBatchParallel(b *testing.B) {
	p, _ := newTestPipeline(b)
	docs := benchDocs(b)
	for i := 3; i < len(docs); i += 4 {
		docs[i].Text = docs[i-1].Text + "\nSyndicated."
	}
	next := make(chan int, len(docs))
	for i := range docs {
		next <- i
	}
	close(next)
	bt := p.NewBatch(context.Background(), BatchOptions{})
	b.ResetTimer()
	cpu := cputime.Self()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			bt.Submit(context.Background(), docs[<-next], func(_ Outcome, err error) {
				if err != nil {
					b.Error(err)
				}
			})
		}
	})
	bt.Close()
	reportDocs(b, cpu)
}
